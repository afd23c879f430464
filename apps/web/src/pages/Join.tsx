import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type JoinBody, type PublicWorkshop } from '../api/client.ts';
import { loadCredential, saveCredential } from '../api/credentials.ts';
import { navigate } from '../shared/router.ts';
import { isKnownTimeZone, localTimeZone, timeZoneList } from '../shared/time-zones.ts';
import { LANGUAGES, browserLanguage, isLanguage, setLanguage, type Language } from '../i18n/index.ts';
import { Link } from '../ui/Link.tsx';
import { SiteHeader } from '../ui/SiteHeader.tsx';
import { EMPTY_PROFILE, isDirectoryContact } from '@crossboard/model';
import { ConsentFields, trimmedProfile } from '../ui/ConsentFields.tsx';
import { directoryApi } from '../api/directory-api.ts';

type Field = 'name' | 'organisation' | 'country' | 'timeZone' | 'contact';
type Errors = Partial<Record<Field, string>>;

export function Join({ workshopId, code }: { workshopId: string; code: string | null }) {
  const { t } = useTranslation();
  const [info, setInfo] = useState<PublicWorkshop | null>(null);
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [country, setCountry] = useState('');
  const [timeZone, setTimeZone] = useState(localTimeZone);
  const [language, setLang] = useState<Language>(browserLanguage);
  const [errors, setErrors] = useState<Errors>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [profile, setProfile] = useState(EMPTY_PROFILE);
  const summaryRef = useRef<HTMLDivElement>(null);
  const existing = loadCredential(workshopId);

  useEffect(() => {
    let live = true;
    api.publicWorkshop(workshopId).then(
      (w) => live && setInfo(w),
      () => {
        // The form still works without the title; the join call reports a bad link itself.
      },
    );
    return () => {
      live = false;
    };
  }, [workshopId]);

  const validate = (): Errors => {
    const e: Errors = {};
    if (!name.trim()) e.name = t('join.nameRequired');
    if (!organisation.trim()) e.organisation = t('join.organisationRequired');
    if (!country.trim()) e.country = t('join.countryRequired');
    if (!isKnownTimeZone(timeZone)) e.timeZone = t('join.timeZoneInvalid');
    if (!isDirectoryContact(profile.contact.trim())) e.contact = t('people.consent.contactInvalid');
    return e;
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      // Move focus to the summary so screen-reader users hear what to fix.
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    setSubmitError(null);
    const body: JoinBody = {
      name: name.trim(),
      organisation: organisation.trim(),
      country: country.trim(),
      timeZone,
      language,
      ...(code ? { code } : {}),
    };
    try {
      const joined = await api.join(workshopId, body);
      saveCredential(workshopId, {
        token: joined.token,
        personId: joined.participantId,
        role: joined.role,
        name: body.name,
        organisation: body.organisation,
        timeZone,
        language,
      });
      // Not listed is the default: only a choice the person made is sent.
      if (profile.listed) await directoryApi.save(workshopId, joined.token, trimmedProfile(profile)).catch(() => {});
      navigate(`/w/${encodeURIComponent(workshopId)}`);
    } catch (err) {
      setSubmitError(err instanceof ApiError ? err.message : t('errors.generic'));
      setBusy(false);
    }
  };

  const errorCount = Object.keys(errors).length;
  const describe = (f: Field, hint?: string) => [errors[f] ? `join-${f}-error` : null, hint].filter(Boolean).join(' ') || undefined;

  return (
    <div className="page page--join">
      <SiteHeader />
      <main id="main" className="join">
        <section className="card join__card" aria-labelledby="join-heading">
          <h1 id="join-heading">{info ? t('join.headingNamed', { title: info.title }) : t('join.heading')}</h1>
          {info?.purpose && <p className="join__purpose">{info.purpose}</p>}
          <p className="join__intro">{t('join.intro')}</p>
          {existing && (
            <p className="notice">
              {t('join.already')} <Link href={`/w/${encodeURIComponent(workshopId)}`}>{t('join.continue')}</Link>
            </p>
          )}
          {errorCount > 0 && (
            <div className="form__summary" role="alert" tabIndex={-1} ref={summaryRef}>
              <p>{t('join.errorsSummary', { count: errorCount })}</p>
              <ul>
                {(Object.entries(errors) as [Field, string][]).map(([f, msg]) => (
                  <li key={f}>
                    <a href={`#join-${f}`}>{msg}</a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <form onSubmit={submit} noValidate>
            <div className="field">
              <label htmlFor="join-name">{t('join.name')}</label>
              <input
                id="join-name"
                autoComplete="name"
                value={name}
                onChange={(e) => setName(e.target.value)}
                aria-invalid={!!errors.name || undefined}
                aria-describedby={describe('name')}
              />
              {errors.name && (
                <p id="join-name-error" className="field__error">
                  {errors.name}
                </p>
              )}
            </div>
            <div className="field">
              <label htmlFor="join-organisation">{t('join.organisation')}</label>
              <input
                id="join-organisation"
                autoComplete="organization"
                value={organisation}
                onChange={(e) => setOrganisation(e.target.value)}
                aria-invalid={!!errors.organisation || undefined}
                aria-describedby={describe('organisation')}
              />
              {errors.organisation && (
                <p id="join-organisation-error" className="field__error">
                  {errors.organisation}
                </p>
              )}
            </div>
            <div className="field">
              <label htmlFor="join-country">{t('join.country')}</label>
              <input
                id="join-country"
                autoComplete="country-name"
                value={country}
                onChange={(e) => setCountry(e.target.value)}
                aria-invalid={!!errors.country || undefined}
                aria-describedby={describe('country')}
              />
              {errors.country && (
                <p id="join-country-error" className="field__error">
                  {errors.country}
                </p>
              )}
            </div>
            <div className="field-row">
              <div className="field">
                <label htmlFor="join-timeZone">{t('join.timeZone')}</label>
                <select
                  id="join-timeZone"
                  value={timeZone}
                  onChange={(e) => setTimeZone(e.target.value)}
                  aria-invalid={!!errors.timeZone || undefined}
                  aria-describedby={describe('timeZone', 'join-timeZone-hint')}
                >
                  {timeZoneList().map((z) => (
                    <option key={z} value={z}>
                      {z.replace(/_/g, ' ')}
                    </option>
                  ))}
                </select>
                <p id="join-timeZone-hint" className="field__hint">
                  {t('join.timeZoneHint')}
                </p>
                {errors.timeZone && (
                  <p id="join-timeZone-error" className="field__error">
                    {errors.timeZone}
                  </p>
                )}
              </div>
              <div className="field">
                <label htmlFor="join-language">{t('join.language')}</label>
                <select
                  id="join-language"
                  value={language}
                  onChange={(e) => {
                    const l = e.target.value;
                    if (isLanguage(l)) {
                      setLang(l);
                      setLanguage(l);
                    }
                  }}
                >
                  {LANGUAGES.map((l) => (
                    <option key={l} value={l} lang={l}>
                      {t(`languages.${l}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <ConsentFields value={profile} onChange={setProfile} themes={[]} showPresenceNote idPrefix="join" />
            {submitError && (
              <p className="form__error" role="alert">
                {submitError}
              </p>
            )}
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('join.joining') : t('join.submit')}
            </button>
          </form>
        </section>
      </main>
    </div>
  );
}
