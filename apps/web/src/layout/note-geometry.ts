/**
 * A note's and a cluster frame's size on the board, in one place: the board draws with it, the
 * outline and placement plan with it, and cluster frames are measured with it. The fixed sizes
 * are the model's (placement and tidy-up on every client must agree); the height of a long note
 * is estimated here from its text.
 */
import {
  FRAME_PADDING,
  FRAME_TITLE_BAND,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  noteContent,
  plainText,
  type NoteMap,
  type Point,
} from '@crossboard/model';

export { FRAME_PADDING, FRAME_TITLE_BAND, NOTE_HEIGHT, NOTE_WIDTH };

/** The middle of a note at (x, y), at its minimum height. */
export const noteCentre = (p: Point): Point => ({ x: p.x + NOTE_WIDTH / 2, y: p.y + NOTE_HEIGHT / 2 });

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
