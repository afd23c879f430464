import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '@crossboard/model';
import { AgendaEditor } from './AgendaEditor.tsx';
import { sessionInstants, type SessionRow } from './wizard-draft.ts';

interface Props {
  /** Keeps ids apart where the wizard and the console's Settings are both on a page. */
  idPrefix: string;
  sessions: SessionRow[];
  homeTimeZone: string;
  /** The shared agenda: session 1's, and every session's without its own. */
  agenda: AgendaItem[];
  onAgenda(agenda: AgendaItem[]): void;
  /** A later session's own agenda lives on its row, so it goes with the row when removed. */
  onSessions(sessions: SessionRow[]): void;
}

/**
 * The run of show of each session, one at a time: session 1's is the shared one, a later
 * session follows it until changed here, and can take a fresh copy of it.
 */
export function SessionAgendas({ idPrefix, sessions, homeTimeZone, agenda, onAgenda, onSessions }: Props) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState(0);
  const index = Math.min(picked, Math.max(0, sessions.length - 1));
  const row = sessions[index];
  const shown = row ? sessionInstants(row, homeTimeZone) : null;
  const sessionMinutes = shown ? Math.round((shown.end - shown.start) / 60_000) : null;
  const setOwn = (items: AgendaItem[]) => onSessions(sessions.map((s, i) => (i === index ? { ...s, agenda: items } : s)));

  return (
    <>
      {sessions.length > 1 && (
        <div className="field session-agendas__pick">
          <label htmlFor={`${idPrefix}-agenda-session`}>{t('setup.agenda.whichSession')}</label>
          <select id={`${idPrefix}-agenda-session`} value={index} onChange={(e) => setPicked(Number(e.target.value))}>
            {sessions.map((_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: sessions are numbered by position, as everywhere in the set-up.
              <option key={i} value={i}>
                {t('setup.sessions.label', { n: i + 1 })}
              </option>
            ))}
          </select>
          <p className="field__hint" role="status">
            {index === 0
              ? t('setup.agenda.firstIsShared')
              : row?.agenda
                ? t('setup.agenda.ownOf', { n: index + 1 })
                : t('setup.agenda.followsFirst', { n: index + 1 })}
          </p>
          {index > 0 && (
            <button type="button" className="button button--small" onClick={() => setOwn(agenda.map((i) => ({ ...i })))}>
              {t('setup.agenda.copyFromFirst')}
            </button>
          )}
        </div>
      )}
      {index === 0 ? (
        <AgendaEditor key="shared" items={agenda} onChange={onAgenda} sessionMinutes={sessionMinutes} />
      ) : (
        <AgendaEditor key={`session-${index}`} items={row?.agenda ?? agenda} onChange={setOwn} sessionMinutes={sessionMinutes} />
      )}
    </>
  );
}
