import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { boardNotes, noteContent, plainText, readNote, roomName } from '@crossboard/model';
import { useWorkshop } from '../app/workshop-context.ts';
import { loadCredential } from '../api/credentials.ts';
import { openRoom } from '../sync/room-connection.ts';
import { defaultWsBase } from '../sync/workshop-sync.ts';
import type { DraftCount, FacilitationApi } from '../facilitation/facilitation-api.ts';
import { errorMessage, useRequest } from './use-request.ts';

/** Draft counts are the server's (drafts rooms are private); ask again this often. */
export const DRAFTS_POLL_MS = 10_000;

/** Per-person draft counts, the reveal button, and read-only moderation of one person's drafts. */
export function DraftsPanel({ api }: { api: FacilitationApi }) {
  const { t } = useTranslation();
  const drafts = useRequest(api.drafts, DRAFTS_POLL_MS);
  const [message, setMessage] = useState('');
  const [open, setOpen] = useState<DraftCount | null>(null);
  const list = drafts.data?.drafts ?? [];
  const total = list.reduce((n, d) => n + d.count, 0);

  const reveal = async () => {
    try {
      const { moved } = await api.revealDrafts();
      setMessage(t('console.drafts.revealed', { count: moved }));
      setOpen(null);
      await drafts.reload();
    } catch (err) {
      setMessage(errorMessage(err));
    }
  };

  return (
    <section className="console-card" aria-labelledby="console-drafts">
      <h2 id="console-drafts">
        {t('console.drafts.heading')} <span className="console-count">{total}</span>
      </h2>
      {drafts.error && <p role="alert">{drafts.error}</p>}
      {list.length === 0 ? (
        <p className="console-empty">{t('console.drafts.none')}</p>
      ) : (
        <ul className="console-list">
          {list.map((d) => (
            <li key={d.personId} className="console-list__row">
              <span className="console-list__main">{t('console.drafts.count', { name: d.name, count: d.count })}</span>
              <button type="button" className="button button--small" aria-expanded={open?.personId === d.personId} onClick={() => setOpen(open?.personId === d.personId ? null : d)}>
                {t('console.drafts.view', { name: d.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && <DraftsModeration person={open} api={api} onChanged={() => void drafts.reload()} />}
      <button type="button" className="button button--primary" onClick={() => void reveal()}>
        {t('console.drafts.reveal')}
      </button>
      <p role="status" className="console-message">
        {message}
      </p>
    </section>
  );
}

/** Opens `<id>/drafts/<pid>` with the facilitator's token: the server lets a facilitator read, never write. */
function useDraftsRoom(workshopId: string, personId: string): Y.Doc | null {
  const [doc, setDoc] = useState<Y.Doc | null>(null);
  useEffect(() => {
    const token = loadCredential(workshopId)?.token;
    if (!token) return;
    const room = openRoom(roomName({ workshopId, kind: 'drafts', participantId: personId }), { wsBase: defaultWsBase(), token, persist: false });
    setDoc(room.doc);
    return () => {
      setDoc(null);
      room.destroy();
    };
  }, [workshopId, personId]);
  return doc;
}

function DraftsModeration({ person, api, onChanged }: { person: DraftCount; api: FacilitationApi; onChanged(): void }) {
  const { t } = useTranslation();
  const { workshopId } = useWorkshop();
  const doc = useDraftsRoom(workshopId, person.personId);
  const [, bump] = useState(0);
  useEffect(() => {
    if (!doc) return;
    const h = () => bump((n) => n + 1);
    boardNotes(doc).observeDeep(h);
    return () => boardNotes(doc).unobserveDeep(h);
  }, [doc]);
  const notes = doc ? Array.from(boardNotes(doc).values()).flatMap((m) => {
    const n = readNote(m);
    return n ? [{ id: n.id, text: plainText(noteContent(m)) }] : [];
  }) : [];

  const remove = async (noteId: string) => {
    try {
      await api.removeDraft(person.personId, noteId);
      onChanged();
    } catch (err) {
      window.alert(errorMessage(err));
    }
  };

  return (
    <section className="moderation" aria-label={t('console.drafts.moderation', { name: person.name })}>
      <p className="console-hint">{t('console.drafts.readOnly')}</p>
      {notes.length === 0 ? (
        <p className="console-empty">{t('console.drafts.loading')}</p>
      ) : (
        <ul className="console-list">
          {notes.map((n) => (
            <li key={n.id} className="console-list__row">
              <span className="console-list__main">{n.text || t('note.emptyText')}</span>
              <button type="button" className="button button--small button--danger" onClick={() => void remove(n.id)}>
                {t('console.drafts.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
