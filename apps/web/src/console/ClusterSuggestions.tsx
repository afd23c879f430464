import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { boardNotes, listNotes, noteContent, plainText, suggestClusters, type Phase } from '@crossboard/model';
import { useWorkshop } from '../app/workshop-context.ts';
import { createClusterWith } from '../facilitation/cluster-actions.ts';

interface Suggestion {
  key: number;
  title: string;
  noteIds: string[];
  editing: boolean;
}

/**
 * Runs the model's `suggestClusters` on the phase's notes that are not in a cluster yet, and
 * lets the facilitator accept, retitle or discard each group. Nothing changes until accepted.
 */
export function ClusterSuggestions({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const { board, undo } = useWorkshop();
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const textOf = (id: string) => {
    const m = boardNotes(board).get(id);
    return m ? plainText(noteContent(m)) : '';
  };

  const suggest = () => {
    const notes = listNotes(board, phase)
      .filter((n) => !n.clusterId)
      .map((n) => ({ id: n.id, text: textOf(n.id) }))
      .filter((n) => n.text.trim());
    const found = suggestClusters(notes).map((s, i) => ({ key: i, title: s.title, noteIds: s.noteIds, editing: false }));
    setSuggestions(found);
    setAnnouncement(t('clusters.suggested', { count: found.length }));
  };
  const update = (key: number, patch: Partial<Suggestion>) => setSuggestions((all) => (all ?? []).map((s) => (s.key === key ? { ...s, ...patch } : s)));
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
      <ul className="console-list">
        {(suggestions ?? []).map((s) => (
          <li key={s.key} className="suggestion" aria-label={t('clusters.suggestion', { title: s.title })}>
            {s.editing ? (
              <label>
                <span className="visually-hidden">{t('clusters.editTitle')}</span>
                <input
                  autoFocus
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
              <button type="button" className="button button--small" aria-pressed={s.editing} onClick={() => update(s.key, { editing: !s.editing })}>
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
