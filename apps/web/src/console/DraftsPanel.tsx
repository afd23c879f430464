import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftCount, FacilitationApi } from '../facilitation/facilitation-api.ts';
import { errorMessage, useRequest } from './use-request.ts';

/** Draft counts are the server's (drafts rooms are private); ask again this often. */
export const DRAFTS_POLL_MS = 10_000;

/**
 * Per-person draft counts, the reveal button, and moderation without reading: a drafts room
 * is its owner's alone until reveal (facilitators are refused it), so the server gives each
 * draft's id and length, never its words, and a draft is removed through the API.
 */
export function DraftsPanel({ api }: { api: FacilitationApi }) {
  const { t } = useTranslation();
  const drafts = useRequest(api.drafts, DRAFTS_POLL_MS);
  const [message, setMessage] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const list = drafts.data?.drafts ?? [];
  const total = list.reduce((n, d) => n + d.count, 0);
  // The latest answer's entry, so a removal or a poll shows at once.
  const open = list.find((d) => d.personId === openId) ?? null;

  const reveal = async () => {
    try {
      const { moved } = await api.revealDrafts();
      setMessage(t('console.drafts.revealed', { count: moved }));
      setOpenId(null);
      await drafts.reload();
    } catch (err) {
      setMessage(errorMessage(err));
    }
  };

  const remove = async (person: DraftCount, noteId: string) => {
    try {
      await api.removeDraft(person.personId, noteId);
      setMessage(t('console.drafts.removed', { name: person.name }));
    } catch (err) {
      setMessage(errorMessage(err));
    }
    await drafts.reload();
  };

  return (
    <section className="console-card" aria-labelledby="console-drafts">
      <h2 id="console-drafts">
        {t('console.drafts.heading')} <span className="console-count">{total}</span>
      </h2>
      <p className="console-hint">{t('console.drafts.private')}</p>
      {drafts.error && <p role="alert">{drafts.error}</p>}
      {list.length === 0 ? (
        <p className="console-empty">{t('console.drafts.none')}</p>
      ) : (
        <ul className="console-list">
          {list.map((d) => (
            <li key={d.personId} className="console-list__row">
              <span className="console-list__main">{t('console.drafts.count', { name: d.name, count: d.count })}</span>
              {d.count > 0 && (
                <button
                  type="button"
                  className="button button--small"
                  aria-expanded={openId === d.personId}
                  onClick={() => setOpenId(openId === d.personId ? null : d.personId)}
                >
                  {t('console.drafts.moderate', { name: d.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {open && <DraftsModeration person={open} onRemove={(noteId) => void remove(open, noteId)} />}
      <button type="button" className="button button--primary" onClick={() => void reveal()}>
        {t('console.drafts.reveal')}
      </button>
      <p role="status" className="console-message">
        {message}
      </p>
    </section>
  );
}

/** One person's drafts as the server describes them: a number and a length each, no text. */
function DraftsModeration({ person, onRemove }: { person: DraftCount; onRemove(noteId: string): void }) {
  const { t } = useTranslation();
  return (
    <section className="moderation" aria-label={t('console.drafts.moderation', { name: person.name })}>
      <p className="console-hint">{t('console.drafts.removeHint')}</p>
      {person.notes.length === 0 ? (
        <p className="console-empty">{t('console.drafts.noneOf', { name: person.name })}</p>
      ) : (
        <ul className="console-list">
          {person.notes.map((n, i) => (
            <li key={n.id} className="console-list__row">
              <span className="console-list__main">{t('console.drafts.draft', { number: i + 1, count: n.length })}</span>
              <button
                type="button"
                className="button button--small button--danger"
                aria-label={t('console.drafts.removeOne', { number: i + 1, name: person.name })}
                onClick={() => onRemove(n.id)}
              >
                {t('console.drafts.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
