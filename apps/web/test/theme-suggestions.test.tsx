import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { boardNotes, createNote, listNotes } from '@crossboard/model';
import { setLanguage } from '../src/i18n/index.ts';
import { themeSuggestionsEn, themeSuggestionsEs, themeSuggestionsFr } from '../src/i18n/theme-suggestion-messages.ts';
import { ThemeSuggestions } from '../src/console/ThemeSuggestions.tsx';
import { useWorkshop, type LocalUser } from '../src/shared/workshop-context.ts';
import { ME, renderWorkshop } from './render-workshop.tsx';
import { expectSameKeysAndPlaceholders } from './i18n-leaves.ts';

const FACILITATOR: LocalUser = { ...ME, id: 'p-fac', name: 'Fatima Idrissi', role: 'facilitator' };
const author = { id: 'p-jan', name: 'Jan Novák', organisation: 'Ministry' };
const THEMES = ['Mobility', 'Data sharing and interoperable systems'];

function UndoButton() {
  const { undo } = useWorkshop();
  return (
    <button type="button" onClick={() => undo.undo()}>
      Undo
    </button>
  );
}

/** A phase with one tagged note, two untagged notes that match a theme and one that matches none. */
function boardWithNotes() {
  const board = new Y.Doc();
  const notes = boardNotes(board);
  const tagged = createNote(notes, { phase: 'painPoints', text: 'Regional trains stop at the border', theme: 'Mobility', author, now: 1 });
  const trains = createNote(notes, { phase: 'painPoints', text: 'Timetables of regional trains never match', author, now: 2 });
  const data = createNote(notes, { phase: 'painPoints', text: 'Interoperable systems for sharing data between agencies', author, now: 3 });
  const coffee = createNote(notes, { phase: 'painPoints', text: 'We need more coffee breaks', author, now: 4 });
  createNote(notes, { phase: 'visions', text: 'Cross-border mobility passes for commuters', author });
  return { board, tagged, trains, data, coffee };
}

/** The visible line that says how many notes could be tagged (the status line repeats it for screen readers). */
const SUMMARY = 'p.console-empty';
const themeOf = (board: Y.Doc, id: string) => listNotes(board).find((n) => n.id === id)?.theme ?? null;

describe('theme suggestions in the console', () => {
  it('lists the untagged notes that could be tagged and tags nothing until one is accepted', async () => {
    const user = userEvent.setup();
    const { board, trains, data, coffee } = boardWithNotes();
    renderWorkshop(
      <>
        <UndoButton />
        <ThemeSuggestions phase="painPoints" themes={THEMES} />
      </>,
      { board, me: FACILITATOR },
    );

    await user.click(screen.getByRole('button', { name: 'Suggest themes for untagged notes' }));
    expect(screen.getByText('2 notes could be tagged', { selector: SUMMARY })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('2 notes could be tagged');
    const offers = screen.getAllByRole('listitem', { name: /^Note: / });
    expect(offers.map((o) => o.getAttribute('aria-label'))).toEqual([
      'Note: Timetables of regional trains never match',
      'Note: Interoperable systems for sharing data between agencies',
    ]);
    // Shown, not applied: every note keeps the theme it had.
    expect([trains, data, coffee].map((id) => themeOf(board, id))).toEqual([null, null, null]);

    // One click; the button names the theme and is described by the note it tags.
    const accept = within(offers[0]!).getByRole('button', { name: 'Tag with “Mobility”' });
    expect(accept).toHaveAccessibleDescription('Timetables of regional trains never match');
    await user.click(accept);
    expect(themeOf(board, trains)).toBe('Mobility');
    expect(themeOf(board, data)).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Note tagged with “Mobility”.');
    expect(screen.getAllByRole('listitem', { name: /^Note: / })).toHaveLength(1);
    expect(screen.getByText('1 note could be tagged', { selector: SUMMARY })).toBeInTheDocument();

    // Each tag is its own undo step.
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(themeOf(board, trains)).toBeNull();
  });

  it('works from the keyboard, and dismissing leaves the note untagged', async () => {
    const user = userEvent.setup();
    const { board, trains, data } = boardWithNotes();
    renderWorkshop(<ThemeSuggestions phase="painPoints" themes={THEMES} />, { board, me: FACILITATOR });

    await user.tab();
    expect(screen.getByRole('button', { name: 'Suggest themes for untagged notes' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Tag with “Mobility”' })).toHaveFocus();
    await user.tab();
    expect(screen.getAllByRole('button', { name: 'Dismiss' })[0]).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(themeOf(board, trains)).toBeNull();
    // Focus moves on to the offer that took the dismissed one's place, not to the page.
    expect(screen.getByRole('button', { name: 'Tag with “Data sharing and interoperable systems”' })).toHaveFocus();
    await user.keyboard(' ');
    expect(themeOf(board, data)).toBe('Data sharing and interoperable systems');
    // The last one accepted: the line says nothing is left and focus is back on Suggest.
    expect(screen.getByText('No untagged note clearly matches one of the themes.', { selector: SUMMARY })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Suggest themes for untagged notes' })).toHaveFocus();
  });

  it('keeps a tag someone chose meanwhile', async () => {
    const user = userEvent.setup();
    const { board, trains } = boardWithNotes();
    renderWorkshop(<ThemeSuggestions phase="painPoints" themes={THEMES} />, { board, me: FACILITATOR });
    await user.click(screen.getByRole('button', { name: 'Suggest themes for untagged notes' }));
    act(() => boardNotes(board).get(trains)!.set('theme', 'Data sharing and interoperable systems'));
    await user.click(screen.getByRole('button', { name: 'Tag with “Mobility”' }));
    expect(themeOf(board, trains)).toBe('Data sharing and interoperable systems');
    expect(screen.getByRole('status')).toHaveTextContent('That note was deleted or tagged meanwhile; nothing changed.');
  });

  it('says how to get suggestions when the workshop has no themes', () => {
    const { board } = boardWithNotes();
    renderWorkshop(<ThemeSuggestions phase="painPoints" themes={[]} />, { board, me: FACILITATOR });
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText('Add the workshop’s themes in the settings to get theme suggestions.')).toBeInTheDocument();
  });

  it('speaks Spanish and French', async () => {
    const user = userEvent.setup();
    const { board } = boardWithNotes();
    renderWorkshop(<ThemeSuggestions phase="painPoints" themes={THEMES} />, { board, me: FACILITATOR });
    act(() => setLanguage('fr'));
    await user.click(screen.getByRole('button', { name: 'Suggérer des thèmes pour les notes sans thème' }));
    expect(screen.getByText('2 notes pourraient recevoir un thème', { selector: SUMMARY })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Attribuer «\u00a0Mobility\u00a0»' })).toBeInTheDocument();
    act(() => setLanguage('es'));
    expect(screen.getByText('2 notas podrían llevar un tema', { selector: SUMMARY })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Asignar «Mobility»' })).toBeInTheDocument();
    act(() => setLanguage('en'));
  });
});

describe.each([
  ['es', themeSuggestionsEs],
  ['fr', themeSuggestionsFr],
])('theme suggestion messages in %s', (_lang, messages) => {
  it('has every English string, with the same placeholders, translated', () => {
    const { ref, mine } = expectSameKeysAndPlaceholders(themeSuggestionsEn, messages);
    for (const [k, v] of ref) expect(mine.get(k), k).not.toBe(v);
  });
});
