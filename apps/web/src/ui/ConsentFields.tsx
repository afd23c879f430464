import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DIRECTORY_FIELDS,
  MAX_DIRECTORY_CONTACT_LENGTH,
  MAX_DIRECTORY_ROLE_LENGTH,
  MAX_DIRECTORY_TEXT_LENGTH,
  isDirectoryContact,
  type DirectoryField,
  type DirectoryProfile,
} from '@crossboard/model';
import '../i18n/people-messages.ts';
import '../styles/people.css';

/**
 * The directory choices, the same at join, at registration and later: listed or not, each
 * field to show ticked one by one (none ticked by default), and the texts themselves.
 */
export function ConsentFields({
  value,
  onChange,
  themes,
  showPresenceNote = false,
  idPrefix,
  pickThemes = true,
}: {
  value: DirectoryProfile;
  onChange: (next: DirectoryProfile) => void;
  /** The workshop's themes to choose among; the themes field is left out when there are none. */
  themes: readonly string[];
  showPresenceNote?: boolean;
  /** Ids of the inputs start with it (`join` → `join-contact`), for a form's error summary to link to. */
  idPrefix?: string;
  /** False where the form already asks for themes of interest (registration): only whether to show them. */
  pickThemes?: boolean;
}) {
  const { t } = useTranslation();
  const generated = useId();
  const id = idPrefix ?? generated;
  const set = (patch: Partial<DirectoryProfile>) => onChange({ ...value, ...patch });
  const toggle = (field: DirectoryField, on: boolean) =>
    set({ show: on ? [...value.show.filter((f) => f !== field), field] : value.show.filter((f) => f !== field) });
  const fields = DIRECTORY_FIELDS.filter((f) => f !== 'themes' || themes.length > 0);
  const contactBad = !isDirectoryContact(value.contact.trim());
  const text = (key: 'canHelp' | 'lookingFor', max: number) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{t(`people.consent.${key}`)}</label>
      <textarea
        id={`${id}-${key}`}
        rows={2}
        maxLength={max}
        value={value[key]}
        onChange={(e) => set({ [key]: e.target.value })}
        aria-describedby={`${id}-${key}-count`}
      />
      <p id={`${id}-${key}-count`} className="field__hint">
        {t('people.consent.chars', { count: value[key].length, max })}
      </p>
    </div>
  );

  return (
    <fieldset className="consent">
      <legend>{t('people.consent.legend')}</legend>
      <p className="field__hint">{t('people.consent.intro')}</p>
      {showPresenceNote && <p className="field__hint">{t('people.consent.presenceNote')}</p>}
      <label className="consent__check consent__check--main">
        <input type="checkbox" checked={value.listed} onChange={(e) => set({ listed: e.target.checked })} />
        {t('people.consent.listed')}
      </label>
      {value.listed && (
        <div className="consent__details">
          <fieldset className="consent__show">
            <legend>{t('people.consent.show')}</legend>
            <p className="field__hint">{t('people.consent.name')}</p>
            {fields.map((f) => (
              <label key={f} className="consent__check">
                <input type="checkbox" checked={value.show.includes(f)} onChange={(e) => toggle(f, e.target.checked)} />
                {t(`people.consent.field_${f}`)}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-role`}>{t('people.consent.role')}</label>
            <input
              id={`${id}-role`}
              maxLength={MAX_DIRECTORY_ROLE_LENGTH}
              value={value.role}
              placeholder={t('people.consent.roleHint')}
              onChange={(e) => set({ role: e.target.value })}
            />
          </div>
          {pickThemes && themes.length > 0 && (
            <fieldset className="consent__themes">
              <legend>{t('people.consent.themes')}</legend>
              {themes.map((theme) => (
                <label key={theme} className="consent__check">
                  <input
                    type="checkbox"
                    checked={value.themes.includes(theme)}
                    onChange={(e) => set({ themes: e.target.checked ? [...value.themes, theme] : value.themes.filter((x) => x !== theme) })}
                  />
                  {theme}
                </label>
              ))}
            </fieldset>
          )}
          {text('canHelp', MAX_DIRECTORY_TEXT_LENGTH)}
          {text('lookingFor', MAX_DIRECTORY_TEXT_LENGTH)}
          <div className="field">
            <label htmlFor={`${id}-contact`}>{t('people.consent.contact')}</label>
            <input
              id={`${id}-contact`}
              maxLength={MAX_DIRECTORY_CONTACT_LENGTH}
              value={value.contact}
              onChange={(e) => set({ contact: e.target.value })}
              aria-invalid={contactBad || undefined}
              aria-describedby={contactBad ? `${id}-contact-error` : undefined}
            />
            {contactBad && (
              <p id={`${id}-contact-error`} className="field__error">
                {t('people.consent.contactInvalid')}
              </p>
            )}
          </div>
        </div>
      )}
    </fieldset>
  );
}

/** What a profile sends: trimmed texts; `show` only lists fields with something in them or from joining. */
export function trimmedProfile(p: DirectoryProfile): DirectoryProfile {
  return { ...p, role: p.role.trim(), canHelp: p.canHelp.trim(), lookingFor: p.lookingFor.trim(), contact: p.contact.trim() };
}
