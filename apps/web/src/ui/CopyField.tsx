import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A link to hand on: selectable text and a Copy button that says when it worked. */
export function CopyField({ label, value, hint, copyLabel }: { label: string; value: string; hint?: string; copyLabel: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-field">
      <label id={`${id}-label`} htmlFor={id} className="copy-field__label">
        {label}
      </label>
      <div className="share__row">
        <input
          id={id}
          className="share__url"
          readOnly
          value={value}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(e) => e.target.select()}
        />
        <button
          type="button"
          className="button button--small"
          // The visible words are the name (WCAG 2.5.3, axe label-content-name-mismatch); which link
          // it copies is its description, and the tooltip says both.
          aria-describedby={`${id}-label`}
          title={copyLabel}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(value);
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
      {hint && (
        <p id={`${id}-hint`} className="share__hint">
          {hint}
        </p>
      )}
      <span className="visually-hidden" role="status">
        {copied ? t('workshop.copied') : ''}
      </span>
    </div>
  );
}
