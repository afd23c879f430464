import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeriesRecommendation } from '@crossboard/model';
import type { RecommendationRef, SeriesView } from '../api/series-api.ts';

const keyOf = (r: RecommendationRef) => `${r.workshopId}/${r.recommendationId}`;
/** The kept recommendation of an entry, as the API names it (the source also carries titles). */
const rootOf = (r: SeriesRecommendation): RecommendationRef => ({
  workshopId: r.sources[0]!.workshopId,
  recommendationId: r.sources[0]!.recommendationId,
});
const refOf = (s: RecommendationRef): RecommendationRef => ({ workshopId: s.workshopId, recommendationId: s.recommendationId });

function MergeControl({
  rec,
  others,
  onMerge,
}: {
  rec: SeriesRecommendation;
  others: SeriesRecommendation[];
  onMerge: (kept: RecommendationRef) => void;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState('');
  const id = `merge-${keyOf(rootOf(rec))}`;
  const chosen = others.find((o) => keyOf(rootOf(o)) === target);
  return (
    <div className="series-merge">
      <label htmlFor={id}>{t('series.mergeLabel', { title: rec.title })}</label>
      <select id={id} value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="">{t('series.mergeNone')}</option>
        {others.map((o) => (
          <option key={keyOf(rootOf(o))} value={keyOf(rootOf(o))}>
            {o.title} ({o.sources[0]!.workshopTitle})
          </option>
        ))}
      </select>
      <button type="button" className="button button--small" disabled={!chosen} onClick={() => chosen && onMerge(rootOf(chosen))}>
        {t('series.mergeButton')}
      </button>
    </div>
  );
}

/** The combined report: recommendations (with merging), clusters across workshops, participation, credits. */
export function SeriesRecommendations({
  view,
  onMerge,
  onUnmerge,
}: {
  view: SeriesView;
  onMerge: (kept: RecommendationRef, merged: RecommendationRef) => void;
  onUnmerge: (merged: RecommendationRef) => void;
}) {
  const { t } = useTranslation();
  const { report } = view;
  const merged = new Set(view.merges.map((m) => keyOf(m.merged)));
  const p = report.participation;
  const maxCountry = Math.max(1, ...p.countries.map((c) => c.people));

  return (
    <>
      <section className="series-card" aria-labelledby="series-recommendations">
        <h2 id="series-recommendations">{t('series.recommendations')}</h2>
        {report.recommendations.length === 0 && <p>{t('series.noRecommendations')}</p>}
        <ol className="series-recs">
          {report.recommendations.map((r) => (
            <li key={keyOf(rootOf(r))}>
              <h3>{r.title}</h3>
              <p className="report-muted">
                {t('series.sources', { sources: r.sources.map((s) => `${s.workshopTitle} (${s.title})`).join('; ') })}
              </p>
              {r.description && <p>{r.description}</p>}
              {r.actionSteps.length > 0 && (
                <ul>
                  {r.actionSteps.map((s) => (
                    <li key={`${s.workshopId}/${s.id}`}>
                      {s.text}
                      {s.owner && <span className="report-muted"> — {s.owner}</span>}
                    </li>
                  ))}
                </ul>
              )}
              <div className="series-rec-actions">
                {r.sources
                  .filter((s) => merged.has(keyOf(s)))
                  .map((s) => (
                    <button key={keyOf(s)} type="button" className="button button--small" onClick={() => onUnmerge(refOf(s))}>
                      {t('series.unmerge', { title: s.title })}
                    </button>
                  ))}
                {report.recommendations.length > 1 && (
                  <MergeControl
                    rec={r}
                    others={report.recommendations.filter((o) => o !== r)}
                    onMerge={(kept) => onMerge(kept, rootOf(r))}
                  />
                )}
              </div>
            </li>
          ))}
        </ol>
      </section>

      {(['painPoints', 'visions'] as const).map((phase) => {
        const clusters = report.clusters.filter((c) => c.phase === phase);
        if (!clusters.length) return null;
        return (
          <section key={phase} className="series-card" aria-labelledby={`series-${phase}`}>
            <h2 id={`series-${phase}`}>{t(`series.${phase}`)}</h2>
            {clusters.map((c, i) => (
              <div key={`${c.title}-${i}`}>
                <h3>{c.title || t('series.notClustered')}</h3>
                <p className="report-muted">{t('series.inWorkshops', { workshops: c.workshops.join(', ') })}</p>
                <ul>
                  {c.notes.map((n, k) => (
                    <li key={k}>
                      {n.text}
                      {(n.name || n.organisation) && (
                        <span className="report-muted"> — {[n.name, n.organisation].filter(Boolean).join(', ')}</span>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
        );
      })}

      <section className="series-card" aria-labelledby="series-participation">
        <h2 id="series-participation">{t('series.participation')}</h2>
        <p>{t('series.peopleFrom', { people: p.people, countries: p.countries.length })}</p>
        <ul className="series-bars" aria-label={t('series.countries')}>
          {p.countries.map((c) => (
            <li key={c.country}>
              <span className="series-bars__label">{c.country}</span>
              <span className="series-bars__bar" style={{ width: `${(70 * c.people) / maxCountry}%` }} aria-hidden="true" />
              <span>{c.people}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="series-card" aria-labelledby="series-contributors">
        <h2 id="series-contributors">{t('series.contributors')}</h2>
        <ul>
          {report.contributors.named.map((c) => (
            <li key={`${c.name}/${c.organisation}`}>
              {c.name}
              {c.organisation && <span className="report-muted"> ({c.organisation})</span>}
            </li>
          ))}
        </ul>
        {report.contributors.organisations.length > 0 && (
          <>
            <h3>{t('series.organisations')}</h3>
            <ul>
              {report.contributors.organisations.map((o) => (
                <li key={o.organisation}>{o.organisation}</li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
