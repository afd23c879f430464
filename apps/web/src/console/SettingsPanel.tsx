import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ORIGIN,
  PHASES,
  readPhaseQuestions,
  readOwnSessionAgendas,
  readSessionAgenda,
  readSettings,
  writeSettings,
  writeSetup,
  type AgendaItem,
  type Phase,
  type PhaseQuestions,
} from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { timeZoneList } from '../shared/time-zones.ts';
import { SessionAgendas } from '../create/SessionAgendas.tsx';
import { SessionsEditor } from '../create/SessionsEditor.tsx';
import { sessionInstants, sessionRow, themesOf, type SessionRow } from '../create/wizard-draft.ts';
import type { Person } from '../facilitation/facilitation-api.ts';
import '../create/setup.css';

interface Form {
  title: string;
  purpose: string;
  themes: string;
  questions: PhaseQuestions;
  homeTimeZone: string;
  sessions: SessionRow[];
  phaseMinutes: Record<Phase, number>;
  votes: number;
  agenda: AgendaItem[];
}

/**
 * Everything the wizard set, editable while the workshop runs. Saved into the control room
 * in one transaction, so every participant's board and agenda change together.
 */
export function SettingsPanel({ people }: { people: Person[] | undefined }) {
  const { t } = useTranslation();
  const { control } = useWorkshop();
  const [form, setForm] = useState<Form | null>(null);
  const [message, setMessage] = useState('');

  const open = () => {
    const s = readSettings(control);
    const own = readOwnSessionAgendas(control);
    setForm({
      title: s.title,
      purpose: s.purpose,
      themes: s.themes.join('\n'),
      questions: readPhaseQuestions(control),
      homeTimeZone: s.homeTimeZone,
      // A later session's own agenda rides on its row, so editing its times keeps it.
      sessions: s.sessions.map((x, i) => {
        const mine = i > 0 ? own.find((e) => e.session === x.start) : undefined;
        return { ...sessionRow(x, s.homeTimeZone), ...(mine ? { agenda: mine.items } : {}) };
      }),
      phaseMinutes: { ...s.phaseMinutes },
      votes: s.votesPerParticipant,
      agenda: readSessionAgenda(control),
    });
    setMessage('');
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    const instants = form.sessions.map((r) => sessionInstants(r, form.homeTimeZone));
    if (instants.some((x) => !x) || !form.title.trim()) {
      setMessage(t(form.title.trim() ? 'setup.sessions.fix' : 'landing.titleRequired'));
      return;
    }
    const old = readSettings(control).sessions;
    control.transact(() => {
      writeSettings(control, {
        title: form.title.trim(),
        purpose: form.purpose.trim(),
        themes: themesOf(form.themes),
        homeTimeZone: form.homeTimeZone,
        sessions: instants.map((x, i) => ({ label: old[i]?.label ?? t('setup.sessions.label', { n: i + 1 }), ...x! })),
        phaseMinutes: form.phaseMinutes,
        votesPerParticipant: form.votes,
      });
      writeSetup(control, {
        phaseQuestions: form.questions,
        agenda: form.agenda,
        sessionAgendas: form.sessions.flatMap((r, i) => (i > 0 && r.agenda ? [{ session: instants[i]!.start, items: r.agenda }] : [])),
      });
    }, ORIGIN.local);
    setMessage(t('settingsPanel.saved'));
  };

  const update = (patch: Partial<Form>) => setForm((f) => (f ? { ...f, ...patch } : f));
  const zones = [...new Set((people ?? []).filter((p) => !p.removed).map((p) => p.timeZone))];

  return (
    <section className="console-card settings-panel" aria-labelledby="console-settings">
      <details onToggle={(e) => ((e.target as HTMLDetailsElement).open ? open() : setForm(null))}>
        <summary>
          <h2 id="console-settings" className="settings-panel__heading">
            {t('settingsPanel.heading')}
          </h2>
        </summary>
        {form && (
          <form className="settings-panel__form" onSubmit={save}>
            <div className="field">
              <label htmlFor="set-title">{t('landing.title')}</label>
              <input id="set-title" value={form.title} onChange={(e) => update({ title: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="set-purpose">{t('landing.purpose')}</label>
              <textarea id="set-purpose" rows={2} value={form.purpose} onChange={(e) => update({ purpose: e.target.value })} />
            </div>
            {PHASES.map((p) => (
              <div className="field" key={p}>
                <label htmlFor={`set-q-${p}`}>{t('setup.about.question', { phase: t(`phases.${p}`) })}</label>
                <textarea
                  rows={2}
                  id={`set-q-${p}`}
                  maxLength={300}
                  value={form.questions[p]}
                  onChange={(e) => update({ questions: { ...form.questions, [p]: e.target.value } })}
                />
              </div>
            ))}
            <div className="field">
              <label htmlFor="set-themes">{t('landing.themes')}</label>
              <textarea id="set-themes" rows={3} value={form.themes} onChange={(e) => update({ themes: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="set-tz">{t('landing.homeTimeZone')}</label>
              <select id="set-tz" value={form.homeTimeZone} onChange={(e) => update({ homeTimeZone: e.target.value })}>
                {timeZoneList().map((z) => (
                  <option key={z} value={z}>
                    {z.replace(/_/g, ' ')}
                  </option>
                ))}
              </select>
            </div>
            <h3>{t('setup.sessions.heading')}</h3>
            <SessionsEditor
              rows={form.sessions}
              homeTimeZone={form.homeTimeZone}
              peopleZones={zones}
              onChange={(sessions) => update({ sessions })}
              firstRow={{ date: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10), start: '15:30', end: '18:00' }}
            />
            <h3>{t('setup.agenda.heading')}</h3>
            <SessionAgendas
              idPrefix="set"
              sessions={form.sessions}
              homeTimeZone={form.homeTimeZone}
              agenda={form.agenda}
              onAgenda={(agenda) => update({ agenda })}
              onSessions={(sessions) => update({ sessions })}
            />
            <fieldset>
              <legend>{t('setup.run.phaseMinutes')}</legend>
              <div className="field-row">
                {PHASES.map((p) => (
                  <div className="field" key={p}>
                    <label htmlFor={`set-min-${p}`}>{t(`phases.${p}`)}</label>
                    <input
                      id={`set-min-${p}`}
                      type="number"
                      min={1}
                      max={600}
                      value={form.phaseMinutes[p]}
                      onChange={(e) =>
                        update({
                          phaseMinutes: { ...form.phaseMinutes, [p]: Math.max(1, Math.min(600, Math.round(Number(e.target.value) || 1))) },
                        })
                      }
                    />
                  </div>
                ))}
              </div>
            </fieldset>
            <div className="field">
              <label htmlFor="set-votes">{t('setup.run.votes')}</label>
              <input
                id="set-votes"
                type="number"
                min={1}
                max={20}
                value={form.votes}
                onChange={(e) => update({ votes: Math.max(1, Math.min(20, Math.round(Number(e.target.value) || 1))) })}
              />
            </div>
            <button type="submit" className="button button--primary">
              {t('settingsPanel.save')}
            </button>
          </form>
        )}
        <p role="status" className="console-message">
          {message}
        </p>
      </details>
    </section>
  );
}
