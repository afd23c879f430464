import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_PROFILE, isDirectoryContact, type DirectoryEntry, type DirectoryProfile } from '@crossboard/model';
import { ApiError } from '../api/client.ts';
import { loadCredential } from '../api/credentials.ts';
import { Link } from '../ui/Link.tsx';
import { SiteHeader } from '../ui/SiteHeader.tsx';
import { WorkshopNav } from '../ui/WorkshopNav.tsx';
import { ConsentFields, trimmedProfile } from '../ui/ConsentFields.tsx';
import { directoryApi } from '../api/directory-api.ts';
import { PeopleToMeet } from './PeopleToMeet.tsx';
import { PersonCard } from './PersonCard.tsx';
import { SeriesDirectory } from './SeriesDirectory.tsx';
import '../i18n/people-messages.ts';
import '../styles/people.css';

export function DirectoryPage({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const credential = loadCredential(workshopId);
  const [people, setPeople] = useState<DirectoryEntry[] | null>(null);
  const [profile, setProfile] = useState<DirectoryProfile>(EMPTY_PROFILE);
  const [themes, setThemes] = useState<string[]>([]);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const reload = () => {
    if (!credential) return;
    directoryApi.list(workshopId, credential.token).then(
      (r) => setPeople(r.people),
      (e) => setError(e instanceof ApiError ? e.message : t('errors.generic')),
    );
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload only when the workshop or the token changes, not on every credential object.
  useEffect(() => {
    if (!credential) return;
    reload();
    directoryApi.mine(workshopId, credential.token).then(
      (r) => {
        setProfile(r.profile);
        setThemes(r.themes);
      },
      () => {},
    );
  }, [workshopId, credential?.token]);

  const save = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!credential || !isDirectoryContact(profile.contact.trim())) return;
    setStatus('saving');
    setError(null);
    try {
      const saved = await directoryApi.save(workshopId, credential.token, trimmedProfile(profile));
      setProfile(saved.profile);
      setStatus('saved');
      setVersion((v) => v + 1);
      reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.generic'));
      setStatus('idle');
    }
  };

  return (
    <div className="page page--people">
      <SiteHeader />
      <WorkshopNav workshopId={workshopId} current="people" />
      <main id="main" className="people">
        <p>
          <Link href={`/w/${encodeURIComponent(workshopId)}`}>{t('people.directory.back')}</Link>
        </p>
        {!credential ? (
          <p className="notice">{t('people.directory.signIn')}</p>
        ) : (
          <div className="people__layout">
            <section aria-labelledby="people-heading" className="people__list">
              <h1 id="people-heading">{t('people.directory.heading')}</h1>
              <p className="field__hint">{t('people.directory.intro')}</p>
              {people === null ? (
                <p role="status">{t('people.directory.loading')}</p>
              ) : (
                <>
                  <p role="status">{t('people.directory.count', { count: people.length })}</p>
                  {people.length === 0 ? (
                    <p>{t('people.directory.empty')}</p>
                  ) : (
                    <ul className="people__cards">
                      {people.map((p) => (
                        <PersonCard key={p.personId} person={p} />
                      ))}
                    </ul>
                  )}
                </>
              )}
              <SeriesDirectory workshopId={workshopId} token={credential.token} version={version} />
              <PeopleToMeet workshopId={workshopId} token={credential.token} version={version} />
            </section>
            <section aria-labelledby="mine-heading" className="card people__mine">
              <h2 id="mine-heading">{t('people.directory.mine')}</h2>
              <form onSubmit={save}>
                <ConsentFields value={profile} onChange={(p) => (setProfile(p), setStatus('idle'))} themes={themes} />
                {error && (
                  <p className="form__error" role="alert">
                    {error}
                  </p>
                )}
                <p role="status" className="field__hint">
                  {status === 'saved' ? (profile.listed ? t('people.directory.saved') : t('people.directory.withdrawn')) : ''}
                </p>
                <button type="submit" className="button button--primary" disabled={status === 'saving'}>
                  {status === 'saving' ? t('people.directory.saving') : t('people.directory.save')}
                </button>
              </form>
            </section>
          </div>
        )}
      </main>
    </div>
  );
}
