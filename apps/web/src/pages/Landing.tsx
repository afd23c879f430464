import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client.ts';
import { saveCredential } from '../api/credentials.ts';
import { navigate } from '../app/router.ts';
import { localTimeZone, timeZoneList } from '../app/time-zones.ts';
import { SiteHeader } from './SiteHeader.tsx';

export function Landing() {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState('');
  const [themes, setThemes] = useState('');
  const [homeTimeZone, setHomeTimeZone] = useState(localTimeZone);
  const [error, setError] = useState<string | null>(null);
  const [titleError, setTitleError] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setTitleError(true);
      document.getElementById('ws-title')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await api.createWorkshop({
        title: title.trim(),
        purpose: purpose.trim(),
        themes: themes.split(',').map((s) => s.trim()).filter(Boolean),
        homeTimeZone,
      });
      saveCredential(created.id, {
        token: created.facilitatorToken,
        personId: created.facilitatorId,
        role: 'facilitator',
        name: 'Facilitator',
        joinUrl: created.joinUrl,
        timeZone: homeTimeZone,
      });
      navigate(`/w/${encodeURIComponent(created.id)}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errors.generic'));
      setBusy(false);
    }
  };

  return (
    <div className="page page--landing">
      <SiteHeader />
      <main id="main" className="landing">
        <section className="landing__hero">
          <h1>{t('landing.heading')}</h1>
          <p className="landing__intro">{t('landing.intro')}</p>
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
        <section className="card landing__create" aria-labelledby="create-heading">
          <h2 id="create-heading">{t('landing.createHeading')}</h2>
          <form onSubmit={submit} noValidate>
            <div className="field">
              <label htmlFor="ws-title">{t('landing.title')}</label>
              <input
                id="ws-title"
                value={title}
                onChange={(e) => {
                  setTitle(e.target.value);
                  setTitleError(false);
                }}
                placeholder={t('landing.titlePlaceholder')}
                aria-invalid={titleError || undefined}
                aria-describedby={titleError ? 'ws-title-error' : undefined}
                required
              />
              {titleError && (
                <p id="ws-title-error" className="field__error">
                  {t('landing.titleRequired')}
                </p>
              )}
            </div>
            <div className="field">
              <label htmlFor="ws-purpose">{t('landing.purpose')}</label>
              <textarea id="ws-purpose" rows={3} value={purpose} onChange={(e) => setPurpose(e.target.value)} aria-describedby="ws-purpose-hint" />
              <p id="ws-purpose-hint" className="field__hint">{t('landing.purposeHint')}</p>
            </div>
            <div className="field">
              <label htmlFor="ws-themes">{t('landing.themes')}</label>
              <input id="ws-themes" value={themes} onChange={(e) => setThemes(e.target.value)} aria-describedby="ws-themes-hint" />
              <p id="ws-themes-hint" className="field__hint">{t('landing.themesHint')}</p>
            </div>
            <div className="field">
              <label htmlFor="ws-tz">{t('landing.homeTimeZone')}</label>
              <select id="ws-tz" value={homeTimeZone} onChange={(e) => setHomeTimeZone(e.target.value)}>
                {timeZoneList().map((z) => (
                  <option key={z} value={z}>
                    {z.replace(/_/g, ' ')}
                  </option>
                ))}
              </select>
            </div>
            {error && (
              <p className="form__error" role="alert">
                {error}
              </p>
            )}
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('landing.creating') : t('landing.create')}
            </button>
          </form>
        </section>
      </main>
    </div>
  );
}
