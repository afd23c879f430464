import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedWorkshop } from '../api/client.ts';
import { accessLink } from '../api/credentials.ts';
import { Link } from '../ui/Link.tsx';
import { CopyField } from '../ui/CopyField.tsx';

/** The moment to keep the facilitator link: it is the only way back in from another browser. */
export function WorkshopReady({
  created,
  title,
  headingRef,
}: {
  created: CreatedWorkshop;
  title: string;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation();
  const origin = window.location.origin;
  const base = `/w/${encodeURIComponent(created.id)}`;
  return (
    <section className="card landing__create wizard wizard--ready" aria-labelledby="ready-heading">
      <h2 id="ready-heading" ref={headingRef} tabIndex={-1}>
        {t('setup.ready.heading', { title })}
      </h2>
      <div className="keep-link" role="note">
        <p className="keep-link__title">{t('access.keepTitle')}</p>
        <p>{t('access.keepBody')}</p>
        <CopyField
          label={t('access.facilitatorLink')}
          value={accessLink(origin, created.id, created.facilitatorToken)}
          copyLabel={t('access.copyFacilitatorLink')}
        />
      </div>
      <CopyField
        label={t('access.participantLink')}
        value={new URL(created.joinUrl, origin).toString()}
        hint={t('workshop.shareHint')}
        copyLabel={t('access.copyParticipantLink')}
      />
      <div className="wizard__nav">
        <Link className="button" href={base}>
          {t('console.toBoard')}
        </Link>
        <Link className="button button--primary" href={`${base}/console`}>
          {t('setup.ready.openConsole')}
        </Link>
      </div>
    </section>
  );
}
