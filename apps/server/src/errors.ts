/**
 * The one registry of what the server answers when it refuses something: HTTP error codes
 * with their status, and WebSocket close codes with their reason (docs/API.md).
 */

export const HTTP_ERRORS = {
  INVALID_BODY: { status: 400, message: 'The request body is not valid.' },
  INVALID_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  INVALID_TIME_ZONE: { status: 400, message: 'That time zone is not a known IANA zone, e.g. Europe/Paris.' },
  INVALID_SESSION: { status: 400, message: 'A session must end after it starts, with times like 2025-06-12T15:30.' },
  MISSING_TOKEN: { status: 401, message: 'Sign in: this call needs an Authorization: Bearer token.' },
  INVALID_TOKEN: { status: 401, message: 'The token is not valid for this server.' },
  PERSON_REMOVED: { status: 403, message: 'You were removed from this workshop.' },
  FORBIDDEN: { status: 403, message: 'Your role may not do this.' },
  WRONG_WORKSHOP: { status: 403, message: 'This token belongs to another workshop.' },
  JOIN_CODE_INVALID: { status: 403, message: 'This join link is no longer valid; ask the facilitator for the new one.' },
  JOINING_CLOSED: { status: 403, message: 'This workshop is not taking new participants; ask the facilitator to reopen joining.' },
  WORKSHOP_NOT_FOUND: { status: 404, message: 'There is no workshop with this id.' },
  PERSON_NOT_FOUND: { status: 404, message: 'There is no such person in this workshop.' },
  NOT_FOUND: { status: 404, message: 'Nothing here.' },
  VERSION_NOT_FOUND: { status: 404, message: 'There is no such version of the board.' },
  DRAFT_NOT_FOUND: { status: 404, message: 'There is no such draft.' },
  UNKNOWN_ITEM: { status: 404, message: 'There is nothing with this id to vote on in this phase.' },
  VOTING_CLOSED: { status: 409, message: 'Voting is closed.' },
  NO_VOTES_LEFT: { status: 409, message: 'You have used all your votes; withdraw one to vote elsewhere.' },
  ITEM_LIMIT: { status: 409, message: 'You have put as many votes on this item as allowed.' },
  NO_VOTE_TO_WITHDRAW: { status: 409, message: 'You have no vote on this item to take back.' },
  CREATOR_NOT_REMOVABLE: { status: 409, message: "The workshop's creator cannot be removed by others; only they can leave it." },
  LAST_FACILITATOR: {
    status: 409,
    message: 'The last facilitator cannot be removed: invite another facilitator first, or nobody could run the workshop.',
  },
  SERIES_NOT_FOUND: { status: 404, message: 'There is no series with this id.' },
  RECOMMENDATION_NOT_FOUND: { status: 404, message: 'There is no such recommendation in this series.' },
  WORKSHOP_IN_SERIES: { status: 409, message: 'This workshop is already in a series; a workshop belongs to one series at most.' },
  LAST_SERIES_WORKSHOP: { status: 409, message: 'A series keeps at least one workshop: its staff are the ones who manage it.' },
  FOLLOWUP_LINK_NOT_FOUND: { status: 404, message: 'This follow-up link is not known; check it was copied whole.' },
  FOLLOWUP_LINK_REVOKED: { status: 410, message: 'This follow-up link was revoked; ask the organisers for a new one.' },
  STEP_NOT_FOUND: { status: 404, message: 'There is no such action step among yours.' },
  OWNER_NOT_FOUND: { status: 404, message: 'There is no such step owner in this workshop.' },
  FEEDBACK_NOT_OPEN: { status: 409, message: 'The feedback survey is not open; the facilitator opens it at the end of a session.' },
  FEEDBACK_ALREADY_ANSWERED: { status: 409, message: 'You have already answered the feedback survey; each person answers once.' },
  GROUP_NOT_FOUND: { status: 404, message: 'There is no such breakout group running in this workshop.' },
  GROUP_FULL: { status: 409, message: 'That group has as many members as allowed; choose another.' },
  NO_BREAKOUT: { status: 409, message: 'No breakout is running: split the room into groups first.' },
  CHECKIN_ENDED: { status: 409, message: 'This check-in round has ended; the wall stays to read, but answers are closed.' },
  TOO_MANY_CONNECTIONS: { status: 429, message: 'Too many open connections from this address; close some tabs and retry.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; try again in a minute.' },
  METRICS_FORBIDDEN: { status: 403, message: 'Metrics are served to this machine only; the operator can set CROSSBOARD_METRICS_TOKEN.' },
  INVALID_URL: { status: 400, message: 'The URL is not valid.' },
  URL_TOO_LONG: { status: 414, message: 'A part of the URL is too long.' },
  INVALID_REQUEST: { status: 400, message: 'The request is not valid HTTP.' },
  HEADERS_TOO_LARGE: { status: 431, message: 'The request headers are too large.' },
  REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive; send it again.' },
  BODY_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  DOCUMENT_TOO_LARGE: { status: 413, message: 'This change would make a workshop document larger than the server allows.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the body as application/json.' },
  ROOM_UNAVAILABLE: { status: 503, message: 'The workshop documents could not be loaded; try again shortly.' },
  STORAGE_UNAVAILABLE: { status: 503, message: 'Storage is not available.' },
  ROOMS_SATURATED: { status: 503, message: 'Every room slot is held by a connected client; new rooms are refused.' },
  INTERNAL: { status: 500, message: 'Something went wrong on the server.' },
} as const satisfies Record<string, { status: number; message: string }>;
export type HttpErrorCode = keyof typeof HTTP_ERRORS;

export class HttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: HttpErrorCode,
    message: string = HTTP_ERRORS[code].message,
  ) {
    super(message);
    this.status = HTTP_ERRORS[code].status;
  }
}

export function errorBody(code: HttpErrorCode, message: string = HTTP_ERRORS[code].message) {
  return { error: { code, message } };
}

/** WebSocket close codes: in the model, where the web reads the same table to explain a refusal. */
export { CLOSE, type CloseKind } from '@crossboard/model';
