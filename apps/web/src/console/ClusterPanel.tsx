import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { boardNotes, listClusters, listNotes, noteContent, plainText, type Phase } from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { createClusterWith, mergeClusters, removeCluster, removeFromCluster, renameCluster } from '../facilitation/cluster-actions.ts';
import { setSpotlight } from '../facilitation/control-state.ts';
import { ORIGIN } from '@crossboard/model';
import { useBoardVersion } from '../shared/use-board-version.ts';

/** Name, merge, split and delete the phase's clusters; every change is one undo step. */
export function ClusterPanel({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const { board, control, undo } = useWorkshop();
  useBoardVersion(board);
  const clusters = listClusters(board, phase);
  const notes = listNotes(board, phase);
  const [newTitle, setNewTitle] = useState('');
  const textOf = (id: string) => {
    const m = boardNotes(board).get(id);
    return (m ? plainText(noteContent(m)) : '') || t('note.emptyText');
  };

  return (
    <section className="console-card" aria-labelledby="console-clusters">
      <h2 id="console-clusters">{t('clusters.heading')}</h2>
      <form
        className="console-row"
        onSubmit={(e) => {
          e.preventDefault();
          createClusterWith(board, undo, phase, newTitle);
          setNewTitle('');
        }}
      >
        <label className="grow">
          <span className="visually-hidden">{t('clusters.newTitle')}</span>
          <input value={newTitle} placeholder={t('clusters.newTitle')} onChange={(e) => setNewTitle(e.target.value)} />
        </label>
        <button type="submit" className="button">
          {t('clusters.create')}
        </button>
      </form>
      {clusters.length === 0 && <p className="console-empty">{t('clusters.none')}</p>}
      <ul className="console-list">
        {clusters.map((c) => {
          const members = notes.filter((n) => n.clusterId === c.id);
          const name = c.title || t('board.untitledCluster');
          return (
            <li key={c.id} className="cluster-item">
              <ClusterTitle id={c.id} title={c.title} />
              <span className="console-list__meta">{t('board.notesCount', { count: members.length })}</span>
              <ul className="cluster-item__notes">
                {members.map((n) => (
                  <li key={n.id}>
                    {/* The button's name stays short for voice control and braille; the note it acts on is its description. */}
                    <span id={`cluster-note-${n.id}`}>{textOf(n.id)}</span>{' '}
                    <button
                      type="button"
                      className="button button--small"
                      aria-describedby={`cluster-note-${n.id}`}
                      onClick={() => removeFromCluster(board, undo, [n.id])}
                    >
                      {t('clusters.takeOut')}
                    </button>
                  </li>
                ))}
              </ul>
              <div className="console-row">
                {clusters.length > 1 && (
                  <label>
                    <span className="visually-hidden">{t('clusters.mergeInto', { cluster: name })}</span>
                    <select
                      value=""
                      onChange={(e) => {
                        if (e.target.value) mergeClusters(board, undo, c.id, e.target.value);
                      }}
                    >
                      <option value="">{t('clusters.mergeInto', { cluster: name })}</option>
                      {clusters
                        .filter((o) => o.id !== c.id)
                        .map((o) => (
                          <option key={o.id} value={o.id}>
                            {o.title || t('board.untitledCluster')}
                          </option>
                        ))}
                    </select>
                  </label>
                )}
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setSpotlight(control, { kind: 'cluster', id: c.id }, Date.now(), ORIGIN.local)}
                >
                  {t('clusters.spotlight', { cluster: name })}
                </button>
                <button type="button" className="button button--small button--danger" onClick={() => removeCluster(board, undo, c.id)}>
                  {t('clusters.delete', { cluster: name })}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The title as a text field that commits on Enter or blur, so typing is one undo step. */
function ClusterTitle({ id, title }: { id: string; title: string }) {
  const { t } = useTranslation();
  const { board, undo } = useWorkshop();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== title) renameCluster(board, undo, id, draft);
    setDraft(null);
  };
  return (
    <label className="cluster-item__title">
      <span className="visually-hidden">{t('clusters.rename')}</span>
      <input
        value={draft ?? title}
        placeholder={t('board.untitledCluster')}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
    </label>
  );
}
