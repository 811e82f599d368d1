/**
 * Errors as values with stable codes. The server answers with `{ error: { code, message } }`;
 * the client turns the code into a readable, translatable message.
 */

/** Every stable error code with its HTTP status. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  INVALID_BODY: 400,
  PAYLOAD_TOO_LARGE: 413,
  MALFORMED_URL: 400,
  MALFORMED_REQUEST: 400,
  HEADERS_TOO_LARGE: 431,
  REQUEST_TIMEOUT: 408,
  EXPECTATION_FAILED: 417,
  METHOD_NOT_ALLOWED: 405,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  LINK_INVALID: 400,
  LINK_USED: 410,
  LINK_EXPIRED: 410,
  LINK_REVOKED: 410,
  FORBIDDEN: 403,
  NOT_PARTICIPANT: 403,
  NOT_FACILITATOR: 403,
  NOT_ADMIN: 403,
  ORIGIN_REFUSED: 403,
  UNSUPPORTED_MEDIA_TYPE: 415,
  NOT_YOUR_DELEGATION: 403,
  UNKNOWN_DELEGATION: 400,
  OBSERVERS_READ_ONLY: 403,
  NOT_YOUR_PROPOSAL: 403,
  OWN_PROPOSAL: 409,
  PARAGRAPH_NOT_FOUND: 404,
  PARAGRAPH_CLOSED: 409,
  PARAGRAPH_AGREED: 409,
  PROPOSAL_NOT_FOUND: 404,
  PROPOSAL_CLOSED: 409,
  PROPOSAL_OUTDATED: 409,
  PROPOSAL_DUPLICATE: 409,
  NOT_APPLICABLE: 409,
  BASE_CHANGED: 409,
  NO_CHANGE: 400,
  NO_OPEN_READING: 409,
  READING_OPEN: 409,
  READING_CLOSED: 409,
  NO_REVISION: 409,
  REVISION_UNCHANGED: 409,
  PROPOSALS_UNDECIDED: 409,
  REVISION_ALREADY_READ: 409,
  PROPOSAL_DEADLINE_PASSED: 409,
  INVALID_DEADLINE: 400,
  SNAPSHOT_IMMUTABLE: 405,
  DRAFT_CIRCULATED: 409,
  IMPORT_FILE_TOO_LARGE: 413,
  IMPORT_UNPACKED_TOO_LARGE: 413,
  IMPORT_TOO_MANY_PARAGRAPHS: 413,
  IMPORT_TOO_COMPLEX: 422,
  IMPORT_TIMEOUT: 422,
  IMPORT_BUSY: 503,
  IMPORT_DOCTYPE_REFUSED: 400,
  IMPORT_TOO_MANY_ITEMS: 413,
  IMPORT_NOT_XML: 400,
  IMPORT_NOT_AKN: 400,
  INVALID_DATE: 400,
  INVALID_TIME_ZONE: 400,
  ROADMAP_ENTRY_NOT_FOUND: 404,
  ROADMAP_LINK_NOT_FOUND: 400,
  INPUT_DEADLINE_PASSED: 409,
  INPUT_EMPTY: 400,
  INPUT_TOO_LONG: 413,
  INPUT_EXISTS: 409,
  INPUT_NOT_FOUND: 404,
  NOT_YOUR_INPUT: 403,
  QUESTION_NOT_FOUND: 404,
  INVALID_TEXT: 400,
  INVISIBLE_TEXT: 400,
  MALFORMED_MESSAGE: 400,
  READ_ONLY: 403,
  PRESENCE_TOO_LARGE: 413,
  PRESENCE_TOO_MANY_CLIENTS: 429,
  RATE_LIMITED: 429,
  TOO_MANY_CONNECTIONS: 429,
  INTERNAL: 500,
} as const;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** The JSON shape of an error on the wire. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

/** An error with a stable code, thrown by domain code and turned into a response by adapters. */
export class AppError extends Error {
  readonly code: ErrorCode;
  /** Facts the UI may show, such as a deadline to render in the reader's time zone. */
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  /** HTTP status for this error. */
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  /** Wire form. */
  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) },
    };
  }
}
