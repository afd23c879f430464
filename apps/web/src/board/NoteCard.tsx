import { memo, useEffect, useRef, useState, type CSSProperties, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { boardNotes, NOTE_COLOURS, noteContent, type NoteMap, type NoteView } from '@crossboard/model';
import { TrashIcon } from '../ui/icons.tsx';
import { useWorkshop } from '../shared/workshop-context.ts';
import { useBoardUi } from './board-ui-store.ts';
import { isNoteVisible } from './geometry.ts';
import { deleteNote, patchNote } from './note-actions.ts';
import { NoteEditor } from './LazyNoteEditor.tsx';
import { NoteVote } from '../facilitation/VotingPanel.tsx';
import { useMapEntry, useNoteText, useNoteView } from '../shared/yjs-hooks.ts';
import { useNoteSelectors, usePublishSelection, type NoteSelector } from '../presence/note-selection.ts';
import { useNoteDrag } from './use-note-drag.ts';
import { useNoteKeys, type SiblingStep } from './use-note-keys.ts';

interface Props {
  id: string;
  themes: string[];
  readOnly: boolean;
  /** Whether Tab lands on this note: the board is one tab stop, arrows go between notes. */
  tabbable?: boolean;
  /** Moves focus to the next (+1) or previous (-1) note in reading order, or the first/last. */
  focusSibling?(from: string, step: SiblingStep): void;
}

/** A sticky note on the board. It observes only its own Y.Map, so others' typing elsewhere costs it nothing. */
export const NoteCard = memo(function NoteCard({ id, themes, readOnly, tabbable = true, focusSibling }: Props) {
  const { board } = useWorkshop();
  const notes = boardNotes(board);
  // Undoing a delete brings the note back as a new Y.Map under the same id.
  const map = useMapEntry(notes, id);
  if (!map) return null;
  return (
    <NoteCardBody key={mapKey(map)} id={id} map={map} themes={themes} readOnly={readOnly} tabbable={tabbable} focusSibling={focusSibling} />
  );
});

const mapIds = new WeakMap<object, number>();
let mapSeq = 0;
function mapKey(map: object): number {
  let k = mapIds.get(map);
  if (k === undefined) mapIds.set(map, (k = ++mapSeq));
  return k;
}

/**
 * One note, drawn. Dragging and keys are use-note-drag.ts's and use-note-keys.ts's; here are
 * focus (the note's tools are tab stops only while it has focus), who else is on it, culling,
 * and the card itself.
 */
function NoteCardBody({ id, map, themes, readOnly, tabbable, focusSibling }: Props & { map: NoteMap }) {
  const { t } = useTranslation();
  const { board, undo, awareness } = useWorkshop();
  const view = useNoteView(map);
  const text = useNoteText(map);
  const editing = useBoardUi((s) => s.editingId === id);
  const focusRequested = useBoardUi((s) => s.focusRequest === id);
  const visible = useBoardUi((s) => (view ? isNoteVisible(s.viewport, view.x, view.y) : false));
  const ref = useRef<HTMLElement>(null);
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

  const ui = useBoardUi.getState;
  const remove = () => {
    deleteNote(board, undo, id);
    ui().startEditing(null);
    ui().showToast(t('board.noteDeleted'), true);
  };
  const drag = useNoteDrag(id, view, !readOnly && !editing);
  const onKeyDown = useNoteKeys(id, { readOnly, focusSibling, remove });

  if (!view) return null;
  // Culling: a note far outside the viewport is not rendered, unless someone is working on it here.
  const keepMounted = editing || focusRequested || (typeof document !== 'undefined' && ref.current?.contains(document.activeElement));
  if (!visible && !keepMounted) return null;

  const author = view.author?.name || t('note.unknownAuthor');
  const label = t('note.label', { name: author, text: text.trim() || t('note.emptyText') });
  const hereId = `note-here-${id}`;
  // Outlined in the first person's colour; everyone on it is named.
  const outline: CSSProperties | undefined =
    selectors.length > 0 ? ({ '--selector-colour': selectors[0]!.colour } as CSSProperties) : undefined;
  const onFocus = () => {
    setFocused(true);
    if (ui().activeNoteId !== id) ui().setActiveNote(id);
  };
  const onBlur = (e: FocusEvent<HTMLElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
  };
  const stopEditing = () => {
    ui().startEditing(null);
    ui().requestFocus(id);
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
      {...drag}
      onDoubleClick={(e) => {
        e.stopPropagation();
        if (!readOnly) ui().startEditing(id);
      }}
    >
      {selectors.length > 0 && <OthersHere selectors={selectors} hereId={hereId} />}
      <div className="note__body">
        {editing ? (
          <NoteEditor
            fragment={noteContent(map)}
            awareness={awareness}
            label={t('note.editorLabel')}
            readOnly={readOnly}
            onDone={stopEditing}
          />
        ) : (
          <p className="note__text">{text || <span className="note__placeholder">{t('note.placeholder')}</span>}</p>
        )}
      </div>
      <footer className="note__meta">
        <span className="note__author">{author}</span>
        {view.author?.organisation && (
          <span className="note__org" title={view.author.organisation}>
            {view.author.organisation}
          </span>
        )}
        {view.theme && <span className="note__theme">{view.theme}</span>}
        <NoteVote noteId={id} phase={view.phase} label={text.trim() || t('note.emptyText')} />
      </footer>
      {!readOnly && (
        <NoteTools
          id={id}
          view={view}
          themes={themes}
          editing={editing}
          onEdit={() => (editing ? stopEditing() : ui().startEditing(id))}
          onDelete={remove}
        />
      )}
    </article>
  );
}

/** Who else has this note selected: visible names, and one sentence for screen readers. */
function OthersHere({ selectors, hereId }: { selectors: readonly NoteSelector[]; hereId: string }) {
  const { t } = useTranslation();
  return (
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
  );
}

interface ToolsProps {
  id: string;
  view: NoteView;
  themes: string[];
  editing: boolean;
  onEdit(): void;
  onDelete(): void;
}

/** Colour, theme, edit and delete: shown on hover and focus, tab stops only while the note has focus. */
function NoteTools({ id, view, themes, editing, onEdit, onDelete }: ToolsProps) {
  const { t } = useTranslation();
  const { board } = useWorkshop();
  return (
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
        onClick={onEdit}
      >
        {editing ? '✓' : '✎'}
      </button>
      <button
        type="button"
        className="icon-button icon-button--danger"
        aria-label={t('note.delete')}
        title={t('note.delete')}
        onClick={onDelete}
      >
        <TrashIcon />
      </button>
    </div>
  );
}
