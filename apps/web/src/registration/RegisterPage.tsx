import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_PROFILE, isDirectoryContact } from '@crossboard/model';
import { ApiError } from '../api/client.ts';
import { navigate } from '../shared/router.ts';
import { isKnownTimeZone, localTimeZone, timeZoneList } from '../shared/time-zones.ts';
import { ConsentFields, trimmedProfile } from '../ui/ConsentFields.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { SiteHeader } from '../ui/SiteHeader.tsx';
import { registrationApi, type PublicForm } from './registration-api.ts';
import './messages.ts';
import './registration.css';

/** The public registration form at /r/:code: no account, nothing of anyone else's. */
export function RegisterPage({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [form, setForm] = useState<PublicForm | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [country, setCountry] = useState('');
  const [timeZone, setTimeZone] = useState(localTimeZone);
  const [email, setEmail] = useState('');
  const [sessions, setSessions] = useState<number[]>([]);
  const [themes, setThemes] = useState<string[]>([]);
  const [answer, setAnswer] = useState('');
  const [profile, setProfile] = useState(EMPTY_PROFILE);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    registrationApi
      .form(code)
      .then(setForm, (e) =>
        setLoadError(e instanceof ApiError && e.status === 404 ? t('registration.form.notFound') : t('errors.generic')),
      );
  }, [code, t]);

  const zone = isKnownTimeZone(timeZone) ? timeZone : 'UTC';
  const when = (at: number) => formatDateTime(at, i18n.language, { dateStyle: 'full', timeStyle: 'short' }, zone);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!form) return;
    if (
      !name.trim() ||
      !country.trim() ||
      (form.sessions.length > 0 && sessions.length === 0) ||
      !isDirectoryContact(profile.contact.trim())
    ) {
      setError(t('registration.form.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const done = await registrationApi.register(code, {
        name: name.trim(),
        organisation: organisation.trim(),
        country: country.trim(),
        timeZone: zone,
        email: email.trim(),
        sessions,
        themes,
        answer: answer.trim(),
        // The themes of interest above are the ones the directory shows, if the person ticks them.
        directory: { ...trimmedProfile(profile), themes },
      });
      navigate(done.personalUrl);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.generic'));
      setBusy(false);
    }
  };

  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

  return (
    <div className="page page--register">
      <SiteHeader />
      <main id="main" className="register">
        <section className="card register__card" aria-labelledby={`${id}-heading`}>
          {!form ? (
            <p role={loadError ? 'alert' : 'status'} id={`${id}-heading`}>
              {loadError ?? t('registration.form.loading')}
            </p>
          ) : (
            <>
              <h1 id={`${id}-heading`}>{t('registration.form.heading', { title: form.title })}</h1>
              {form.purpose && <p>{form.purpose}</p>}
              {form.deadline !== null && (
                <p className="register__deadline">{t('registration.form.deadline', { time: when(form.deadline) })}</p>
              )}
              {!form.open ? (
                <p className="notice">{t('registration.form.closed')}</p>
              ) : (
                <form onSubmit={submit} noValidate>
                  <div className="field">
                    <label htmlFor={`${id}-name`}>{t('registration.form.name')}</label>
                    <input id={`${id}-name`} autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />
                  </div>
                  <div className="field-row">
                    <div className="field">
                      <label htmlFor={`${id}-org`}>{t('registration.form.organisation')}</label>
                      <input
                        id={`${id}-org`}
                        autoComplete="organization"
                        value={organisation}
                        onChange={(e) => setOrganisation(e.target.value)}
                      />
                    </div>
                    <div className="field">
                      <label htmlFor={`${id}-country`}>{t('registration.form.country')}</label>
                      <input
                        id={`${id}-country`}
                        autoComplete="country-name"
                        required
                        value={country}
                        onChange={(e) => setCountry(e.target.value)}
                      />
                    </div>
                  </div>
                  <div className="field-row">
                    <div className="field">
                      <label htmlFor={`${id}-tz`}>{t('registration.form.timeZone')}</label>
                      <select
                        id={`${id}-tz`}
                        value={timeZone}
                        onChange={(e) => setTimeZone(e.target.value)}
                        aria-describedby={`${id}-tz-hint`}
                      >
                        {timeZoneList().map((z) => (
                          <option key={z} value={z}>
                            {z.replace(/_/g, ' ')}
                          </option>
                        ))}
                      </select>
                      <p id={`${id}-tz-hint`} className="field__hint">
                        {t('registration.form.timeZoneHint')}
                      </p>
                    </div>
                    <div className="field">
                      <label htmlFor={`${id}-email`}>{t('registration.form.email')}</label>
                      <input
                        id={`${id}-email`}
                        type="email"
                        autoComplete="email"
                        value={email}
                        onChange={(e) => setEmail(e.target.value)}
                      />
                    </div>
                  </div>
                  {form.sessions.length > 0 && (
                    <fieldset className="register__choices">
                      <legend>{t('registration.form.sessions')}</legend>
                      {form.sessions.map((s, i) => (
                        <label key={i} className="consent__check">
                          <input
                            type="checkbox"
                            checked={sessions.includes(i)}
                            onChange={(e) => setSessions(toggle(sessions, i, e.target.checked).sort((a, b) => a - b))}
                          />
                          <span>
                            <strong>{s.label}</strong> — {when(s.start)}
                          </span>
                        </label>
                      ))}
                    </fieldset>
                  )}
                  {form.themes.length > 0 && (
                    <fieldset className="register__choices register__choices--grid">
                      <legend>{t('registration.form.themes')}</legend>
                      {form.themes.map((th) => (
                        <label key={th} className="consent__check">
                          <input
                            type="checkbox"
                            checked={themes.includes(th)}
                            onChange={(e) => setThemes(toggle(themes, th, e.target.checked))}
                          />
                          {th}
                        </label>
                      ))}
                    </fieldset>
                  )}
                  {form.question && (
                    <div className="field">
                      <label htmlFor={`${id}-answer`}>{form.question}</label>
                      <textarea id={`${id}-answer`} rows={3} maxLength={1000} value={answer} onChange={(e) => setAnswer(e.target.value)} />
                    </div>
                  )}
                  <ConsentFields value={profile} onChange={setProfile} themes={form.themes} pickThemes={false} />
                  {error && (
                    <p className="form__error" role="alert">
                      {error}
                    </p>
                  )}
                  <button type="submit" className="button button--primary" disabled={busy}>
                    {busy ? t('registration.form.submitting') : t('registration.form.submit')}
                  </button>
                </form>
              )}
            </>
          )}
        </section>
      </main>
    </div>
  );
}
