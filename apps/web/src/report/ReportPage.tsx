import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roomName } from '@crossboard/model';
import { api, type WorkshopInfo } from '../api/client.ts';
import { loadCredential } from '../api/credentials.ts';
import { navigate } from '../shared/router.ts';
import { localTimeZone } from '../shared/time-zones.ts';
import { colourFor } from '../shared/user-colour.ts';
import type { LocalUser } from '../shared/workshop-context.ts';
import { WorkshopProvider } from '../shared/WorkshopProvider.tsx';
import { setLanguage } from '../i18n/index.ts';
import { openRoom, type RoomConnection } from '../sync/room-connection.ts';
import { defaultWsBase, openWorkshop, type WorkshopSync } from '../sync/workshop-sync.ts';
import { ReportView } from './ReportView.tsx';

/** `/w/:id/report`: the board and control rooms as everywhere, plus the report room. */
export function ReportPage({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const [credential] = useState(() => loadCredential(workshopId));
  const [info, setInfo] = useState<WorkshopInfo | null>(null);
  const [rooms, setRooms] = useState<{ sync: WorkshopSync; report: RoomConnection } | null>(null);

  useEffect(() => {
    if (!credential) {
      navigate(`/w/${encodeURIComponent(workshopId)}/join`, { replace: true });
      return;
    }
    if (credential.language) setLanguage(credential.language);
    let live = true;
    api.workshop(workshopId, credential.token).then(
      (w) => live && setInfo(w),
      () => {},
    );
    const sync = openWorkshop(workshopId, credential.token);
    const report = openRoom(roomName({ workshopId, kind: 'report' }), { wsBase: defaultWsBase(), token: credential.token });
    setRooms({ sync, report });
    return () => {
      live = false;
      report.destroy();
      sync.destroy();
      setRooms(null);
    };
  }, [credential, workshopId]);

  const me = useMemo<LocalUser | null>(
    () =>
      credential && {
        id: credential.personId,
        name: info?.you.name ?? credential.name ?? '',
        organisation: info?.you.organisation ?? credential.organisation ?? '',
        // Invited staff have no zone on the server (it says UTC): their device knows better.
        timeZone:
          credential.role === 'participant'
            ? (info?.you.timeZone ?? credential.timeZone ?? localTimeZone())
            : (credential.timeZone ?? localTimeZone()),
        colour: colourFor(credential.personId),
        role: info?.you.role ?? credential.role,
      },
    [credential, info],
  );

  if (!credential || !rooms || !me) {
    return (
      <div className="page centered" role="status">
        {t('report.loading')}
      </div>
    );
  }
  return (
    <WorkshopProvider
      workshopId={workshopId}
      board={rooms.sync.board.doc}
      control={rooms.sync.control.doc}
      awareness={rooms.report.awareness}
      me={me}
    >
      <ReportView
        report={rooms.report.doc}
        token={credential.token}
        title={info?.title ?? ''}
        roomNames={[...rooms.sync.roomNames, rooms.report.name]}
      />
    </WorkshopProvider>
  );
}
