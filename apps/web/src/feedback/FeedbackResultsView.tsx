import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { COME_AGAIN, MET_SOMEONE, USEFUL_SCORES, type FeedbackResults } from '@crossboard/model';
import './messages.ts';
import './feedback.css';

const CHART_WIDTH = 320;
const ROW_HEIGHT = 26;
const LABEL_WIDTH = 28;

/**
 * The survey's results: the usefulness chart (an SVG whose title and description read every
 * number), a table of every count, and the comments. Read-only; used by the workshop's and
 * the series' report pages.
 */
export function FeedbackResultsView({ results, headingLevel = 3 }: { results: FeedbackResults; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const id = useId();
  const H = headingLevel === 2 ? 'h3' : 'h4';
  const max = Math.max(1, ...USEFUL_SCORES.map((s) => results.useful[`${s}`]));
  const numbers = USEFUL_SCORES.map((s) => `${s}: ${results.useful[`${s}`]}`).join('; ');
  const rows: [string, string, number][] = [
    ...USEFUL_SCORES.map((s) => [t('feedback.useful'), String(s), results.useful[`${s}`]] as [string, string, number]),
    ...COME_AGAIN.map((k) => [t('feedback.comeAgain'), t(`feedback.${k}`), results.comeAgain[k]] as [string, string, number]),
    ...MET_SOMEONE.map((k) => [t('feedback.metSomeone'), t(`feedback.${k}`), results.metSomeone[k]] as [string, string, number]),
  ];
  const height = USEFUL_SCORES.length * ROW_HEIGHT + 6;
  return (
    <div className="feedback-results">
      <p>
        <strong>{t('feedback.answers', { count: results.answers })}</strong>
        {results.usefulMean !== null && <> · {t('feedback.mean', { mean: results.usefulMean })}</>}
      </p>
      <figure className="feedback-chart">
        <figcaption id={`${id}-t`}>{t('feedback.chartTitle')}</figcaption>
        <svg
          viewBox={`0 0 ${CHART_WIDTH} ${height}`}
          width="100%"
          role="img"
          aria-labelledby={`${id}-t ${id}-d`}
          style={{ maxWidth: CHART_WIDTH }}
        >
          <title>{t('feedback.chartTitle')}</title>
          <desc id={`${id}-d`}>{numbers}</desc>
          {USEFUL_SCORES.map((s, i) => {
            const n = results.useful[`${s}`];
            const w = n === 0 ? 0 : Math.max(3, Math.round(((CHART_WIDTH - LABEL_WIDTH - 40) * n) / max));
            const y = i * ROW_HEIGHT;
            return (
              <g key={s}>
                <text x={LABEL_WIDTH - 8} y={y + 18} textAnchor="end" className="feedback-chart__label">
                  {s}
                </text>
                <rect x={LABEL_WIDTH} y={y + 5} width={w} height={ROW_HEIGHT - 10} rx={3} className="feedback-chart__bar" />
                <text x={LABEL_WIDTH + w + 6} y={y + 18} className="feedback-chart__label">
                  {n}
                </text>
              </g>
            );
          })}
        </svg>
      </figure>
      <table className="feedback-table">
        <thead>
          <tr>
            <th scope="col">{t('feedback.question')}</th>
            <th scope="col">{t('feedback.reply')}</th>
            <th scope="col">{t('feedback.count')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([q, a, n]) => (
            <tr key={`${q}/${a}`}>
              <td>{q}</td>
              <td>{a}</td>
              <td className="feedback-table__count">{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <H>{t('feedback.comments')}</H>
      {results.comments.length === 0 ? (
        <p className="report-muted">{t('feedback.noComments')}</p>
      ) : (
        <ul className="feedback-comments">
          {results.comments.map((c, i) => (
            // Comments carry no id: they are anonymous, and the list never reorders.
            <li key={i}>{c}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
