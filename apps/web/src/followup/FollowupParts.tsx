import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { followupChartSvg, isOverdue, STEP_STATUSES, type FollowupSummary, type StepStatus } from '@crossboard/model';
import type { StepWithHistory } from './followup-api.ts';
import './messages.ts';

export const STATUS_KEYS: Record<StepStatus, string> = {
  proposed: 'report.statusProposed',
  agreed: 'report.statusAgreed',
  inProgress: 'report.statusInProgress',
  done: 'report.statusDone',
};

/** A due day (`YYYY-MM-DD`, a calendar day, not an instant) in the reader's language. */
export function useDay() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  return (day: string) => format.format(Date.parse(`${day}T00:00:00Z`));
}

/** Progress by status as a chart, with the same numbers as a table for those who want them. */
export function ProgressSummary({ summary }: { summary: FollowupSummary }) {
  const { t } = useTranslation();
  const day = useDay();
  const headingId = useId();
  const status = Object.fromEntries(STEP_STATUSES.map((s) => [s, t(STATUS_KEYS[s])])) as Record<StepStatus, string>;
  const svg = followupChartSvg(summary, { title: t('followup.chartTitle'), status, overdue: t('followup.overdue') });
  return (
    <section className="series-card followup-summary" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('followup.progress')}</h2>
      <ul className="followup-facts">
        <li className={summary.overdue > 0 ? 'followup-facts__alert' : undefined}>
          {t('followup.overdueCount', { count: summary.overdue })}
        </li>
        {summary.nextDue ? (
          <li>{t('followup.nextDue', { date: day(summary.nextDue.date), count: summary.nextDue.steps })}</li>
        ) : (
          summary.overdue === 0 && <li>{t('followup.nothingDue')}</li>
        )}
      </ul>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the model's SVG escapes every label, and carries its own title and description. */}
      <div className="followup-chart" dangerouslySetInnerHTML={{ __html: svg }} />
      <details>
        <summary>{t('followup.showTable')}</summary>
        <table className="followup-table">
          <caption>{t('followup.chartTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('followup.status')}</th>
              <th scope="col">{t('followup.count')}</th>
            </tr>
          </thead>
          <tbody>
            {STEP_STATUSES.map((s) => (
              <tr key={s}>
                <th scope="row">{status[s]}</th>
                <td>{summary.byStatus[s]}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('followup.overdue')}</th>
              <td>{summary.overdue}</td>
            </tr>
          </tbody>
        </table>
      </details>
    </section>
  );
}

/** What a step's card shows whoever reads it: its due date, status, owner and history. */
export function StepFacts({ step, today, showOwner }: { step: StepWithHistory; today: string; showOwner: boolean }) {
  const { t, i18n } = useTranslation();
  const day = useDay();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const late = isOverdue(step, today);
  return (
    <>
      <p className="followup-step__meta">
        <span className={`followup-status followup-status--${step.status}`}>{t(STATUS_KEYS[step.status])}</span>
        {late && <span className="followup-late">{t('followup.overdueBadge')}</span>}
        {step.due ? (
          <span>
            {t('followup.due', { date: day(step.due) })} (
            {step.dueSource === 'manual' ? t('followup.dueByHand') : t('followup.dueFromHorizon')})
          </span>
        ) : (
          <span>{t('followup.noDue')}</span>
        )}
        {showOwner && <span>{step.owner.trim() ? t('followup.owner', { owner: step.owner }) : t('followup.noOwner')}</span>}
      </p>
      <details className="followup-history">
        <summary>{t('followup.history', { count: step.history.length })}</summary>
        {step.history.length === 0 ? (
          <p className="report-muted">{t('followup.noHistory')}</p>
        ) : (
          <ol>
            {step.history.map((h, i) => (
              <li key={i}>
                <time dateTime={new Date(h.at).toISOString()}>{when.format(h.at)}</time>
                {h.status && <span> · {t('followup.statusSet', { status: t(STATUS_KEYS[h.status]) })}</span>}
                {h.note && <p>{h.note}</p>}
              </li>
            ))}
          </ol>
        )}
      </details>
    </>
  );
}
