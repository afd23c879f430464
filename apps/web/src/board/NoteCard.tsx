import { memo, useEffect, useRef, useState, type CSSProperties, type FocusEvent, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { boardNotes, NOTE_COLOURS, noteContent, type NoteMap } from '@crossboard/model';
import { TrashIcon } from '../app/icons.tsx';
import { useWorkshop } from '../app/workshop-context.ts';
import { useBoardUi } from './board-ui-store.ts';
import { isNoteVisible, KEY_STEP, KEY_STEP_LARGE } from './geometry.ts';
import { deleteNote, moveNoteBy, patchNote } from './note-actions.ts';
import { NoteEditor } from '../app/LazyNoteEditor.tsx';
import { assignOnDrop, mayCluster } from '../facilitation/cluster-actions.ts';
import { NoteVote } from '../facilitation/VotingPanel.tsx';
import { useMapEntry, useNoteText, useNoteView } from '../shared/yjs-hooks.ts';
import { useNoteSelectors, usePublishSelection } from '../presence/note-selection.ts';

interface Props {
  id: string;
  themes: string[];
  readOnly: boolean;
  /** Whether Tab lands on this note: the board is one tab stop, arrows go between notes. */
  tabbable?: boolean;
  /** Moves focus to the next (+1) or previous (-1) note in reading order, or the first/last. */
  focusSibling?(from: string, step: 1 | -1 | 'first' | 'last'): void;
}

/** Alt+arrows move the note; plain arrows go to the next note in reading order. */
const STEPS: Record<string, 1 | -1 | 'first' | 'last'> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: 'first', End: 'last' };

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** A sticky note on the board. It observes only its own Y.Map, so others' typing elsewhere costs it nothing. */
export const NoteCard = memo(function NoteCard({ id, themes, readOnly, tabbable = true, focusSibling }: Props) {
  const { board } = useWorkshop();
  const notes = boardNotes(board);
  // Undoing a delete brings the note back as a new Y.Map under the same id.
  const map = useMapEntry(notes, id);
  if (!map) return null;
  return <NoteCardBody key={mapKey(map)} id={id} map={map} themes={themes} readOnly={readOnly} tabbable={tabbable} focusSibling={focusSibling} />;
});

const mapIds = new WeakMap<object, number>();
let mapSeq = 0;
function mapKey(map: object): number {
  let k = mapIds.get(map);
  if (k === undefined) mapIds.set(map, (k = ++mapSeq));
  return k;
}

function NoteCardBody({ id, map, themes, readOnly, tabbable, focusSibling }: Props & { map: NoteMap }) {
  const { t } = useTranslation();
  const { board, undo, awareness, control, me } = useWorkshop();
  const view = useNoteView(map);
  const text = useNoteText(map);
  const editing = useBoardUi((s) => s.editingId === id);
  const focusRequested = useBoardUi((s) => s.focusRequest === id);
  const visible = useBoardUi((s) => (view ? isNoteVisible(s.viewport, view.x, view.y) : false));
  const ref = useRef<HTMLElement>(null);
  const drag = useRef<{ pointerId: number; sx: number; sy: number; x: number; y: number; moved: boolean } | null>(null);
  const [focused, setFocused] = useState(false);
  // Tools are tab stops only in the focused note; elsewhere Tab would walk every note's nine buttons.
  const toolsTabbable = focused || editing;
  useEffect(() => {
    const tools = ref.current?.querySelectorAll<HTMLElement>('button, select, input, a[href]');
    tools?.forEach((el) => (el.tabIndex = toolsTabbable ? 0 : -1));
  });
  // Focus inside the note covers editing too: the editor lives in it.
  usePublishSelection(awareness, id, focused);
  const selectors = useNoteSelectors(awareness, id);

  useEffect(() => {
    if (focusRequested && ref.current) {
      ref.current.focus();
      useBoardUi.getState().requestFocus(null);
    }
  }, [focusRequested, visible]);

  if (!view) return null;
  // Culling: a note far outside the viewport is not rendered, unless someone is working on it here.
  const keepMounted = editing || focusRequested || (typeof document !== 'undefined' && ref.current?.contains(document.activeElement));
  if (!visible && !keepMounted) return null;

  const author = view.author?.name || t('note.unknownAuthor');
  const label = t('note.label', { name: author, text: text.trim() || t('note.emptyText') });
  const ui = useBoardUi.getState;
  const hereId = `note-here-${id}`;
  // Outlined in the first person's colour; everyone on it is named.
  const outline: CSSProperties | undefined = selectors.length > 0 ? ({ '--selector-colour': selectors[0]!.colour } as CSSProperties) : undefined;
  const onFocus = () => {
    setFocused(true);
    if (useBoardUi.getState().activeNoteId !== id) useBoardUi.getState().setActiveNote(id);
  };
  const onBlur = (e: FocusEvent<HTMLElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
  };

  const stopEditing = () => {
    ui().startEditing(null);
    ui().requestFocus(id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.target !== e.currentTarget) return;
    const step = !e.altKey ? STEPS[e.key] : undefined;
    if (step !== undefined) {
      e.preventDefault();
      focusSibling?.(id, step);
      return;
    }
    if (readOnly) return;
    const dir = e.altKey ? ARROWS[e.key] : undefined;
    if (dir) {
      e.preventDefault();
      const step = e.shiftKey ? KEY_STEP_LARGE : KEY_STEP;
      moveNoteBy(board, id, dir[0] * step, dir[1] * step);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      ui().startEditing(id);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      remove();
    }
  };

  const remove = () => {
    deleteNote(board, undo, id);
    ui().startEditing(null);
    ui().showToast(t('board.noteDeleted'), true);
  };

  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    if (readOnly || editing || e.button !== 0) return;
    if ((e.target as HTMLElement).closest('button, select, input, .note-editor')) return;
    e.stopPropagation();
    drag.current = { pointerId: e.pointerId, sx: e.clientX, sy: e.clientY, x: view.x, y: view.y, moved: false };
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    const zoom = ui().viewport.zoom;
    const dx = (e.clientX - d.sx) / zoom;
    const dy = (e.clientY - d.sy) / zoom;
    if (!d.moved && Math.hypot(dx, dy) < 3) return;
    d.moved = true;
    patchNote(board, id, { x: Math.round(d.x + dx), y: Math.round(d.y + dy) });
  };
  const onPointerUp = (e: PointerEvent<HTMLElement>) => {
    if (drag.current?.pointerId === e.pointerId) {
      // Dropped on a cluster's frame: join it, in the same undo step as the drag.
      if (drag.current.moved && mayCluster(me, control)) assignOnDrop(board, id);
      drag.current = null;
      undo.stopCapturing();
    }
  };

  return (
    <article
      ref={ref}
      className={`note note--${view.colour}${editing ? ' note--editing' : ''}${selectors.length > 0 ? ' note--others-here' : ''}`}
      style={{ transform: `translate(${view.x}px, ${view.y}px)`, ...outline }}
      tabIndex={tabbable ? 0 : -1}
      aria-label={label}
      aria-describedby={selectors.length > 0 ? hereId : undefined}
      aria-roledescription={t('note.roleDescription')}
      data-note-id={id}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onBlur={onBlur}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={(e) => {
        e.stopPropagation();
        if (!readOnly) ui().startEditing(id);
      }}
    >
      {selectors.length > 0 && (
        <>
          <p className="note__here" aria-hidden="true">
            {selectors.map((s) => (
              <span key={s.clientId} className="note__here-name" style={{ background: s.colour }}>
                {t('presence.isHere', { name: s.name })}
              </span>
            ))}
          </p>
          <span id={hereId} className="visually-hidden">
            {selectors.map((s) => t('presence.isHere', { name: s.name })).join(', ')}
          </span>
        </>
      )}
      <div className="note__body">
        {editing ? (
          <NoteEditor fragment={noteContent(map)} awareness={awareness} label={t('note.editorLabel')} readOnly={readOnly} onDone={stopEditing} />
        ) : (
          <p className="note__text">{text || <span className="note__placeholder">{t('note.placeholder')}</span>}</p>
        )}
      </div>
      <footer className="note__meta">
        <span className="note__author">{author}</span>
        {view.author?.organisation && <span className="note__org" title={view.author.organisation}>{view.author.organisation}</span>}
        {view.theme && <span className="note__theme">{view.theme}</span>}
        <NoteVote noteId={id} phase={view.phase} label={text.trim() || t('note.emptyText')} />
      </footer>
      {!readOnly && (
        <div className="note__tools">
          <div className="note__colours" role="group" aria-label={t('note.colour')}>
            {NOTE_COLOURS.map((c) => (
              <button
                key={c}
                type="button"
                className={`swatch swatch--${c}`}
                aria-label={t('note.colourName', { colour: t(`note.colours.${c}`) })}
                aria-pressed={view.colour === c}
                onClick={() => patchNote(board, id, { colour: c })}
              />
            ))}
          </div>
          {themes.length > 0 && (
            <select
              className="note__theme-picker"
              aria-label={t('note.theme')}
              value={view.theme ?? ''}
              onChange={(e) => patchNote(board, id, { theme: e.target.value || null })}
            >
              <option value="">{t('note.noTheme')}</option>
              {themes.map((th) => (
                <option key={th} value={th}>
                  {th}
                </option>
              ))}
            </select>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label={editing ? t('note.done') : t('note.edit')}
            title={editing ? t('note.done') : t('note.edit')}
            onClick={() => (editing ? stopEditing() : ui().startEditing(id))}
          >
            {editing ? '✓' : '✎'}
          </button>
          <button type="button" className="icon-button icon-button--danger" aria-label={t('note.delete')} title={t('note.delete')} onClick={remove}>
            <TrashIcon />
          </button>
        </div>
      )}
    </article>
  );
}
