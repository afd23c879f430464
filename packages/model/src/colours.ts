/** Sticky-note colours; each has a readable text colour at WCAG AA contrast. */
export const NOTE_COLOURS = ['yellow', 'pink', 'blue', 'green', 'orange', 'purple'] as const;
export type NoteColour = (typeof NOTE_COLOURS)[number];

export function isNoteColour(value: unknown): value is NoteColour {
  return typeof value === 'string' && (NOTE_COLOURS as readonly string[]).includes(value);
}

/** Presence colours, dark enough for white text and for a 2px caret on a light note (WCAG AA). */
const PRESENCE_COLOURS = ['#b3261e', '#1b6b3a', '#1a56a8', '#7a3ea8', '#9a4a00', '#0f6e78', '#a3245f', '#4b5563'];

/** The same person gets the same colour on every screen; the server stamps it into presence. */
export function colourFor(personId: string): string {
  let h = 0;
  for (let i = 0; i < personId.length; i++) h = (h * 31 + personId.charCodeAt(i)) >>> 0;
  return PRESENCE_COLOURS[h % PRESENCE_COLOURS.length]!;
}
