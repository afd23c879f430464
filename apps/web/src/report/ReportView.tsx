import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  boardClusters,
  boardNotes,
  controlSettings,
  controlState,
  createRecommendation,
  ORIGIN,
  rankRecommendations,
  readRecommendation,
  readSettings,
  readTallies,
  readVotingRounds,
  reportRecommendations,
} from '@crossboard/model';
import { useControl } from '../facilitation/control-hooks.ts';
import { RoundResults } from '../facilitation/RoundResults.tsx';
import { Link } from '../ui/Link.tsx';
import { useWorkshop } from '../shared/workshop-context.ts';
import { ConnectionStatus } from '../ui/ConnectionStatus.tsx';
import { SiteHeader } from '../ui/SiteHeader.tsx';
import { WorkshopNav } from '../ui/WorkshopNav.tsx';
import { AsyncWindowsPanel } from './AsyncWindowsPanel.tsx';
import { FeedbackPanel } from '../feedback/FeedbackPanel.tsx';
import { CreditChoice } from './CreditChoice.tsx';
import { RecommendationCard } from './RecommendationCard.tsx';
import { boardItems, ownerSuggestions } from './report-data.ts';
import { SchedulePanel } from './SchedulePanel.tsx';
import { useYValue } from '../shared/use-y-value.ts';

interface Props {
  report: Y.Doc;
  token: string;
  title: string;
  roomNames: string[];
}

/** The report room: recommendations made from the board, the schedule and async windows. */
export function ReportView({ report, token, title, roomNames }: Props) {
  const { t } = useTranslation();
  const { workshopId, board, control, me } = useWorkshop();
  const settings = useYValue(controlSettings(control), () => readSettings(control));
  const state = useYValue(controlState(control), () => controlState(control).toJSON());
  const recMaps = reportRecommendations(report);
  // Re-rank when a recommendation is added, removed, reordered or its source changes; typing in a description does not.
  const recVersion = useYValue(recMaps, () => ({}), false);
  const staff = me.role === 'facilitator' || me.role === 'organiser';
  const canEdit = staff || state.participantsMayEditReport === true;
  const boardVersion = useYValue(boardNotes(board), () => ({}), true);
  const clusterVersion = useYValue(boardClusters(board), () => ({}), true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the version counters stand for changes inside Yjs maps whose identity never changes.
  const items = useMemo(
    () => ({
      painPoints: boardItems(board, 'painPoints'),
      visions: boardItems(board, 'visions'),
      recommendations: boardItems(board, 'recommendations'),
      owners: ownerSuggestions(board),
    }),
    [board, boardVersion, clusterVersion],
  );
  const rounds = useControl(control, readVotingRounds);
  const legacyTallies = useControl(control, readTallies);
  // The recommendations phase's latest result for each kind of item; other rounds rank nothing
  // here. A workshop imported before rounds were kept has totals only.
  const tallies = useMemo(() => {
    const votes = new Map<string, number>();
    if (rounds.length === 0) return new Map(Object.entries(legacyTallies ?? {}));
    for (const target of ['notes', 'clusters'] as const) {
      const last = rounds.filter((r) => r.phase === 'recommendations' && r.target === target && r.status === 'closed').at(-1);
      for (const [id, n] of Object.entries(last?.tallies ?? {})) votes.set(id, n);
    }
    return votes;
  }, [rounds, legacyTallies]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the version counters stand for changes inside Yjs maps whose identity never changes.
  const ranked = useMemo(() => {
    const views = [...recMaps.values()].map(readRecommendation).filter((r) => r !== null);
    return rankRecommendations(views, (id) => tallies.get(id) ?? 0);
  }, [recMaps, recVersion, tallies]);
  const [source, setSource] = useState('');
  const base = `/w/${encodeURIComponent(workshopId)}`;

  const createFrom = () => {
    const item = items.recommendations.find((i) => i.id === source);
    if (!item) return;
    report.transact(() => {
      createRecommendation(report, { title: item.label === '—' ? '' : item.label, sourceClusterId: item.id });
    }, ORIGIN.local);
    setSource('');
  };

  return (
    <div className="page page--report">
      <SiteHeader>
        <h1 className="workshop-title">{t('report.pageTitle', { title: title || settings.title })}</h1>
        <ConnectionStatus roomNames={roomNames} rejoinHref={`${base}/join`} />
        <Link className="button button--small" href={base}>
          {t('report.toBoard')}
        </Link>
        {staff && (
          <>
            <Link className="button button--small" href={`${base}/export`}>
              {t('report.toExport')}
            </Link>
            <Link className="button button--small" href={`${base}/report/print`}>
              {t('report.toPrint')}
            </Link>
          </>
        )}
      </SiteHeader>
      <WorkshopNav workshopId={workshopId} role={me.role} current="report" omit={['board', 'export']} />
      <main id="main" className="report">
        <div className="report__main">
          <section aria-labelledby="recommendations-heading">
            <h2 id="recommendations-heading">{t('report.recommendations')}</h2>
            {!canEdit && <p className="notice">{t('report.readOnly')}</p>}
            {tallies.size > 0 && <p className="report-muted">{t('report.rankedByVotes')}</p>}
            {canEdit && (
              <div className="report-create">
                <label className="field">
                  <span>{t('report.createFrom')}</span>
                  <select value={source} onChange={(e) => setSource(e.target.value)}>
                    <option value="">{t('report.createFromPlaceholder')}</option>
                    {items.recommendations.map((i) => (
                      <option key={i.id} value={i.id}>
                        {i.kind === 'cluster' ? t('report.cluster', { title: i.label }) : i.label}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" className="button button--primary" disabled={!source} onClick={createFrom}>
                  {t('report.create')}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => report.transact(() => createRecommendation(report, { title: '' }), ORIGIN.local)}
                >
                  {t('report.newBlank')}
                </button>
              </div>
            )}
            {ranked.length === 0 && <p className="report-muted">{t('report.none')}</p>}
            {ranked.map(({ recommendation, votes }, i) => {
              const map = recMaps.get(recommendation.id);
              return map ? (
                <RecommendationCard
                  key={recommendation.id}
                  report={report}
                  map={map}
                  position={i + 1}
                  votes={votes}
                  painPointItems={items.painPoints}
                  visionItems={items.visions}
                  owners={items.owners}
                  canEdit={canEdit}
                />
              ) : null;
            })}
          </section>
          {rounds.some((r) => r.status === 'closed') && (
            <section aria-labelledby="report-votes-heading">
              <h2 id="report-votes-heading">{t('voting.results')}</h2>
              <RoundResults />
            </section>
          )}
          {staff && <FeedbackPanel workshopId={workshopId} token={token} canRun={staff} />}
        </div>
        <aside className="report__side">
          <CreditChoice workshopId={workshopId} token={token} />
          <SchedulePanel
            workshopId={workshopId}
            title={settings.title}
            purpose={settings.purpose}
            sessions={settings.sessions}
            homeTimeZone={settings.homeTimeZone}
            viewerZone={me.timeZone}
          />
          <AsyncWindowsPanel control={control} viewerZone={me.timeZone} canEdit={me.role === 'facilitator'} />
        </aside>
      </main>
    </div>
  );
}
