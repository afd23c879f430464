import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The participant link, for the facilitator to copy. */
export function ShareLink({ joinUrl }: { joinUrl: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const full = new URL(joinUrl, window.location.origin).toString();
  return (
    <section className="share" aria-labelledby="share-heading">
      <h2 id="share-heading" className="share__heading">
        {t('workshop.shareHeading')}
      </h2>
      <p className="share__hint" id="share-hint">
        {t('workshop.shareHint')}
      </p>
      <div className="share__row">
        <input
          className="share__url"
          readOnly
          value={full}
          aria-label={t('workshop.shareHeading')}
          aria-describedby="share-hint"
          onFocus={(e) => e.target.select()}
        />
        <button
          type="button"
          className="button button--small"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(full);
              setCopied(true);
              setTimeout(() => setCopied(false), 2000);
            } catch {
              // Clipboard refused (no permission): the field is selectable for a manual copy.
            }
          }}
        >
          {copied ? t('workshop.copied') : t('workshop.copy')}
        </button>
      </div>
    </section>
  );
}
