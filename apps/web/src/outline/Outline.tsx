import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  boardNotes,
  listClusters,
  listNotes,
  noteContent,
  orderForMove,
  PHASES,
  plainText,
  type ClusterView,
  type NoteView,
  type Phase,
} from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { addNote, patchNote } from '../board/note-actions.ts';
import { NoteEditor } from '../board/LazyNoteEditor.tsx';
import { moveIntoCluster, nextNoteSpot } from '../layout/placement.ts';
import { useBoardVersion } from '../shared/use-board-version.ts';
import { useControl } from '../facilitation/control-hooks.ts';
import { mayCluster } from '../facilitation/cluster-actions.ts';
import { byVotes, phaseTallies } from '../facilitation/vote-order.ts';
import { matchesTheme, ThemeFilter, useThemeFilter } from '../board/theme-filter.tsx';
import { NoteVote } from '../facilitation/VotingPanel.tsx';

interface Props {
  /** Which phase is open first; the others follow in workshop order. */
  selected: Phase;
  lockedPhases: Record<Phase, boolean>;
  /**
   * A phone's board: only the selected phase, whether it takes notes decided by the page (locks,
   * roles, async windows), and the composer kept at the bottom of the screen.
   */
  phone?: { readOnly: boolean };
}

/** The boards as a structured list — phases, clusters, notes — where everything works from the keyboard. */
export function Outline({ selected, lockedPhases, phone }: Props) {
  const { t } = useTranslation();
  const { board } = useWorkshop();
  useBoardVersion(board);
  const [announcement, setAnnouncement] = useState('');
  const ordered = phone ? [selected] : [selected, ...PHASES.filter((p) => p !== selected)];
  return (
    <div className={phone ? 'outline outline--phone' : 'outline'}>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <ThemeFilter />
      {ordered.map((phase) => (
        <PhaseOutline key={phase} phase={phase} readOnly={phone ? phone.readOnly : lockedPhases[phase]} announce={setAnnouncement} />
      ))}
    </div>
  );
}

function PhaseOutline({ phase, readOnly, announce }: { phase: Phase; readOnly: boolean; announce(s: string): void }) {
  const { t } = useTranslation();
  const { board, control } = useWorkshop();
  const voted = useControl(control, (d) => phaseTallies(d, phase));
  const [ranked, setRanked] = useState(false);
  // After a vote the outline can list the most-voted first (notes, or clusters, as voted on).
  const rank = ranked && voted;
  const theme = useThemeFilter((s) => s.theme);
  const notes = (rank && voted.target === 'notes' ? byVotes(listNotes(board, phase), voted.tallies) : listNotes(board, phase)).filter((n) =>
    matchesTheme(theme, n.theme),
  );
  const clusters = rank && voted.target === 'clusters' ? byVotes(listClusters(board, phase), voted.tallies) : listClusters(board, phase);
  const groups: { cluster: ClusterView | null; notes: NoteView[] }[] = [
    ...clusters.map((c) => ({ cluster: c, notes: notes.filter((n) => n.clusterId === c.id) })),
    { cluster: null, notes: notes.filter((n) => !n.clusterId || !clusters.some((c) => c.id === n.clusterId)) },
  ];
  const headingId = `outline-${phase}`;
  return (
    <section className="outline__phase" aria-labelledby={headingId}>
      <h2 id={headingId} className={`outline__phase-title outline__phase-title--${phase}`}>
        {t(`phases.${phase}`)} <span className="outline__count">{t('board.notesCount', { count: notes.length })}</span>
      </h2>
      {voted && (
        <button type="button" className="button button--small" aria-pressed={ranked} onClick={() => setRanked((r) => !r)}>
          {t('voting.rankByVotes')}
        </button>
      )}
      {notes.length === 0 && <p className="outline__empty">{t('outline.empty')}</p>}
      {groups
        .filter((g) => g.cluster || g.notes.length > 0)
        .map((g) => {
          const gid = `${headingId}-${g.cluster?.id ?? 'none'}`;
          return (
            <section key={gid} className="outline__cluster" aria-labelledby={gid}>
              <h3 id={gid} className="outline__cluster-title">
                {g.cluster ? g.cluster.title || t('board.untitledCluster') : t('outline.unclustered')}
              </h3>
              <ol className="outline__notes">
                {g.notes.map((n, i) => (
                  <OutlineNote
                    key={n.id}
                    note={n}
                    siblings={g.notes}
                    index={i}
                    clusters={clusters}
                    readOnly={readOnly || !!rank}
                    announce={announce}
                  />
                ))}
              </ol>
            </section>
          );
        })}
      {!readOnly && <AddNoteForm phase={phase} />}
    </section>
  );
}

interface NoteProps {
  note: NoteView;
  siblings: NoteView[];
  index: number;
  clusters: ClusterView[];
  readOnly: boolean;
  announce(s: string): void;
}

function OutlineNote({ note, siblings, index, clusters, readOnly, announce }: NoteProps) {
  const { t } = useTranslation();
  const { board, awareness, control, me } = useWorkshop();
  // The server puts back a participant's clustering unless the facilitator allows it.
  const canCluster = useControl(control, (d) => mayCluster(me, d));
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const map = boardNotes(board).get(note.id);
  if (!map) return null;
  const text = plainText(noteContent(map));
  const author = note.author?.name || t('note.unknownAuthor');
  const textId = `outline-note-${note.id}`;
  const orders = siblings.map((s) => s.order);

  const move = (direction: -1 | 1) => {
    const order = orderForMove(orders, index, direction);
    if (order === null) return;
    patchNote(board, note.id, { order });
    announce(t('outline.moved', { note: text || t('note.emptyText') }));
  };

  return (
    <li className={`outline-note outline-note--${note.colour}`}>
      <div className="outline-note__main">
        {editing ? (
          <NoteEditor
            fragment={noteContent(map)}
            awareness={awareness}
            label={t('note.editorLabel')}
            onDone={() => {
              setEditing(false);
              requestAnimationFrame(() => editButton.current?.focus());
            }}
          />
        ) : (
          <p id={textId} className="outline-note__text">
            {text || <span className="note__placeholder">{t('note.emptyText')}</span>}
          </p>
        )}
        <p className="outline-note__by">
          {author}
          {note.author?.organisation ? ` · ${note.author.organisation}` : ''}
          {note.theme ? ` · ${note.theme}` : ''}
        </p>
        <NoteVote noteId={note.id} phase={note.phase} label={text || t('note.emptyText')} />
      </div>
      {!readOnly && (
        <div
          className="outline-note__actions"
          role="group"
          aria-label={t('note.label', { name: author, text: text || t('note.emptyText') })}
        >
          <button
            ref={editButton}
            type="button"
            className="button button--small"
            onClick={() => setEditing((e) => !e)}
            aria-describedby={textId}
          >
            {editing ? t('note.done') : t('note.edit')}
          </button>
          {canCluster && (
            <label className="outline-note__assign">
              <span className="visually-hidden">{t('outline.assign')}</span>
              <select
                aria-describedby={textId}
                value={note.clusterId ?? ''}
                onChange={(e) => {
                  const clusterId = e.target.value || null;
                  moveIntoCluster(board, note.id, clusterId);
                  const c = clusters.find((x) => x.id === clusterId);
                  announce(t('outline.assigned', { cluster: c ? c.title || t('board.untitledCluster') : t('outline.noCluster') }));
                }}
              >
                <option value="">{t('outline.noCluster')}</option>
                {clusters.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title || t('board.untitledCluster')}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label={t('outline.moveUp')}
            aria-describedby={textId}
            disabled={index === 0}
            onClick={() => move(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('outline.moveDown')}
            aria-describedby={textId}
            disabled={index === siblings.length - 1}
            onClick={() => move(1)}
          >
            ↓
          </button>
        </div>
      )}
    </li>
  );
}

/** A first note written in the outline goes where a board opened at its start shows it. */
const OUTLINE_FIRST_NOTE_AT = { x: 400, y: 300 };

function AddNoteForm({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const { board, undo, me } = useWorkshop();
  const [text, setText] = useState('');
  const id = `outline-add-${phase}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    // Free space beside this person's previous note, as on the board.
    addNote(board, undo, me, { phase, text: text.trim(), ...nextNoteSpot(board, phase, me.id, OUTLINE_FIRST_NOTE_AT) });
    setText('');
  };
  return (
    <form className="outline__add" onSubmit={submit}>
      <label htmlFor={id}>{t('outline.addLabel', { phase: t(`phases.${phase}`) })}</label>
      <div className="outline__add-row">
        <textarea
          id={id}
          rows={2}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Enter adds, as in a chat box; Shift+Enter makes a new line.
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) submit(e);
          }}
        />
        <button type="submit" className="button button--primary" disabled={!text.trim()}>
          {t('outline.add')}
        </button>
      </div>
    </form>
  );
}
