import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  clusteredBoardSvg,
  contributors,
  formatInZone,
  importWorkshop,
  noteAttribution,
  PHASES,
  rankedRecommendations,
  voteChartSvg,
  voteResults,
  votingRoundResults,
  type SnapshotNote,
  type WorkshopSnapshot,
} from '@crossboard/model';
import { ApiError } from '../api/client.ts';
import { loadCredential } from '../api/credentials.ts';
import { fetchFile } from '../shared/download.ts';
import { HORIZON_KEYS, STATUS_KEYS } from './RecommendationCard.tsx';
import { dateLocale } from '../i18n/format.ts';

/** An SVG we generated (text escaped) shown as an image: nothing in it can run in the page. */
function SvgPicture({ svg, alt }: { svg: string; alt: string }) {
  return <img className="print-picture" alt={alt} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} />;
}

/**
 * `/w/:id/report/print`: the whole report on one page with print CSS, so the browser's
 * "Save as PDF" gives a clean document. Built from the same JSON export as the files.
 */
export function PrintReport({ workshopId }: { workshopId: string }) {
  const { t, i18n } = useTranslation();
  const [snapshot, setSnapshot] = useState<WorkshopSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const credential = loadCredential(workshopId);
    if (!credential) {
      setError(t('exportPage.onlyStaff'));
      return;
    }
    let live = true;
    fetchFile(`/api/workshops/${encodeURIComponent(workshopId)}/export?format=json`, credential.token)
      .then(({ blob }) => blob.text())
      .then((json) => live && setSnapshot(importWorkshop(json)))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.message : t('errors.generic')));
    return () => {
      live = false;
    };
  }, [workshopId, t]);

  if (error)
    return (
      <main id="main" className="print-report">
        <p role="alert">{error}</p>
      </main>
    );
  if (!snapshot)
    return (
      <div className="page centered" role="status">
        {t('report.loading')}
      </div>
    );

  const w = snapshot.workshop;
  const lang = dateLocale(i18n.language);
  const noteItem = (n: SnapshotNote) => {
    const a = noteAttribution(snapshot, n.authorId);
    const by = [a.name, a.organisation].filter(Boolean).join(', ');
    return (
      <li key={n.id}>
        {n.text}
        {by && <em> — {by}</em>}
        {n.theme && <span> · {t('print.theme', { theme: n.theme })}</span>}
        {n.votes > 0 && <strong> · {t('report.votes', { count: n.votes })}</strong>}
      </li>
    );
  };
  const nameOf = (id: string) => snapshot.clusters.find((c) => c.id === id)?.title ?? snapshot.notes.find((n) => n.id === id)?.text ?? null;
  const credits = contributors(snapshot);

  return (
    <main id="main" className="print-report">
      <p className="print-only-screen">
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('print.printButton')}
        </button>
      </p>
      <h1>{w.title}</h1>
      {w.purpose && <p>{w.purpose}</p>}
      {w.themes.length > 0 && (
        <p>
          <strong>{t('app.label', { label: t('print.themes') })}</strong> {w.themes.join(', ')}
        </p>
      )}
      {w.sessions.length > 0 && (
        <section>
          <h2>
            {t('print.sessions')} ({w.homeTimeZone})
          </h2>
          <ul>
            {w.sessions.map((s) => (
              <li key={s.start}>
                <strong>{t('app.label', { label: s.label })}</strong>{' '}
                {formatInZone(s.start, w.homeTimeZone, lang, { dateStyle: 'medium', timeStyle: 'short' })}–
                {formatInZone(s.end, w.homeTimeZone, lang, { timeStyle: 'short' })}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="print-section" aria-labelledby="print-recommendations">
        <h2 id="print-recommendations">{t('print.recommendations')}</h2>
        {rankedRecommendations(snapshot).map(({ recommendation: r, votes }, i) => {
          const pains = r.painPointLinks.map(nameOf).filter((x) => x !== null);
          const visions = r.visionLinks.map(nameOf).filter((x) => x !== null);
          return (
            <article key={r.id} className="print-recommendation">
              <h3>
                {i + 1}. {r.title || t('report.untitled')}
                {votes > 0 && <span className="report-muted"> · {t('report.votes', { count: votes })}</span>}
              </h3>
              {r.description
                .split('\n')
                .filter((l) => l.trim())
                .map((line, k) => (
                  <p key={k}>{line}</p>
                ))}
              {pains.length > 0 && (
                <p>
                  <strong>{t('app.label', { label: t('print.painPointsAddressed') })}</strong> {pains.join('; ')}
                </p>
              )}
              {visions.length > 0 && (
                <p>
                  <strong>{t('app.label', { label: t('print.visionsServed') })}</strong> {visions.join('; ')}
                </p>
              )}
              {r.actionSteps.length > 0 && (
                <table className="print-steps">
                  <thead>
                    <tr>
                      <th scope="col">{t('print.step')}</th>
                      <th scope="col">{t('print.owner')}</th>
                      <th scope="col">{t('print.horizon')}</th>
                      <th scope="col">{t('print.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.actionSteps.map((s) => (
                      <tr key={s.id}>
                        <td>{s.text}</td>
                        <td>{s.owner}</td>
                        <td>{t(HORIZON_KEYS[s.horizon])}</td>
                        <td>{t(STATUS_KEYS[s.status])}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </article>
          );
        })}
      </section>

      {voteResults(snapshot).length > 0 && (
        <section className="print-section">
          <h2>{t('print.voteResults')}</h2>
          <SvgPicture
            svg={voteChartSvg(snapshot)}
            alt={voteResults(snapshot)
              .map((r) => `${r.label}: ${r.votes}`)
              .join('; ')}
          />
        </section>
      )}
      {snapshot.votingRounds.length > 0 && (
        <section className="print-section" aria-labelledby="print-rounds">
          <h2 id="print-rounds">{t('voting.results')}</h2>
          {votingRoundResults(snapshot).map((r) => (
            <div key={r.round.id}>
              <h3>
                {t('voting.round', {
                  n: r.number,
                  phase: t(`phases.${r.round.phase}`),
                  target: t(`console.voting.targets.${r.round.target}`),
                })}
              </h3>
              {r.round.closedAt !== null && (
                <p className="report-muted">
                  {t('voting.closedAt', {
                    when: formatInZone(r.round.closedAt, w.homeTimeZone, lang, { dateStyle: 'medium', timeStyle: 'short' }),
                  })}
                </p>
              )}
              {r.items.length === 0 ? (
                <p>{t('voting.noVotes')}</p>
              ) : (
                <ol>
                  {r.items.map((x) => (
                    <li key={x.id}>
                      {x.label} · <strong>{t('report.votes', { count: x.votes })}</strong>
                    </li>
                  ))}
                </ol>
              )}
            </div>
          ))}
        </section>
      )}

      {snapshot.notes.length > 0 && (
        <section className="print-section">
          <h2>{t('print.board')}</h2>
          {PHASES.filter((p) => snapshot.notes.some((n) => n.phase === p)).map((phase) => (
            <div key={phase} className="print-phase">
              <h3>{t(`phases.${phase}`)}</h3>
              <SvgPicture svg={clusteredBoardSvg(snapshot, phase)} alt={t(`phases.${phase}`)} />
              {snapshot.clusters
                .filter((c) => c.phase === phase)
                .map((c) => (
                  <div key={c.id}>
                    <h4>
                      {c.title}
                      {c.votes > 0 && ` · ${t('report.votes', { count: c.votes })}`}
                    </h4>
                    <ul>{snapshot.notes.filter((n) => n.clusterId === c.id).map(noteItem)}</ul>
                  </div>
                ))}
              {snapshot.notes.some(
                (n) => n.phase === phase && (n.clusterId === null || !snapshot.clusters.some((c) => c.id === n.clusterId)),
              ) && (
                <div>
                  <h4>{t('print.notClustered')}</h4>
                  <ul>
                    {snapshot.notes
                      .filter((n) => n.phase === phase && (n.clusterId === null || !snapshot.clusters.some((c) => c.id === n.clusterId)))
                      .map(noteItem)}
                  </ul>
                </div>
              )}
            </div>
          ))}
        </section>
      )}

      {(credits.named.length > 0 || credits.organisations.length > 0) && (
        <section className="print-section">
          <h2>{t('print.contributors')}</h2>
          <ul className="print-columns">
            {credits.named.map((p) => (
              <li key={`${p.name}|${p.organisation}`}>
                {p.name}
                {p.organisation && ` (${p.organisation})`}
              </li>
            ))}
          </ul>
          {credits.organisations.length > 0 && (
            <>
              <h3>{t('print.organisations')}</h3>
              <ul className="print-columns">
                {credits.organisations.map((o) => (
                  <li key={o.organisation}>{o.organisation}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </main>
  );
}
