import { useTranslation } from 'react-i18next';
import { Link } from '../ui/Link.tsx';
import { SiteHeader } from '../ui/SiteHeader.tsx';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <SiteHeader />
      <main id="main" className="centered">
        <div className="card">
          <h1>{t('notFound.heading')}</h1>
          <Link href="/">{t('notFound.home')}</Link>
        </div>
      </main>
    </div>
  );
}
