import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from './Link.tsx';

export function SiteHeader({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Link href="/" className="brand">
        <span className="brand__mark" aria-hidden="true" />
        <span className="brand__name">{t('app.name')}</span>
      </Link>
      <div className="site-header__rest">{children}</div>
    </header>
  );
}
