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
