import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  boardNotes,
  listNotes,
  noteContent,
  notesLeftAlone,
  plainText,
  suggestClusters,
  type ClusterSuggestion,
  type Phase,
} from '@crossboard/model';
import { request } from '../api/client.ts';
import { useWorkshop } from '../shared/workshop-context.ts';
import { createClusterWith } from '../facilitation/cluster-actions.ts';
import { loadCredential } from '../api/credentials.ts';

/** What POST /api/workshops/:id/clusters/suggest answers (apps/server/src/clustering). */
interface ServerSuggestions {
  method: 'embeddings' | 'offline';
  fallbackReason?: string;
  suggestions: ClusterSuggestion[];
  leftAlone: number;
}

interface Suggestion {
  key: number;
  title: string;
  noteIds: string[];
  editing: boolean;
}

/**
 * Suggests groups of the phase's notes that are not in a cluster yet, and lets the facilitator
 * accept, retitle or discard each. When the operator configured an embeddings model the
 * server suggests (the notes are read there); otherwise the model's offline `suggestClusters`
 * runs here. Nothing changes until accepted.
 */
export function ClusterSuggestions({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const { board, undo, workshopId } = useWorkshop();
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [leftAlone, setLeftAlone] = useState(0);
  const [note, setNote] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [serverModel, setServerModel] = useState(false);
  const token = loadCredential(workshopId)?.token;
  useEffect(() => {
    if (!token) return;
    let live = true;
    request<{ embeddings: boolean }>('GET', `/api/workshops/${encodeURIComponent(workshopId)}/clusters/config`, undefined, token).then(
      (c) => live && setServerModel(c.embeddings),
      () => live && setServerModel(false),
    );
    return () => {
      live = false;
    };
  }, [workshopId, token]);
  const textOf = (id: string) => {
    const m = boardNotes(board).get(id);
    return m ? plainText(noteContent(m)) : '';
  };

  const show = (found: readonly ClusterSuggestion[], alone: number, why: string) => {
    setSuggestions(found.map((s, i) => ({ key: i, title: s.title, noteIds: s.noteIds, editing: false })));
    setLeftAlone(alone);
    setNote(why);
    setAnnouncement(t('clusters.suggested', { count: found.length }));
  };
  const suggestOffline = (why = '') => {
    const notes = listNotes(board, phase)
      .filter((n) => !n.clusterId)
      .map((n) => ({ id: n.id, text: textOf(n.id) }))
      .filter((n) => n.text.trim());
    const found = suggestClusters(notes);
    show(found, notesLeftAlone(notes.length, found), why);
  };
  const suggest = () => {
    if (!serverModel || !token) return suggestOffline();
    request<ServerSuggestions>('POST', `/api/workshops/${encodeURIComponent(workshopId)}/clusters/suggest`, { phase }, token).then(
      (r) =>
        show(
          r.suggestions,
          r.leftAlone,
          r.method === 'embeddings'
            ? t('clusters.byModel', { defaultValue: 'Grouped by the embeddings model.' })
            : (r.fallbackReason ?? ''),
        ),
      () => suggestOffline(t('clusters.serverFailed', { defaultValue: 'The server could not suggest; offline suggestions instead.' })),
    );
  };
  const update = (key: number, patch: Partial<Suggestion>) =>
    setSuggestions((all) => (all ?? []).map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const drop = (key: number) => setSuggestions((all) => (all ?? []).filter((s) => s.key !== key));
  const accept = (s: Suggestion) => {
    // Notes someone clustered (or deleted) since the suggestion was made stay where they are.
    const still = s.noteIds.filter((id) => {
      const m = boardNotes(board).get(id);
      return m && !m.get('clusterId');
    });
    createClusterWith(board, undo, phase, s.title, still);
    drop(s.key);
    setAnnouncement(t('clusters.accepted', { title: s.title }));
  };

  return (
    <section className="console-card" aria-labelledby="console-suggest">
      <h2 id="console-suggest">{t('clusters.suggestHeading')}</h2>
      <button type="button" className="button" onClick={suggest}>
        {t('clusters.suggest')}
      </button>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {suggestions && suggestions.length === 0 && <p className="console-empty">{t('clusters.noSuggestions')}</p>}
      {suggestions && leftAlone > 0 && (
        <p className="console-empty">
          {t('clusters.leftAlone', { count: leftAlone, defaultValue: '{{count}} notes left alone: no group was sure enough.' })}
        </p>
      )}
      {suggestions && note && <p className="console-empty">{note}</p>}
      <ul className="console-list">
        {(suggestions ?? []).map((s) => (
          <li key={s.key} className="suggestion" aria-label={t('clusters.suggestion', { title: s.title })}>
            {s.editing ? (
              <label>
                <span className="visually-hidden">{t('clusters.editTitle')}</span>
                <input
                  // The field appears because the facilitator chose to rename this suggestion: focus follows.
                  ref={focusOnMount}
                  value={s.title}
                  onChange={(e) => update(s.key, { title: e.target.value })}
                  onKeyDown={(e) => e.key === 'Enter' && update(s.key, { editing: false })}
                  onBlur={() => update(s.key, { editing: false })}
                />
              </label>
            ) : (
              <h3 className="suggestion__title">{s.title}</h3>
            )}
            <ul className="suggestion__notes">
              {s.noteIds.map((id) => (
                <li key={id}>{textOf(id) || t('note.emptyText')}</li>
              ))}
            </ul>
            <div className="console-row">
              <button type="button" className="button button--small button--primary" onClick={() => accept(s)}>
                {t('clusters.accept', { title: s.title })}
              </button>
              <button
                type="button"
                className="button button--small"
                aria-pressed={s.editing}
                onClick={() => update(s.key, { editing: !s.editing })}
              >
                {t('clusters.editTitle')}
              </button>
              <button type="button" className="button button--small" onClick={() => drop(s.key)}>
                {t('clusters.discard', { title: s.title })}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function focusOnMount(el: HTMLInputElement | null): void {
  el?.focus();
}
