import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentPhase, ORIGIN, readSettings, type Phase } from '@crossboard/model';
import { Link } from '../ui/Link.tsx';
import { useWorkshop } from '../shared/workshop-context.ts';
import { Board } from '../board/Board.tsx';
import { UndoToast } from '../board/UndoToast.tsx';
import { useControl } from '../facilitation/control-hooks.ts';
import { readLocks, readSpotlight, setSpotlight } from '../facilitation/control-state.ts';
import { apiFor } from '../facilitation/facilitation-api.ts';
import { ConnectionStatus } from '../ui/ConnectionStatus.tsx';
import { PhaseTabs } from '../ui/PhaseTabs.tsx';
import { SiteHeader } from '../ui/SiteHeader.tsx';
import { WorkshopNav } from '../ui/WorkshopNav.tsx';
import { PhaseQuestion } from '../facilitation/PhaseQuestion.tsx';
import { useLiveTitle } from '../facilitation/live-title.ts';
import { AccessPanel } from './AccessPanel.tsx';
import { AgendaPanel } from './AgendaPanel.tsx';
import { ClusterPanel } from './ClusterPanel.tsx';
import { ClusterSuggestions } from './ClusterSuggestions.tsx';
import { DraftsPanel } from './DraftsPanel.tsx';
import { GroupsPanel } from './GroupsPanel.tsx';
import { InvitePanel } from './InvitePanel.tsx';
import { Overview } from './Overview.tsx';
import { activeParticipants, PeoplePanel, ReadinessCount } from './PeoplePanel.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import { ThemeSuggestions } from './ThemeSuggestions.tsx';
import { PhaseControls } from './PhaseControls.tsx';
import { TimerControls } from './TimerControls.tsx';
import { useRequest } from './use-request.ts';
import { VersionsPanel } from './VersionsPanel.tsx';
import { VotingControls } from './VotingControls.tsx';

/** People join and leave during a session; refresh the list this often. */
export const PEOPLE_POLL_MS = 15_000;

/** The facilitator's console: steer the phases and clock, cluster, vote, moderate, restore. */
export function Console({ title, roomNames }: { title: string; roomNames: string[] }) {
  const { t } = useTranslation();
  const { workshopId, control } = useWorkshop();
  const api = useMemo(() => apiFor(workshopId), [workshopId]);
  const people = useRequest(api.people, PEOPLE_POLL_MS);
  const phase = useControl(control, currentPhase);
  const settings = useControl(control, readSettings);
  const locks = useControl(control, readLocks);
  const spotlight = useControl(control, readSpotlight);
  const [selected, setSelected] = useState<Phase>(phase);
  const [focusedNote, setFocusedNote] = useState<string | null>(null);
  useEffect(() => setSelected(phase), [phase]);
  const boardHref = `/w/${encodeURIComponent(workshopId)}`;
  const liveTitle = useLiveTitle(control, title || settings.title);

  return (
    <div className="page page--console">
      <SiteHeader>
        <h1 className="workshop-title">{t('console.pageTitle', { title: liveTitle })}</h1>
        <ConnectionStatus roomNames={roomNames} rejoinHref={`${boardHref}/join`} />
        <Link className="button button--small" href={boardHref}>
          {t('console.toBoard')}
        </Link>
      </SiteHeader>
      <WorkshopNav workshopId={workshopId} role="facilitator" current="console" omit={['board']} />
      <main id="main" className="console">
        {/* The live essentials, in one row above the fold: where everyone is, the clock, the plan, the room. */}
        <div className="console__controls" aria-label={t('consoleLive.label')} role="region">
          <PhaseControls />
          <TimerControls />
          <AgendaPanel />
          <section className="console-card console-room" aria-labelledby="console-room">
            <h2 id="console-room">{t('consoleLive.room')}</h2>
            <p className="console-room__count">{t('consoleLive.people', { count: activeParticipants(people.data?.people).length })}</p>
            <ReadinessCount people={people.data?.people} />
          </section>
        </div>
        <div className="console__board">
          <p className="console__viewing">{t('consoleLive.viewing')}</p>
          <PhaseTabs selected={selected} current={phase} onSelect={setSelected} />
          <PhaseQuestion phase={selected} />
          <div className="console__spotlight console-row">
            <button
              type="button"
              className="button button--small"
              disabled={!focusedNote}
              onClick={() => focusedNote && setSpotlight(control, { kind: 'note', id: focusedNote }, Date.now(), ORIGIN.local)}
            >
              {t('console.spotlight.note')}
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={!spotlight}
              onClick={() => setSpotlight(control, null, Date.now(), ORIGIN.local)}
            >
              {t('console.spotlight.clear')}
            </button>
          </div>
          <div
            id="phase-panel"
            role="tabpanel"
            aria-labelledby={`tab-${selected}`}
            className="workshop__panel"
            onFocus={(e) => {
              const id = (e.target as HTMLElement).closest?.('[data-note-id]')?.getAttribute('data-note-id');
              if (id) setFocusedNote(id);
            }}
          >
            <Board key={selected} phase={selected} themes={settings.themes} readOnly={false} />
          </div>
          {locks[selected] && <p className="notice notice--locked">{t('console.lockedNote')}</p>}
          <ClusterSuggestions key={`s-${selected}`} phase={selected} />
          <ClusterPanel phase={selected} />
          <ThemeSuggestions
            key={`t-${selected}`}
            phase={selected}
            themes={settings.themes}
            subject={`${settings.title}\n${settings.purpose}`}
          />
        </div>
        <aside className="console__side">
          <AccessPanel />
          <PeoplePanel people={people} api={api} />
          <SettingsPanel people={people.data?.people} />
          <InvitePanel api={api} onInvited={() => void people.reload()} />
          <DraftsPanel api={api} />
          <GroupsPanel />
          <VotingControls api={api} />
          <VersionsPanel api={api} />
          <Overview people={people.data?.people} />
        </aside>
      </main>
      <UndoToast />
    </div>
  );
}
