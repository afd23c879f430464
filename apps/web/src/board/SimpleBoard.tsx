import { useTranslation } from 'react-i18next';
import { boardNotes, createNote, ORIGIN, type Phase } from '@crossboard/model';
import { useWorkshop } from '../app/workshop-context.ts';
import { useMapKeys, useNoteText, useNoteView } from './yjs-hooks.ts';

/** The first end-to-end proof: notes of a phase, live, and a button that adds one. */
export function SimpleBoard({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const { board, me } = useWorkshop();
  const notes = boardNotes(board);
  const ids = useMapKeys(notes);
  const add = () =>
    board.transact(() => {
      createNote(notes, { phase, text: '', author: { id: me.id, name: me.name, organisation: me.organisation } });
    }, ORIGIN.local);
  return (
    <section aria-label={t('board.label', { phase: t(`phases.${phase}`) })}>
      <button type="button" className="button button--primary" onClick={add}>
        {t('board.newNote')}
      </button>
      <ul>
        {ids.map((id) => (
          <SimpleNote key={id} id={id} phase={phase} />
        ))}
      </ul>
    </section>
  );
}

function SimpleNote({ id, phase }: { id: string; phase: Phase }) {
  const { board } = useWorkshop();
  const map = boardNotes(board).get(id);
  const view = useNoteView(map);
  if (!map || !view || view.phase !== phase) return null;
  return <SimpleNoteBody map={map} name={view.author?.name ?? ''} />;
}

function SimpleNoteBody({ map, name }: { map: import('@crossboard/model').NoteMap; name: string }) {
  const text = useNoteText(map);
  return (
    <li>
      {name}: {text}
    </li>
  );
}
