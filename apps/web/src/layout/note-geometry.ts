import { NOTE_HEIGHT, noteContent, plainText, type NoteMap } from '@crossboard/model';

/**
 * A note's height on screen, estimated from its text: a card is 200 px wide with its text at
 * 0.95rem, so about twenty characters make a line of 22 px, under padding and two lines of
 * author and organisation. The estimate errs tall, so frames and cluster blocks planned with
 * it hold the card; the CSS minimum (150 px) is the floor.
 */
const CHARS_PER_LINE = 20;
const LINE_HEIGHT = 22;
const CHROME = 84;

export function estimateNoteHeight(text: string): number {
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / CHARS_PER_LINE)), 0);
  return Math.max(NOTE_HEIGHT, CHROME + lines * LINE_HEIGHT);
}

export function noteHeightOf(note: NoteMap): number {
  return estimateNoteHeight(plainText(noteContent(note)));
}
