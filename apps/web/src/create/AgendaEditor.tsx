import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENDA_KINDS, agendaMinutes, PHASES, type AgendaItem, type AgendaKind, type Phase } from '@crossboard/model';
import './setup.css';

/** The run of show as rows: what, which board for phase work, how many minutes. */
export function AgendaEditor({
  items,
  onChange,
  sessionMinutes,
}: {
  items: AgendaItem[];
  onChange(items: AgendaItem[]): void;
  sessionMinutes: number | null;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const set = (i: number, patch: Partial<AgendaItem>) =>
    onChange(
      items.map((item, j) => {
        if (j !== i) return item;
        const next = { ...item, ...patch };
        if (next.kind !== 'phase') delete next.phase;
        else next.phase ??= 'painPoints';
        return next;
      }),
    );
  const move = (i: number, by: number) => {
    const j = i + by;
    if (j < 0 || j >= items.length) return;
    const next = [...items];
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
  };
  const total = agendaMinutes(items);
  return (
    <div className="agenda-editor">
      <table className="agenda-editor__table">
        <caption className="visually-hidden">{t('setup.agenda.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('setup.agenda.what')}</th>
            <th scope="col">{t('setup.agenda.board')}</th>
            <th scope="col">{t('setup.agenda.minutes')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('setup.agenda.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, i) => {
            const n = i + 1;
            return (
              <tr key={i}>
                <td>
                  <select
                    id={`${uid}-k${i}`}
                    aria-label={t('setup.agenda.whatN', { n })}
                    value={item.kind}
                    onChange={(e) => set(i, { kind: e.target.value as AgendaKind })}
                  >
                    {AGENDA_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`agenda.kinds.${k}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {item.kind === 'phase' ? (
                    <select
                      aria-label={t('setup.agenda.boardN', { n })}
                      value={item.phase ?? 'painPoints'}
                      onChange={(e) => set(i, { phase: e.target.value as Phase })}
                    >
                      {PHASES.map((p) => (
                        <option key={p} value={p}>
                          {t(`phases.${p}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span aria-hidden="true">—</span>
                  )}
                </td>
                <td>
                  <input
                    type="number"
                    min={1}
                    max={600}
                    inputMode="numeric"
                    className="agenda-editor__minutes"
                    aria-label={t('setup.agenda.minutesN', { n })}
                    value={item.minutes}
                    onChange={(e) => set(i, { minutes: Math.max(1, Math.min(600, Math.round(Number(e.target.value) || 1))) })}
                  />
                </td>
                <td className="agenda-editor__actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('setup.agenda.up', { n })}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('setup.agenda.down', { n })}
                    disabled={i === items.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('setup.agenda.remove', { n })}
                    onClick={() => onChange(items.filter((_, j) => j !== i))}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="console-row agenda-editor__foot">
        <button type="button" className="button" onClick={() => onChange([...items, { kind: 'other', minutes: 10 }])}>
          {t('setup.agenda.add')}
        </button>
        <p
          className={sessionMinutes !== null && total > sessionMinutes ? 'agenda-editor__total is-over' : 'agenda-editor__total'}
          role="status"
        >
          {sessionMinutes === null
            ? t('setup.agenda.total', { count: total })
            : t('setup.agenda.totalOf', { count: total, session: sessionMinutes })}
        </p>
      </div>
    </div>
  );
}
