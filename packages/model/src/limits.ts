/** Limits shared by client and server. The server enforces them; the client explains them. */

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
