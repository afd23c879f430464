import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roomName, type Phase } from '@crossboard/model';
import { loadCredential } from '../api/credentials.ts';
import { LockIcon } from '../ui/icons.tsx';
import { useWorkshop } from '../shared/workshop-context.ts';
import { WorkshopProvider } from '../shared/WorkshopProvider.tsx';
import { Board } from './Board.tsx';
import { openRoom, type RoomConnection } from '../sync/room-connection.ts';
import { defaultWsBase } from '../sync/workshop-sync.ts';

/** Opens my own drafts room with the same connection code as the board (IndexedDB copy included). */
function useMyDraftsRoom(workshopId: string, personId: string): RoomConnection | null {
  const [room, setRoom] = useState<RoomConnection | null>(null);
  useEffect(() => {
    const token = loadCredential(workshopId)?.token;
    if (!token) return;
    const r = openRoom(roomName({ workshopId, kind: 'drafts', participantId: personId }), { wsBase: defaultWsBase(), token });
    setRoom(r);
    return () => {
      setRoom(null);
      r.destroy();
    };
  }, [workshopId, personId]);
  return room;
}

/**
 * While the facilitator has drafting on, a participant writes into `<id>/drafts/<me>`, which
 * only they can read until reveal (facilitators get counts and lengths, never the text). The
 * same Board works on it: it writes to whichever document the nearest WorkshopProvider gives it.
 */
export function DraftsBoard({ phase, themes }: { phase: Phase; themes: string[] }) {
  const { t } = useTranslation();
  const { workshopId, control, me } = useWorkshop();
  const room = useMyDraftsRoom(workshopId, me.id);
  return (
    <section className="drafts" aria-labelledby="drafts-heading">
      <h2 id="drafts-heading" className="drafts__heading">
        <LockIcon /> {t('facilitation.drafts')}
      </h2>
      <p className="drafts__hint">{t('facilitation.draftsHint')}</p>
      {room ? (
        <WorkshopProvider workshopId={workshopId} board={room.doc} control={control} awareness={room.awareness} me={me}>
          <Board phase={phase} themes={themes} readOnly={false} />
        </WorkshopProvider>
      ) : (
        <p role="status">{t('workshop.loading')}</p>
      )}
    </section>
  );
}
