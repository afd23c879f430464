import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { BUILT_IN_TEMPLATE_IDS, BUILT_IN_TEMPLATES, parseTemplate, PHASES, type BuiltInTemplateId, type Phase } from '@crossboard/model';
import { api, ApiError, type CreatedWorkshop } from '../api/client.ts';
import { saveCredential } from '../api/credentials.ts';
import { isLanguage } from '../i18n/index.ts';
import { timeZoneList } from '../shared/time-zones.ts';
import { SessionAgendas } from './SessionAgendas.tsx';
import { SessionsEditor } from './SessionsEditor.tsx';
import { createBody, fromTemplate, initialDraft, sessionInstants, themesOf, type WizardDraft } from './wizard-draft.ts';
import { WorkshopReady } from './WorkshopReady.tsx';
import './setup.css';

const STEPS = ['start', 'about', 'sessions', 'run', 'review'] as const;
type Step = (typeof STEPS)[number];

function nextWeek(): string {
  const d = new Date(Date.now() + 7 * 86_400_000);
  return d.toISOString().slice(0, 10);
}

async function readJson(file: File): Promise<unknown> {
  return JSON.parse(await file.text()) as unknown;
}

/**
 * A built-in template's purpose, questions and themes in the facilitator's language (the
 * model holds the English); blank has none, and a saved file keeps its own words.
 */
function builtInTextIn(d: WizardDraft, id: BuiltInTemplateId, t: TFunction): WizardDraft {
  if (id === 'blank') return d;
  const themes = t(`templateThemes.${id}`, { returnObjects: true }) as Record<string, string>;
  return {
    ...d,
    purpose: t(`templatePurposes.${id}`),
    themes: Object.values(themes).join('\n'),
    questions: Object.fromEntries(PHASES.map((p) => [p, t(`templateQuestions.${id}.${p}`)])) as WizardDraft['questions'],
  };
}

/** "Create a workshop" as five short steps; the last one creates it and shows the links to keep. */
export function CreateWizard({ homeTimeZone }: { homeTimeZone: string }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<WizardDraft>(() => {
    return builtInTextIn(initialDraft(homeTimeZone), 'cross-border', t);
  });
  const [step, setStep] = useState<Step>('start');
  const [error, setError] = useState<string | null>(null);
  const [titleError, setTitleError] = useState(false);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedWorkshop | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const index = STEPS.indexOf(step);
  const update = (patch: Partial<WizardDraft>) => setDraft((d) => ({ ...d, ...patch }));

  // Each step's heading takes focus, so keyboard and screen-reader users start at its top.
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [step, created]);

  const go = (to: Step) => {
    moved.current = true;
    setError(null);
    setStep(to);
  };

  const onFile = async (file: File | undefined, kind: 'saved' | 'import') => {
    setError(null);
    if (!file) return;
    try {
      const value = await readJson(file);
      if (kind === 'saved') {
        const template = parseTemplate(value);
        setDraft((d) => fromTemplate({ ...d, from: { kind: 'saved', template, fileName: file.name } }, template));
      } else {
        update({ from: { kind: 'import', exported: value, fileName: file.name } });
      }
    } catch (err) {
      setError(
        t(kind === 'saved' ? 'setup.start.badTemplate' : 'setup.start.badExport', { detail: err instanceof Error ? err.message : '' }),
      );
    }
  };

  const finish = async (result: Promise<CreatedWorkshop>, title: string) => {
    setBusy(true);
    setError(null);
    try {
      const w = await result;
      const sessions =
        draft.from.kind === 'import' ? [] : draft.sessions.map((s) => sessionInstants(s, draft.homeTimeZone)).filter((s) => s !== null);
      saveCredential(w.id, {
        token: w.facilitatorToken,
        personId: w.facilitatorId,
        role: 'facilitator',
        name: draft.name.trim() || t('setup.review.defaultName'),
        ...(draft.organisation.trim() ? { organisation: draft.organisation.trim() } : {}),
        joinUrl: w.joinUrl,
        timeZone: draft.homeTimeZone,
        ...(isLanguage(i18n.language) ? { language: i18n.language } : {}),
        title,
        sessions,
      });
      moved.current = true;
      setCreated(w);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };

  const next = (e: FormEvent) => {
    e.preventDefault();
    if (step === 'start' && draft.from.kind === 'import') {
      void finish(api.importWorkshop(draft.from.exported), draft.from.fileName.replace(/\.json$/i, ''));
      return;
    }
    if (step === 'about' && !draft.title.trim()) {
      setTitleError(true);
      document.getElementById('ws-title')?.focus();
      return;
    }
    if (step === 'sessions' && draft.sessions.some((s) => !sessionInstants(s, draft.homeTimeZone))) {
      setError(t('setup.sessions.fix'));
      return;
    }
    if (step === 'review') {
      void finish(
        api.createWorkshop(
          createBody(draft, (n) => t('setup.sessions.label', { n }), isLanguage(i18n.language) ? i18n.language : undefined),
        ),
        draft.title.trim(),
      );
      return;
    }
    go(STEPS[index + 1]!);
  };

  if (created) return <WorkshopReady created={created} title={draft.title.trim() || draft.from.kind} headingRef={heading} />;

  const templateName =
    draft.from.kind === 'template'
      ? t(`setup.templates.${draft.from.id}`)
      : draft.from.kind === 'saved'
        ? draft.from.fileName
        : draft.from.fileName;

  return (
    <section className="card landing__create wizard" aria-labelledby="wizard-heading">
      <h2 className="wizard__title">{t('landing.createHeading')}</h2>
      <ol className="wizard__steps" aria-label={t('setup.progress', { n: index + 1, total: STEPS.length })}>
        {STEPS.map((s, i) => (
          <li key={s} className={i < index ? 'is-done' : i === index ? 'is-current' : ''} aria-current={i === index ? 'step' : undefined}>
            <span className="wizard__step-number" aria-hidden="true">
              {i + 1}
            </span>
            <span className="wizard__step-name">{t(`setup.steps.${s}`)}</span>
          </li>
        ))}
      </ol>
      <form onSubmit={next} noValidate>
        <h3 id="wizard-heading" ref={heading} tabIndex={-1} className="wizard__heading">
          {t('setup.stepHeading', { n: index + 1, total: STEPS.length, name: t(`setup.steps.${step}`) })}
        </h3>

        {step === 'start' && (
          <fieldset className="wizard__choices">
            <legend>{t('setup.start.legend')}</legend>
            {BUILT_IN_TEMPLATE_IDS.map((id) => (
              <label key={id} className="wizard__choice">
                <input
                  type="radio"
                  name="start-from"
                  checked={draft.from.kind === 'template' && draft.from.id === id}
                  onChange={() =>
                    setDraft((d) => builtInTextIn(fromTemplate({ ...d, from: { kind: 'template', id } }, BUILT_IN_TEMPLATES[id]), id, t))
                  }
                />
                <span>
                  <strong>{t(`setup.templates.${id}`)}</strong>
                  <span className="wizard__choice-hint">{t(`setup.templates.${id}Hint`)}</span>
                </span>
              </label>
            ))}
            <div className="wizard__file">
              <label htmlFor="wizard-template-file">{t('setup.start.savedTemplate')}</label>
              <input
                id="wizard-template-file"
                type="file"
                accept=".json,application/json"
                onChange={(e) => void onFile(e.target.files?.[0], 'saved')}
              />
              {draft.from.kind === 'saved' && <p className="field__hint">{t('setup.start.using', { name: draft.from.fileName })}</p>}
            </div>
            <div className="wizard__file">
              <label htmlFor="wizard-import-file">{t('setup.start.importExport')}</label>
              <input
                id="wizard-import-file"
                type="file"
                accept=".json,application/json"
                aria-describedby="wizard-import-hint"
                onChange={(e) => void onFile(e.target.files?.[0], 'import')}
              />
              <p id="wizard-import-hint" className="field__hint">
                {draft.from.kind === 'import' ? t('setup.start.importing', { name: draft.from.fileName }) : t('setup.start.importHint')}
              </p>
            </div>
          </fieldset>
        )}

        {step === 'about' && (
          <>
            <div className="field">
              <label htmlFor="ws-title">{t('landing.title')}</label>
              <input
                id="ws-title"
                value={draft.title}
                onChange={(e) => {
                  update({ title: e.target.value });
                  setTitleError(false);
                }}
                placeholder={t('landing.titlePlaceholder')}
                aria-invalid={titleError || undefined}
                aria-describedby={titleError ? 'ws-title-error' : undefined}
                required
              />
              {titleError && (
                <p id="ws-title-error" className="field__error">
                  {t('landing.titleRequired')}
                </p>
              )}
            </div>
            <div className="field">
              <label htmlFor="ws-purpose">{t('landing.purpose')}</label>
              <textarea
                id="ws-purpose"
                rows={3}
                value={draft.purpose}
                onChange={(e) => update({ purpose: e.target.value })}
                aria-describedby="ws-purpose-hint"
              />
              <p id="ws-purpose-hint" className="field__hint">
                {t('landing.purposeHint')}
              </p>
            </div>
            {PHASES.map((p: Phase) => (
              <div className="field" key={p}>
                <label htmlFor={`ws-q-${p}`}>{t('setup.about.question', { phase: t(`phases.${p}`) })}</label>
                <textarea
                  rows={2}
                  id={`ws-q-${p}`}
                  value={draft.questions[p]}
                  onChange={(e) => update({ questions: { ...draft.questions, [p]: e.target.value } })}
                  maxLength={300}
                />
              </div>
            ))}
            <div className="field">
              <label htmlFor="ws-themes">{t('landing.themes')}</label>
              <textarea
                id="ws-themes"
                rows={4}
                value={draft.themes}
                onChange={(e) => update({ themes: e.target.value })}
                aria-describedby="ws-themes-hint"
              />
              <p id="ws-themes-hint" className="field__hint">
                {t('setup.about.themesHint')}
              </p>
            </div>
          </>
        )}

        {step === 'sessions' && (
          <>
            <div className="field-row">
              <div className="field">
                <label htmlFor="ws-name">{t('setup.sessions.yourName')}</label>
                <input
                  id="ws-name"
                  autoComplete="name"
                  value={draft.name}
                  onChange={(e) => update({ name: e.target.value })}
                  maxLength={100}
                  aria-describedby="ws-name-hint"
                />
              </div>
              <div className="field">
                <label htmlFor="ws-org">{t('setup.sessions.yourOrganisation')}</label>
                <input
                  id="ws-org"
                  autoComplete="organization"
                  value={draft.organisation}
                  onChange={(e) => update({ organisation: e.target.value })}
                  maxLength={150}
                />
              </div>
            </div>
            <p id="ws-name-hint" className="field__hint">
              {t('setup.sessions.nameHint')}
            </p>
            <div className="field">
              <label htmlFor="ws-tz">{t('landing.homeTimeZone')}</label>
              <select
                id="ws-tz"
                value={draft.homeTimeZone}
                onChange={(e) => update({ homeTimeZone: e.target.value })}
                aria-describedby="ws-tz-hint"
              >
                {timeZoneList().map((z) => (
                  <option key={z} value={z}>
                    {z.replace(/_/g, ' ')}
                  </option>
                ))}
              </select>
              <p id="ws-tz-hint" className="field__hint">
                {t('setup.sessions.zoneHint')}
              </p>
            </div>
            <h4 className="wizard__subheading">{t('setup.sessions.heading')}</h4>
            <SessionsEditor
              rows={draft.sessions}
              homeTimeZone={draft.homeTimeZone}
              onChange={(sessions) => update({ sessions })}
              firstRow={{ date: nextWeek(), start: '15:30', end: '18:00' }}
            />
          </>
        )}

        {step === 'run' && (
          <>
            <h4 className="wizard__subheading">{t('setup.agenda.heading')}</h4>
            <p className="field__hint">{t('setup.agenda.hint')}</p>
            <SessionAgendas
              idPrefix="ws"
              sessions={draft.sessions}
              homeTimeZone={draft.homeTimeZone}
              agenda={draft.agenda}
              onAgenda={(agenda) => update({ agenda })}
              onSessions={(sessions) => update({ sessions })}
            />
            <fieldset className="wizard__minutes">
              <legend>{t('setup.run.phaseMinutes')}</legend>
              <div className="field-row">
                {PHASES.map((p) => (
                  <div className="field" key={p}>
                    <label htmlFor={`ws-min-${p}`}>{t(`phases.${p}`)}</label>
                    <input
                      id={`ws-min-${p}`}
                      type="number"
                      min={1}
                      max={600}
                      value={draft.phaseMinutes[p]}
                      onChange={(e) =>
                        update({
                          phaseMinutes: { ...draft.phaseMinutes, [p]: Math.max(1, Math.min(600, Math.round(Number(e.target.value) || 1))) },
                        })
                      }
                    />
                  </div>
                ))}
              </div>
            </fieldset>
            <div className="field">
              <label htmlFor="ws-votes">{t('setup.run.votes')}</label>
              <input
                id="ws-votes"
                type="number"
                min={1}
                max={20}
                value={draft.votes}
                onChange={(e) => update({ votes: Math.max(1, Math.min(20, Math.round(Number(e.target.value) || 1))) })}
              />
            </div>
            <div className="console-switches">
              <label className="switch">
                <input type="checkbox" checked={draft.drafting} onChange={(e) => update({ drafting: e.target.checked })} />
                {t('setup.run.drafting')}
              </label>
              <label className="switch">
                <input type="checkbox" checked={draft.anonymous} onChange={(e) => update({ anonymous: e.target.checked })} />
                {t('setup.run.anonymous')}
              </label>
            </div>
          </>
        )}

        {step === 'review' && (
          <dl className="wizard__review">
            <dt>{t('setup.review.template')}</dt>
            <dd>{templateName}</dd>
            <dt>{t('landing.title')}</dt>
            <dd>{draft.title}</dd>
            <dt>{t('setup.review.facilitator')}</dt>
            <dd>{[draft.name.trim() || t('setup.review.defaultName'), draft.organisation.trim()].filter(Boolean).join(', ')}</dd>
            <dt>{t('landing.themes')}</dt>
            <dd>{themesOf(draft.themes).length}</dd>
            <dt>{t('setup.review.sessions')}</dt>
            <dd>{t('setup.review.sessionsCount', { count: draft.sessions.length, zone: draft.homeTimeZone })}</dd>
            <dt>{t('setup.agenda.heading')}</dt>
            <dd>{t('setup.agenda.total', { count: draft.agenda.reduce((n, i) => n + i.minutes, 0) })}</dd>
          </dl>
        )}

        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        <div className="wizard__nav">
          {index > 0 && (
            <button type="button" className="button" onClick={() => go(STEPS[index - 1]!)}>
              {t('setup.back')}
            </button>
          )}
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy
              ? t('landing.creating')
              : step === 'review'
                ? t('landing.create')
                : step === 'start' && draft.from.kind === 'import'
                  ? t('setup.start.importButton')
                  : t('setup.next')}
          </button>
        </div>
      </form>
    </section>
  );
}
