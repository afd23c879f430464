import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localTimeZone } from '../shared/time-zones.ts';
import { CreateWizard } from '../create/CreateWizard.tsx';
import { MyWorkshops } from '../create/MyWorkshops.tsx';
import { SiteHeader } from '../ui/SiteHeader.tsx';

export function Landing() {
  const { t } = useTranslation();
  const [homeTimeZone] = useState(localTimeZone);
  return (
    <div className="page page--landing">
      <SiteHeader />
      <main id="main" className="landing">
        <section className="landing__hero">
          <h1>{t('landing.heading')}</h1>
          <p className="landing__intro">{t('landing.intro')}</p>
          {/* A returning facilitator's way back in comes before the pitch. */}
          <MyWorkshops />
          <ul className="landing__points">
            <li>{t('landing.point1')}</li>
            <li>{t('landing.point2')}</li>
            <li>{t('landing.point3')}</li>
          </ul>
          <ol className="landing__phases" aria-label={t('workshop.phasesLabel')}>
            <li className="landing__phase landing__phase--painPoints">{t('phases.painPoints')}</li>
            <li className="landing__phase landing__phase--visions">{t('phases.visions')}</li>
            <li className="landing__phase landing__phase--recommendations">{t('phases.recommendations')}</li>
          </ol>
        </section>
        <CreateWizard homeTimeZone={homeTimeZone} />
      </main>
    </div>
  );
}
