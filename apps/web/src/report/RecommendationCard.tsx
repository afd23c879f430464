import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  addActionStep,
  deleteRecommendation,
  HORIZONS,
  linkToRecommendation,
  ORIGIN,
  readRecommendation,
  recommendationDescription,
  removeActionStep,
  STEP_STATUSES,
  unlinkFromRecommendation,
  updateActionStep,
  updateRecommendationPlan,
  MAX_PLAN_FIELD_LENGTH,
  SANDBOX_NEEDS,
  type SandboxNeed,
  updateRecommendation,
  type Horizon,
  type LinkKind,
  type RecommendationMap,
  type StepStatus,
} from '@crossboard/model';
import type { BoardItem } from './report-data.ts';
import '../followup/messages.ts';
import './plan-messages.ts';
import { RichTextEditor } from './RichTextEditor.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { useYValue } from '../shared/use-y-value.ts';

export const HORIZON_KEYS: Record<Horizon, string> = {
  short: 'report.horizonShort',
  medium: 'report.horizonMedium',
  long: 'report.horizonLong',
};
export const STATUS_KEYS: Record<StepStatus, string> = {
  proposed: 'report.statusProposed',
  agreed: 'report.statusAgreed',
  inProgress: 'report.statusInProgress',
  done: 'report.statusDone',
};

interface Props {
  report: Y.Doc;
  map: RecommendationMap;
  position: number;
  votes: number;
  painPointItems: BoardItem[];
  visionItems: BoardItem[];
  owners: string[];
  canEdit: boolean;
}

/** One recommendation: title, co-written description, what it answers, and its action steps. */
export function RecommendationCard({ report, map, position, votes, painPointItems, visionItems, owners, canEdit }: Props) {
  const { t } = useTranslation();
  // A recommendation carries its description, links and action steps: deleting it asks first.
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const rec = useYValue(map, () => readRecommendation(map), true);
  const headingId = useId();
  const ownersId = useId();
  if (!rec) return null;
  const id = rec.id;
  const title = rec.title || t('report.untitled');
  // Every edit is the local user's, so undo and the server's hooks can tell it from others'.
  const edit = (fn: () => void) => report.transact(fn, ORIGIN.local);

  const linkList = (kind: LinkKind, items: BoardItem[], labelKey: string, addKey: string) => {
    const linked = kind === 'painPointLinks' ? rec.painPointLinks : rec.visionLinks;
    const byId = new Map(items.map((i) => [i.id, i]));
    const label = (i: BoardItem) => (i.kind === 'cluster' ? t('report.cluster', { title: i.label }) : i.label);
    return (
      <div className="report-links">
        <h4>{t(labelKey)}</h4>
        {linked.length === 0 ? (
          <p className="report-muted">{t('report.noLinks')}</p>
        ) : (
          <ul>
            {linked.map((target) => {
              const item = byId.get(target);
              const name = item ? label(item) : target;
              return (
                <li key={target}>
                  {name}
                  {canEdit && (
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      aria-label={t('report.unlink', { title: name })}
                      onClick={() => edit(() => unlinkFromRecommendation(report, id, kind, target))}
                    >
                      ×
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {canEdit && (
          <select
            aria-label={t(addKey)}
            value=""
            onChange={(e) => {
              const target = e.target.value;
              if (target) edit(() => linkToRecommendation(report, id, kind, target));
            }}
          >
            <option value="">{t('report.addLinkPlaceholder')}</option>
            {items
              .filter((i) => !linked.includes(i.id))
              .map((i) => (
                <option key={i.id} value={i.id}>
                  {label(i)}
                </option>
              ))}
          </select>
        )}
      </div>
    );
  };

  return (
    <article className="report-card" aria-labelledby={headingId}>
      <header className="report-card__header">
        <h3 id={headingId}>
          <span className="report-card__number">{t('report.recommendationHeading', { n: position })}</span>
          {votes > 0 && <span className="badge">{t('report.votes', { count: votes })}</span>}
        </h3>
        {canEdit && (
          // A short word on screen (a long title made it a wall of text on a phone); the name says which.
          <button
            type="button"
            className="button button--small button--danger"
            aria-label={t('report.remove', { title })}
            onClick={() => setConfirmingDelete(true)}
          >
            {t('report.removeShort')}
          </button>
        )}
        {confirmingDelete && (
          <ConfirmDialog
            title={t('recommendationDelete.title', { title })}
            confirmLabel={t('recommendationDelete.confirm')}
            danger
            onCancel={() => setConfirmingDelete(false)}
            onConfirm={() => {
              setConfirmingDelete(false);
              edit(() => deleteRecommendation(report, id));
            }}
          >
            <p>{t('recommendationDelete.body')}</p>
          </ConfirmDialog>
        )}
      </header>
      <label className="field">
        <span>{t('report.titleLabel')}</span>
        <input
          value={rec.title}
          readOnly={!canEdit}
          maxLength={200}
          onChange={(e) => edit(() => updateRecommendation(report, id, { title: e.target.value }))}
        />
      </label>
      <RichTextEditor fragment={recommendationDescription(map)} label={t('report.descriptionLabel', { title })} readOnly={!canEdit} />
      <fieldset className="report-plan">
        <legend>{t('plan.heading')}</legend>
        {(['scaleBudget', 'sustainedBy', 'successMeasures'] as const).map((field) => (
          <label key={field} className="field">
            <span>{t(`plan.${field}`, { title })}</span>
            <textarea
              rows={2}
              maxLength={MAX_PLAN_FIELD_LENGTH}
              value={rec.plan?.[field] ?? ''}
              readOnly={!canEdit}
              onChange={(e) => edit(() => updateRecommendationPlan(report, id, { [field]: e.target.value }))}
            />
          </label>
        ))}
        <label className="field">
          <span>{t('plan.sandbox', { title })}</span>
          <select
            value={rec.plan?.sandbox ?? ''}
            disabled={!canEdit}
            onChange={(e) => edit(() => updateRecommendationPlan(report, id, { sandbox: (e.target.value || null) as SandboxNeed | null }))}
          >
            <option value="">{t('plan.sandboxUnset')}</option>
            {SANDBOX_NEEDS.map((n) => (
              <option key={n} value={n}>
                {t(`plan.${n}`)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <div className="report-card__links">
        {linkList('painPointLinks', painPointItems, 'report.painPoints', 'report.addPainPoint')}
        {linkList('visionLinks', visionItems, 'report.visions', 'report.addVision')}
      </div>
      <h4>{t('report.steps')}</h4>
      <datalist id={ownersId}>
        {owners.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <ol className="report-steps">
        {rec.actionSteps.map((s, i) => (
          <li key={s.id} className="report-step">
            <input
              aria-label={t('report.stepText', { n: i + 1 })}
              value={s.text}
              readOnly={!canEdit}
              onChange={(e) => edit(() => updateActionStep(report, id, s.id, { text: e.target.value }))}
            />
            <input
              aria-label={t('report.stepOwner', { n: i + 1 })}
              list={ownersId}
              value={s.owner}
              readOnly={!canEdit}
              onChange={(e) => edit(() => updateActionStep(report, id, s.id, { owner: e.target.value }))}
            />
            <select
              aria-label={t('report.stepHorizon', { n: i + 1 })}
              value={s.horizon}
              disabled={!canEdit}
              onChange={(e) => edit(() => updateActionStep(report, id, s.id, { horizon: e.target.value as Horizon }))}
            >
              {HORIZONS.map((h) => (
                <option key={h} value={h}>
                  {t(HORIZON_KEYS[h])}
                </option>
              ))}
            </select>
            <input
              type="date"
              aria-label={t('followup.stepDue', { n: i + 1 })}
              value={s.due ?? ''}
              readOnly={!canEdit}
              onChange={(e) => edit(() => updateActionStep(report, id, s.id, { due: e.target.value || null }))}
            />
            <select
              aria-label={t('report.stepStatus', { n: i + 1 })}
              value={s.status}
              disabled={!canEdit}
              onChange={(e) => edit(() => updateActionStep(report, id, s.id, { status: e.target.value as StepStatus }))}
            >
              {STEP_STATUSES.map((st) => (
                <option key={st} value={st}>
                  {t(STATUS_KEYS[st])}
                </option>
              ))}
            </select>
            {canEdit && (
              <button
                type="button"
                className="button button--small button--quiet"
                aria-label={t('report.removeStep', { n: i + 1 })}
                onClick={() => edit(() => removeActionStep(report, id, s.id))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ol>
      {canEdit && (
        <button type="button" className="button button--small" onClick={() => edit(() => addActionStep(report, id, {}))}>
          {t('report.addStep')}
        </button>
      )}
    </article>
  );
}
