/** Limits shared by client and server. The server enforces them; the client explains them. */

/** Largest WebSocket message the server accepts; a larger one closes the socket with 1009 and a reason. */
export const MAX_WS_MESSAGE_BYTES = 1024 * 1024;
/** Characters of plain text in one note. */
export const MAX_NOTE_TEXT_LENGTH = 2_000;
/** Notes one person may have on one phase's board. */
export const MAX_NOTES_PER_PERSON_PER_PHASE = 200;
/** Characters in a cluster or recommendation title. */
export const MAX_TITLE_LENGTH = 200;
/** Board coordinates are kept within this square so a note cannot be lost far away. */
export const BOARD_EXTENT = 100_000;
/** Longest a phase timer may run; extending past it clamps, so a typo cannot mean days. */
export const MAX_TIMER_DURATION_MS = 12 * 60 * 60 * 1000;
/** Dots one person may be given in one round of voting. */
export const MAX_VOTES_PER_PERSON = 50;
/** Characters in a note's theme (one of the workshop's themes, each at most this long). */
export const MAX_NOTE_THEME_LENGTH = 100;
/**
 * Characters of a note's rich text as markup (tags, marks and attributes included): room for
 * lists and emphasis on a full-length note, not for megabytes hidden in an attribute.
 */
export const MAX_NOTE_MARKUP_LENGTH = 4 * MAX_NOTE_TEXT_LENGTH;
/**
 * What one person's notes may hold in one room (board or drafts), by the estimate of
 * `entitySize`: far above a busy participant's notes, and far below the document limit.
 */
export const MAX_NOTE_BYTES_PER_PERSON_PER_ROOM = 512 * 1024;
/**
 * Clusters one person may create on one phase's board (facilitators are not counted): more
 * than a busy participant groups their notes into, and a stop to a client making thousands.
 */
export const MAX_CLUSTERS_PER_PERSON_PER_PHASE = 50;
/** Links from one recommendation to the board's notes and clusters, of each kind. */
export const MAX_LINKS_PER_RECOMMENDATION = 500;
/** Action steps of one recommendation. */
export const MAX_STEPS_PER_RECOMMENDATION = 100;
/** Characters of an action step's text, and of its owner's name. */
export const MAX_STEP_TEXT_LENGTH = 2_000;
export const MAX_STEP_OWNER_LENGTH = 200;
/** A recommendation's description: characters of text, and of markup (as for a note's body). */
export const MAX_RECOMMENDATION_TEXT_LENGTH = 10_000;
export const MAX_RECOMMENDATION_MARKUP_LENGTH = 4 * MAX_RECOMMENDATION_TEXT_LENGTH;
/**
 * One value of the control room's settings or state, as JSON: the largest (the published
 * tallies, who is ready) stay far below it on a workshop of a thousand people.
 */
export const MAX_CONTROL_VALUE_BYTES = 256 * 1024;
/** Characters of the control room's longest strings (the purpose); the title has MAX_TITLE_LENGTH. */
export const MAX_CONTROL_TEXT_LENGTH = 2_000;
