import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCheckinOpen, PHASES, type Phase } from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { Board } from '../board/Board.tsx';
import { UndoToast } from '../board/UndoToast.tsx';
import { useCurrentPhase, usePhaseLocked, useSettings } from '../shared/yjs-hooks.ts';
import { Outline } from '../outline/Outline.tsx';
import { PresenceList } from '../presence/PresenceList.tsx';
import { useActivityStatus } from '../presence/awareness-hooks.ts';
import { ConnectionStatus } from '../ui/ConnectionStatus.tsx';
import { PhaseTabs } from '../ui/PhaseTabs.tsx';
import { ShareLink } from './ShareLink.tsx';
import { SiteHeader } from '../ui/SiteHeader.tsx';
import { WorkshopNav } from '../ui/WorkshopNav.tsx';
import { Link } from '../ui/Link.tsx';
import { useControl } from '../facilitation/control-hooks.ts';
import { readDrafting } from '../facilitation/control-state.ts';
import { DraftsBoard } from '../board/DraftsBoard.tsx';
import { PhaseChangeBanner } from '../facilitation/PhaseChangeBanner.tsx';
import { BreakoutBanner } from '../groups/BreakoutBanner.tsx';
import { FeedbackBanner } from '../feedback/FeedbackBanner.tsx';
import { ReadyButton } from '../facilitation/ReadyButton.tsx';
import { SharedTimer } from '../facilitation/SharedTimer.tsx';
import { SpotlightFollower } from '../board/Spotlight.tsx';
import { VotingPanel } from '../facilitation/VotingPanel.tsx';
import { AsyncWindowNotice } from '../report/AsyncWindowNotice.tsx';
import { useWritingStatus } from '../facilitation/use-writing-status.ts';
import { AgendaView } from '../facilitation/AgendaView.tsx';
import { PhaseQuestion } from '../facilitation/PhaseQuestion.tsx';
import { useLiveTitle } from '../facilitation/live-title.ts';
import { usePhoneLayout } from '../board/use-phone-layout.ts';

type ViewMode = 'board' | 'outline';

interface Props {
  title: string;
  roomNames: string[];
  joinUrl: string | null;
}

/** The participant's workshop screen: phase tabs, board or outline, who is here. */
export function WorkshopView({ title, roomNames, joinUrl }: Props) {
  const { t } = useTranslation();
  const { workshopId, control, awareness, me } = useWorkshop();
  const settings = useSettings(control);
  const current = useCurrentPhase(control);
  const [selected, setSelected] = useState<Phase>(current);
  const [chosenMode, setMode] = useState<ViewMode>('board');
  // A phone shows the board as a list: the same notes, readable and reachable with a thumb.
  const phone = usePhoneLayout();
  const mode: ViewMode = phone ? 'outline' : chosenMode;
  const locks = {
    painPoints: usePhaseLocked(control, 'painPoints'),
    visions: usePhaseLocked(control, 'visions'),
    recommendations: usePhaseLocked(control, 'recommendations'),
  } satisfies Record<Phase, boolean>;
  useActivityStatus(awareness);
  const drafting = useControl(control, readDrafting);
  const checkinOpen = useControl(control, isCheckinOpen);
  const inDrafts = drafting && me.role === 'participant' && selected === current;

  // Follow the facilitator: when the workshop moves on, everyone's board moves with it.
  useEffect(() => setSelected(current), [current]);

  // Between live sessions a phase is closed unless its async window is open; facilitators are exempt.
  const writing = useWritingStatus(control, selected);
  const readOnly = locks[selected] || me.role === 'organiser' || (me.role === 'participant' && !writing.open);
  const name = useLiveTitle(control, title || settings.title);

  return (
    <div className={`page page--workshop${phone ? ' page--phone' : ''}`}>
      <SiteHeader>
        <h1 className="workshop-title">{name}</h1>
        <ConnectionStatus roomNames={roomNames} rejoinHref={`/w/${encodeURIComponent(workshopId)}/join`} />
        {me.role === 'facilitator' && (
          <Link className="button button--small" href={`/w/${encodeURIComponent(workshopId)}/console`}>
            {t('console.consoleLink')}
          </Link>
        )}
        <Link className="button button--small" href={`/w/${encodeURIComponent(workshopId)}/report`}>
          {t('report.navLink')}
        </Link>
      </SiteHeader>
      {/* The console and the report are the header's buttons; staff find the rest from the console. */}
      <WorkshopNav workshopId={workshopId} role={me.role} current="board" only={['board', 'people', 'checkin']} checkinOpen={checkinOpen} />
      <div className="workshop">
        <main id="main" className="workshop__main">
          <div className="workshop__bar">
            <PhaseTabs selected={selected} current={current} onSelect={setSelected} />
            <SharedTimer />
            <ReadyButton />
            {!phone && (
              <div className="view-toggle" role="group" aria-label={t('workshop.viewLabel')}>
                {(['board', 'outline'] as const).map((m) => (
                  <button key={m} type="button" aria-pressed={mode === m} className="view-toggle__button" onClick={() => setMode(m)}>
                    {t(m === 'board' ? 'workshop.boardView' : 'workshop.outlineView')}
                  </button>
                ))}
              </div>
            )}
          </div>
          <p className="phase-announcer" role="status" aria-live="polite">
            {t('workshop.currentPhase', { phase: t(`phases.${current}`) })}
            {locks[selected] && <span className="badge badge--locked"> {t('workshop.locked')}</span>}
          </p>
          {locks[selected] && <p className="notice notice--locked">{t('workshop.lockedHint')}</p>}
          <AsyncWindowNotice phase={selected} />
          <PhaseChangeBanner />
          <BreakoutBanner />
          {me.role === 'participant' && <FeedbackBanner workshopId={workshopId} />}
          <SpotlightFollower onPhase={setSelected} />
          <AgendaView />
          <PhaseQuestion phase={selected} />
          <div id="phase-panel" role="tabpanel" aria-labelledby={`tab-${selected}`} className="workshop__panel">
            {/* Private drafts have no list view yet: a phone gets their canvas rather than the shared list. */}
            {inDrafts && !readOnly && (mode === 'board' || phone) ? (
              <DraftsBoard phase={selected} themes={settings.themes} />
            ) : mode === 'board' ? (
              <Board key={selected} phase={selected} themes={settings.themes} readOnly={readOnly} />
            ) : (
              <Outline selected={selected} lockedPhases={locks} phone={phone ? { readOnly } : undefined} />
            )}
          </div>
        </main>
        <aside className="workshop__side">
          {me.role === 'facilitator' && joinUrl && <ShareLink joinUrl={joinUrl} />}
          {settings.purpose && <p className="workshop__purpose">{settings.purpose}</p>}
          <VotingPanel phase={selected} />
          <PresenceList awareness={awareness} />
        </aside>
      </div>
      <UndoToast />
    </div>
  );
}
