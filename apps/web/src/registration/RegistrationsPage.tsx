import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { instantToZonedLocal } from '@crossboard/model';
import { ApiError } from '../api/client.ts';
import { loadCredential } from '../api/credentials.ts';
import { Link } from '../ui/Link.tsx';
import { localTimeZone } from '../shared/time-zones.ts';
import { SiteHeader } from '../ui/SiteHeader.tsx';
import { WorkshopNav } from '../ui/WorkshopNav.tsx';
import { FairTimes } from './FairTimes.tsx';
import { registrationApi, type RegistrationStatus, type StaffView } from './registration-api.ts';
import './messages.ts';
import './registration.css';

function CountTable({ caption, rows }: { caption: string; rows: { label: string; count: number }[] }) {
  return (
    <table>
      <caption>{caption}</caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td>{r.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Staff only (/w/:id/registrations): the form's settings, counts, admit or decline, CSV, fair times. */
export function RegistrationsPage({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const credential = loadCredential(workshopId);
  const staff = credential && credential.role !== 'participant';
  const [view, setView] = useState<StaffView | null>(null);
  const [open, setOpen] = useState(true);
  const [deadline, setDeadline] = useState('');
  const [question, setQuestion] = useState(() => t('registration.admin.questionDefault'));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const viewerZone = localTimeZone();

  const load = useCallback(() => {
    if (!credential || !staff) return;
    registrationApi.staff(workshopId, credential.token).then(
      (v) => {
        setView(v);
        if (v.form) {
          setOpen(v.form.open);
          setQuestion(v.form.question);
          setDeadline(v.form.deadline === null ? '' : instantToZonedLocal(v.form.deadline, v.homeTimeZone));
        }
      },
      (e) => setError(e instanceof ApiError ? e.message : t('errors.generic')),
    );
  }, [workshopId, credential?.token, staff, t]);
  useEffect(load, [load]);

  const saveForm = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!credential) return;
    try {
      await registrationApi.setForm(workshopId, credential.token, { open, deadline: deadline || null, question });
      setSaved(true);
      load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.generic'));
    }
  };
  const decide = async (registrationId: string, status: RegistrationStatus) => {
    if (!credential) return;
    await registrationApi
      .setStatus(workshopId, credential.token, registrationId, status)
      .catch((e) => setError(e instanceof ApiError ? e.message : t('errors.generic')));
    load();
  };
  const downloadCsv = async () => {
    if (!credential) return;
    const res = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/registrations.csv`, {
      headers: { authorization: `Bearer ${credential.token}` },
    });
    if (!res.ok) return setError(t('errors.generic'));
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = 'registrations.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const publicLink = view?.url && typeof window !== 'undefined' ? `${window.location.origin}${view.url}` : null;
  return (
    <div className="page page--registrations">
      <SiteHeader />
      <WorkshopNav workshopId={workshopId} current="registrations" />
      <main id="main" className="registrations">
        <p>
          <Link href={`/w/${encodeURIComponent(workshopId)}/console`}>{t('registration.admin.back')}</Link>
        </p>
        <h1>{t('registration.admin.heading')}</h1>
        {!staff && <p className="notice">{t('registration.admin.staffOnly')}</p>}
        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        {staff && view && (
          <>
            <section className="card" aria-labelledby={`${id}-form`}>
              <h2 id={`${id}-form`} className="visually-hidden">
                {t('registration.admin.heading')}
              </h2>
              <form onSubmit={saveForm}>
                <label className="consent__check consent__check--main">
                  <input type="checkbox" checked={open} onChange={(e) => (setOpen(e.target.checked), setSaved(false))} />
                  {t('registration.admin.open')}
                </label>
                <div className="field-row">
                  <div className="field">
                    <label htmlFor={`${id}-deadline`}>
                      {t('registration.admin.deadline', { zone: view.homeTimeZone.replace(/_/g, ' ') })}
                    </label>
                    <input
                      id={`${id}-deadline`}
                      type="datetime-local"
                      value={deadline}
                      onChange={(e) => (setDeadline(e.target.value), setSaved(false))}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-question`}>{t('registration.admin.question')}</label>
                    <input
                      id={`${id}-question`}
                      maxLength={300}
                      value={question}
                      onChange={(e) => (setQuestion(e.target.value), setSaved(false))}
                    />
                  </div>
                </div>
                <button type="submit" className="button button--primary">
                  {t('registration.admin.save')}
                </button>{' '}
                <span role="status">{saved ? t('registration.admin.saved') : ''}</span>
              </form>
              {publicLink && (
                <div className="field">
                  <label htmlFor={`${id}-link`}>{t('registration.admin.publicLink')}</label>
                  <input id={`${id}-link`} readOnly value={publicLink} onFocus={(e) => e.target.select()} />
                </div>
              )}
            </section>

            <section className="card" aria-labelledby={`${id}-counts`}>
              <h2 id={`${id}-counts`}>
                {t('registration.admin.counts')} — {t('registration.admin.total', { count: view.counts.total })}
              </h2>
              <div className="registrations__counts">
                <CountTable
                  caption={t('registration.admin.perSession')}
                  rows={view.counts.bySession.map((c) => ({ label: view.sessions[c.key]?.label ?? `#${c.key + 1}`, count: c.count }))}
                />
                <CountTable
                  caption={t('registration.admin.perCountry')}
                  rows={view.counts.byCountry.map((c) => ({ label: c.key, count: c.count }))}
                />
                <CountTable
                  caption={t('registration.admin.perTheme')}
                  rows={view.counts.byTheme.map((c) => ({ label: c.key, count: c.count }))}
                />
              </div>
              <p>
                <button type="button" className="button" onClick={() => void downloadCsv()}>
                  {t('registration.admin.csv')}
                </button>
              </p>
            </section>

            <section className="card" aria-labelledby={`${id}-table`}>
              <h2 id={`${id}-table`}>{t('registration.admin.table')}</h2>
              {view.registrations.length === 0 ? (
                <p>{t('registration.admin.none')}</p>
              ) : (
                <table className="registrations__table">
                  <thead>
                    <tr>
                      <th scope="col">{t('registration.form.name')}</th>
                      <th scope="col">{t('registration.form.organisation')}</th>
                      <th scope="col">{t('registration.form.country')}</th>
                      <th scope="col">{t('registration.admin.sessions')}</th>
                      <th scope="col">{t('registration.form.themes')}</th>
                      <th scope="col">{t('registration.form.answer')}</th>
                      <th scope="col">{t('registration.admin.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {view.registrations.map((r) => (
                      <tr key={r.id}>
                        <td data-label={t('registration.form.name')}>
                          {r.name}
                          {r.email && (
                            <>
                              <br />
                              <a href={`mailto:${r.email}`}>{r.email}</a>
                            </>
                          )}
                        </td>
                        <td data-label={t('registration.form.organisation')}>{r.organisation}</td>
                        <td data-label={t('registration.form.country')}>
                          {r.country}
                          <br />
                          <small>{r.timeZone.replace(/_/g, ' ')}</small>
                        </td>
                        <td data-label={t('registration.admin.sessions')}>
                          {r.sessions.map((i) => view.sessions[i]?.label ?? `#${i + 1}`).join(', ')}
                        </td>
                        <td data-label={t('registration.form.themes')}>{r.themes.join(', ')}</td>
                        <td data-label={t('registration.form.answer')}>{r.answer}</td>
                        <td data-label={t('registration.admin.status')}>
                          <p>{t(`registration.admin.status_${r.status}`)}</p>
                          <div className="registrations__actions">
                            {r.status !== 'admitted' && (
                              <button
                                type="button"
                                className="button button--small"
                                aria-label={t('registration.admin.admit', { name: r.name })}
                                onClick={() => void decide(r.id, 'admitted')}
                              >
                                {t('registration.admin.admitShort')}
                              </button>
                            )}
                            {r.status !== 'declined' && (
                              <button
                                type="button"
                                className="button button--small"
                                aria-label={t('registration.admin.decline', { name: r.name })}
                                onClick={() => void decide(r.id, 'declined')}
                              >
                                {t('registration.admin.declineShort')}
                              </button>
                            )}
                          </div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>

            <FairTimes
              zones={view.registrations.filter((r) => r.status !== 'declined').map((r) => r.timeZone)}
              sessions={view.sessions}
              viewerZone={viewerZone}
            />
          </>
        )}
      </main>
    </div>
  );
}
