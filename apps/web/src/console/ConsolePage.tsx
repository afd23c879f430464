import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type WorkshopInfo } from '../api/client.ts';
import { loadCredential } from '../api/credentials.ts';
import { Link } from '../ui/Link.tsx';
import { localTimeZone } from '../shared/time-zones.ts';
import { colourFor } from '../shared/user-colour.ts';
import type { LocalUser } from '../shared/workshop-context.ts';
import { WorkshopProvider } from '../shared/WorkshopProvider.tsx';
import { setLanguage } from '../i18n/index.ts';
import { SiteHeader } from '../ui/SiteHeader.tsx';
import { openWorkshop, type WorkshopSync } from '../sync/workshop-sync.ts';
import { Console } from './Console.tsx';
import { ParticipantLinkContext } from './participant-link.ts';

/** `/w/:id/console`: only a facilitator's token opens the rooms; anyone else is told why not. */
export function ConsolePage({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const [credential] = useState(() => loadCredential(workshopId));
  const [info, setInfo] = useState<WorkshopInfo | null>(null);
  const [sync, setSync] = useState<WorkshopSync | null>(null);
  const [joinUrl, setJoinUrl] = useState<string | null>(null);
  const participantLink = useMemo(() => ({ joinUrl, setJoinUrl }), [joinUrl]);
  const isFacilitator = credential?.role === 'facilitator';

  useEffect(() => {
    if (credential?.language) setLanguage(credential.language);
    if (!credential || !isFacilitator) return;
    let live = true;
    api.workshop(workshopId, credential.token).then(
      (w) => {
        if (!live) return;
        setInfo(w);
        if (w.joinUrl) setJoinUrl(w.joinUrl);
      },
      (err) => {
        // Offline is fine (the rooms retry); a refusal is shown by the connection line.
        if (!(err instanceof ApiError)) console.warn(err);
      },
    );
    const s = openWorkshop(workshopId, credential.token);
    setSync(s);
    return () => {
      live = false;
      s.destroy();
      setSync(null);
    };
  }, [credential, isFacilitator, workshopId]);

  const me = useMemo<LocalUser | null>(
    () =>
      credential && {
        id: credential.personId,
        name: info?.you.name ?? credential.name ?? '',
        organisation: info?.you.organisation ?? credential.organisation ?? '',
        timeZone: info?.you.timeZone ?? credential.timeZone ?? localTimeZone(),
        colour: colourFor(credential.personId),
        role: credential.role,
      },
    [credential, info],
  );

  if (!isFacilitator) {
    return (
      <div className="page">
        <SiteHeader />
        <main id="main" className="centered">
          <div className="card">
            <h1>{t('console.onlyFacilitators')}</h1>
            <p>{t('console.onlyFacilitatorsHint')}</p>
            <Link className="button button--primary" href={`/w/${encodeURIComponent(workshopId)}`}>
              {t('console.toBoard')}
            </Link>
          </div>
        </main>
      </div>
    );
  }
  if (!sync || !me) {
    return (
      <div className="page centered" role="status">
        {t('workshop.loading')}
      </div>
    );
  }
  return (
    <WorkshopProvider workshopId={workshopId} board={sync.board.doc} control={sync.control.doc} awareness={sync.board.awareness} me={me}>
      <ParticipantLinkContext.Provider value={participantLink}>
        <Console title={info?.title ?? ''} roomNames={sync.roomNames} />
      </ParticipantLinkContext.Provider>
    </WorkshopProvider>
  );
}
