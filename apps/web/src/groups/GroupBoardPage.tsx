import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findGroup, roomName } from '@crossboard/model';
import { loadCredential } from '../api/credentials.ts';
import { Link } from '../ui/Link.tsx';
import { navigate } from '../shared/router.ts';
import { localTimeZone } from '../shared/time-zones.ts';
import { colourFor } from '../shared/user-colour.ts';
import type { LocalUser } from '../shared/workshop-context.ts';
import { WorkshopProvider } from '../shared/WorkshopProvider.tsx';
import { Board } from '../board/Board.tsx';
import { UndoToast } from '../board/UndoToast.tsx';
import { usePhoneLayout } from '../board/use-phone-layout.ts';
import { Outline } from '../outline/Outline.tsx';
import { useCurrentPhase, usePhaseLocked, useSettings } from '../shared/yjs-hooks.ts';
import { useBreakout } from './use-breakout.ts';
import { SharedTimer } from '../facilitation/SharedTimer.tsx';
import { useWritingStatus } from '../facilitation/use-writing-status.ts';
import { AsyncWindowNotice } from '../report/AsyncWindowNotice.tsx';
import { setLanguage } from '../i18n/index.ts';
import { ConnectionStatus } from '../ui/ConnectionStatus.tsx';
import { SiteHeader } from '../ui/SiteHeader.tsx';
import { PresenceList } from '../presence/PresenceList.tsx';
import { openRoom, type RoomConnection } from '../sync/room-connection.ts';
import { defaultWsBase } from '../sync/workshop-sync.ts';
import { Announcement } from './Announcement.tsx';
import { GroupTimer } from './GroupTimer.tsx';
import { useGroupName } from './group-name.ts';
import './groups.css';
import '../ui/workshop-nav.css';

/**
 * `/w/:id/group/:groupId`: a breakout group's board. The same board component as the main
 * one, handed the group's room instead; presence is the group room's, so it shows who is in
 * this group now. Members and facilitators write; anyone else in the workshop looks in.
 */
export function GroupBoardPage({ workshopId, groupId }: { workshopId: string; groupId: string }) {
  const { t } = useTranslation();
  const [credential] = useState(() => loadCredential(workshopId));
  const [rooms, setRooms] = useState<{ control: RoomConnection; group: RoomConnection } | null>(null);

  useEffect(() => {
    if (!credential) navigate(`/w/${encodeURIComponent(workshopId)}/join`, { replace: true });
    else if (credential.language) setLanguage(credential.language);
  }, [credential, workshopId]);

  useEffect(() => {
    if (!credential) return;
    const options = { wsBase: defaultWsBase(), token: credential.token };
    const control = openRoom(roomName({ workshopId, kind: 'control' }), options);
    // Not kept offline: write access here changes with membership, and a queued edit from
    // before a move would only be dropped by the server later.
    const group = openRoom(roomName({ workshopId, kind: 'group', groupId }), { ...options, persist: false });
    setRooms({ control, group });
    return () => {
      control.destroy();
      group.destroy();
      setRooms(null);
    };
  }, [credential, workshopId, groupId]);

  const me = useMemo<LocalUser | null>(
    () =>
      credential && {
        id: credential.personId,
        name: credential.name ?? '',
        organisation: credential.organisation ?? '',
        timeZone: credential.timeZone ?? localTimeZone(),
        colour: colourFor(credential.personId),
        role: credential.role,
      },
    [credential],
  );

  if (!rooms || !me) {
    return (
      <div className="page centered" role="status">
        {t('workshop.loading')}
      </div>
    );
  }
  return (
    <WorkshopProvider workshopId={workshopId} board={rooms.group.doc} control={rooms.control.doc} awareness={rooms.group.awareness} me={me}>
      <GroupBoardView workshopId={workshopId} groupId={groupId} roomNames={[rooms.control.name, rooms.group.name]} me={me} rooms={rooms} />
    </WorkshopProvider>
  );
}

interface ViewProps {
  workshopId: string;
  groupId: string;
  roomNames: string[];
  me: LocalUser;
  rooms: { control: RoomConnection; group: RoomConnection };
}

function GroupBoardView({ workshopId, groupId, roomNames, me, rooms }: ViewProps) {
  const { t } = useTranslation();
  const control = rooms.control.doc;
  const breakout = useBreakout(control);
  const settings = useSettings(control);
  const phase = useCurrentPhase(control);
  const locked = usePhaseLocked(control, phase);
  const nameOf = useGroupName();
  const group = findGroup(breakout, groupId);
  const main = `/w/${encodeURIComponent(workshopId)}`;
  const member = breakout.active && !!group?.members.includes(me.id);
  const writes = me.role === 'facilitator' || member;
  const title = group ? nameOf(group) : t('groups.heading');
  // Between live sessions the server refuses a participant's notes here as on the main board:
  // read-only then, as there, so a member's note is not typed only to vanish.
  const writing = useWritingStatus(control, phase);
  const readOnly = !writes || locked || me.role === 'organiser' || (me.role === 'participant' && !writing.open);
  // A phone gets the group's board as the same list and composer the main board uses there.
  const phone = usePhoneLayout();

  const back = me.role === 'facilitator' ? `${main}/console` : main;

  return (
    <div className={`page page--workshop${phone ? ' page--phone' : ''}`}>
      <SiteHeader>
        <h1 className="workshop-title">{t('groups.boardOf', { group: title })}</h1>
        <ConnectionStatus roomNames={roomNames} rejoinHref={`${main}/join`} />
        {!phone && (
          <Link className="button button--small" href={back}>
            {t('groups.backToMain')}
          </Link>
        )}
      </SiteHeader>
      {/* On a phone the long "Back to the main board" left the title three rows beside the logo:
          it goes to the row of page links under the header, where the main board has its own. */}
      {phone && (
        <nav className="workshop-nav" aria-label={t('nav.label')}>
          <ul className="workshop-nav__list">
            <li>
              <Link className="workshop-nav__link" href={back}>
                {t('groups.backToMain')}
              </Link>
            </li>
          </ul>
        </nav>
      )}
      <div className="workshop">
        <main id="main" className="workshop__main">
          <div className="workshop__bar group-page__meta">
            <p className="phase-announcer">{t('workshop.currentPhase', { phase: t(`phases.${phase}`) })}</p>
            {breakout.active && breakout.timer ? <GroupTimer timer={breakout.timer} /> : <SharedTimer />}
          </div>
          <Announcement control={control} />
          {!group && rooms.control.provider.synced && <p role="alert">{t('groups.notFound')}</p>}
          {group && !breakout.active && <p className="notice">{t('groups.ended')}</p>}
          {group && breakout.active && !writes && <p className="notice">{t('groups.readOnly')}</p>}
          {locked && <p className="notice notice--locked">{t('workshop.lockedHint')}</p>}
          {group && breakout.active && writes && <AsyncWindowNotice phase={phase} />}
          <div className="workshop__panel">
            {phone ? (
              <Outline
                selected={phase}
                lockedPhases={{ painPoints: readOnly, visions: readOnly, recommendations: readOnly }}
                phone={{ readOnly }}
              />
            ) : (
              <Board key={phase} phase={phase} themes={settings.themes} readOnly={readOnly} />
            )}
          </div>
        </main>
        <aside className="workshop__side group-page__side" aria-label={t('groups.whoIsHere')}>
          <PresenceList awareness={rooms.group.awareness} place="group" />
        </aside>
      </div>
      <UndoToast />
    </div>
  );
}
