import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type WorkshopInfo } from '../api/client.ts';
import { loadCredential, saveCredential, type Credential } from '../api/credentials.ts';
import { navigate } from '../shared/router.ts';
import { localTimeZone } from '../shared/time-zones.ts';
import { colourFor } from '../shared/user-colour.ts';
import type { LocalUser } from '../shared/workshop-context.ts';
import { WorkshopProvider } from '../shared/WorkshopProvider.tsx';
import { setLanguage } from '../i18n/index.ts';
import { openWorkshop, type WorkshopSync } from '../sync/workshop-sync.ts';
import { WorkshopView } from './WorkshopView.tsx';
import { SiteHeader } from '../ui/SiteHeader.tsx';
import { Link } from '../ui/Link.tsx';

/** `/w/:id`: checks who we are, opens the rooms, and hands the documents to the views. */
export function WorkshopPage({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const [credential] = useState<Credential | null>(() => loadCredential(workshopId));
  const [info, setInfo] = useState<WorkshopInfo | null>(null);
  const [fatal, setFatal] = useState<{ message: string; removed: boolean } | null>(null);
  const [sync, setSync] = useState<WorkshopSync | null>(null);

  useEffect(() => {
    if (!credential) navigate(`/w/${encodeURIComponent(workshopId)}/join`, { replace: true });
    else if (credential.language) setLanguage(credential.language);
  }, [credential, workshopId]);

  useEffect(() => {
    if (!credential) return;
    let live = true;
    api.workshop(workshopId, credential.token).then(
      (w) => {
        if (!live) return;
        setInfo(w);
        if (w.you.language) setLanguage(w.you.language);
        saveCredential(workshopId, { ...credential, name: w.you.name, organisation: w.you.organisation });
      },
      (err) => {
        // Offline: carry on with what this device remembers; the sockets retry on their own.
        if (live && err instanceof ApiError && err.status >= 400 && err.status < 500) {
          const removed = err.code === 'PERSON_REMOVED';
          setFatal({ message: err.message, removed });
        }
      },
    );
    return () => {
      live = false;
    };
  }, [credential, workshopId]);

  useEffect(() => {
    if (!credential) return;
    const s = openWorkshop(workshopId, credential.token);
    setSync(s);
    return () => {
      s.destroy();
      setSync(null);
    };
  }, [credential, workshopId]);

  const me = useMemo<LocalUser | null>(() => {
    if (!credential) return null;
    const you = info?.you;
    return {
      id: credential.personId,
      name: you?.name ?? credential.name ?? '',
      organisation: you?.organisation ?? credential.organisation ?? '',
      timeZone: you?.timeZone ?? credential.timeZone ?? localTimeZone(),
      colour: colourFor(credential.personId),
      role: you?.role ?? credential.role,
    };
  }, [credential, info]);

  if (fatal) {
    return (
      <div className="page">
        <SiteHeader />
        <main id="main" className="centered">
          <div className="card">
            <p role="alert">{fatal.removed ? t('connection.refused.removed') : fatal.message}</p>
            {/* A removed person is told so, and not offered a way back in. */}
            {!fatal.removed && (
              <Link className="button button--primary" href={`/w/${encodeURIComponent(workshopId)}/join`}>
                {t('connection.rejoin')}
              </Link>
            )}
          </div>
        </main>
      </div>
    );
  }
  if (!credential || !sync || !me) {
    return (
      <div className="page centered" role="status">
        {t('workshop.loading')}
      </div>
    );
  }
  return (
    <WorkshopProvider workshopId={workshopId} board={sync.board.doc} control={sync.control.doc} awareness={sync.board.awareness} me={me}>
      <WorkshopView title={info?.title ?? ''} roomNames={sync.roomNames} joinUrl={credential.joinUrl ?? null} />
    </WorkshopProvider>
  );
}
