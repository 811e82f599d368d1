/**
 * Every piece of text the user reads, in English. Components take their words from here and
 * never hard-code them, so that a translation is one new file of the same shape.
 * Parameterised texts are functions.
 */
import type { ErrorCode } from '../../shared/errors.js';
import { CloseCode } from '../../shared/protocol.js';
import { accessMessages } from './access.js';
import { accountMessages } from './accounts.js';
import { amendmentMessages } from './amendments.js';
import { myProposalMessages } from './myProposals.js';
import { notificationMessages } from './notifications.js';
import { proposalMessages } from './proposals.js';
import { readingMessages } from './readings.js';
import { recordMessages } from './records.js';
import { roadmapMessages } from './roadmap.js';
import { workspaceMessages } from './workspace.js';

/** Name of a close code in `CloseCode`. */
type CloseCodeName = keyof typeof CloseCode;

const errorByCode: Record<ErrorCode, string> = {
  BAD_REQUEST: 'The server could not understand the request.',
  INVALID_BODY: 'The server refused the data that was sent.',
  PAYLOAD_TOO_LARGE: 'That change is too large to send at once.',
  MALFORMED_URL: 'This address is malformed. Check the link you followed.',
  MALFORMED_REQUEST: 'The server could not understand the request.',
  HEADERS_TOO_LARGE: 'The request was too large for the server. Clear this site’s cookies and sign in again.',
  REQUEST_TIMEOUT: 'The request took too long to reach the server. Check the connection and try again.',
  EXPECTATION_FAILED: 'The server could not understand the request.',
  METHOD_NOT_ALLOWED: 'The server could not understand the request.',
  NOT_FOUND: 'What this page asks for does not exist or is no longer available. Check the link you followed.',
  UNAUTHENTICATED: 'Please sign in again.',
  SESSION_EXPIRED: 'Your session has expired. Please sign in again.',
  LINK_INVALID: 'This sign-in link is not valid.',
  LINK_USED: 'This sign-in link has already been used. Ask for a new one.',
  LINK_EXPIRED: 'This sign-in link has expired. Ask for a new one.',
  LINK_REVOKED: 'This sign-in link was withdrawn. Ask for a new one.',
  FORBIDDEN: 'You are not allowed to do that.',
  NOT_PARTICIPANT: 'You are not a participant in this negotiation.',
  NOT_FACILITATOR: 'Only the co-facilitators can do that.',
  NOT_ADMIN: 'Only an administrator can do that.',
  ORIGIN_REFUSED: 'The server refused a connection from this address.',
  UNSUPPORTED_MEDIA_TYPE: 'The server refused the data in the form it was sent. Reload the page.',
  NOT_YOUR_DELEGATION: 'You can only act for your own delegation.',
  UNKNOWN_DELEGATION: 'That delegation is not known.',
  OBSERVERS_READ_ONLY: 'Observers follow the negotiation but cannot table or support proposals.',
  NOT_YOUR_PROPOSAL: 'Only the delegation that tabled this proposal can change it.',
  OWN_PROPOSAL: 'Your delegation tabled this proposal.',
  PARAGRAPH_NOT_FOUND: 'This paragraph is no longer in the text.',
  PARAGRAPH_CLOSED: 'This paragraph is agreed or deleted and takes no new proposals.',
  PARAGRAPH_AGREED:
    'This paragraph is agreed ad referendum: its text cannot change until a co-facilitator reopens it.',
  PROPOSAL_NOT_FOUND: 'This proposal no longer exists.',
  PROPOSAL_CLOSED: 'This proposal is no longer open.',
  PROPOSAL_OUTDATED: 'The words this amendment targets have changed since it was tabled.',
  PROPOSAL_DUPLICATE:
    'The same proposal was already tabled under this name on this paragraph: it is in the list. Nothing new was tabled.',
  NOT_APPLICABLE: 'This proposal cannot be applied to the text.',
  BASE_CHANGED: 'The paragraph changed while you were editing. Review the new text and submit again.',
  NO_CHANGE: 'The proposed text is the same as the paragraph.',
  NO_OPEN_READING: 'No reading is open: proposals can be tabled only during a reading.',
  READING_OPEN: 'A reading is open. Close it first.',
  READING_CLOSED: 'This reading is closed; its record cannot change.',
  NO_REVISION: 'Circulate a revision (the zero draft) before opening a reading.',
  REVISION_UNCHANGED: 'The text has not changed since the last revision was circulated.',
  PROPOSALS_UNDECIDED:
    'Some proposals of this reading are still open: decide on each (incorporate, set aside or carry forward) before closing it.',
  REVISION_ALREADY_READ:
    'A reading was already held on the latest revision. Circulate the next revision before opening another reading.',
  PROPOSAL_DEADLINE_PASSED: 'The deadline for proposals in this reading has passed.',
  INVALID_DEADLINE: 'The deadline must be in the future.',
  SNAPSHOT_IMMUTABLE: 'A circulated revision or closed reading is a record and cannot be changed.',
  DRAFT_CIRCULATED: 'The draft has already been circulated; it can no longer be replaced by an import.',
  IMPORT_FILE_TOO_LARGE:
    'This file is too large to import (at most 10 MB). Remove images, or paste the text instead.',
  IMPORT_UNPACKED_TOO_LARGE: 'This document is too large to import. Paste its text instead.',
  IMPORT_TOO_MANY_PARAGRAPHS: 'This document has too many paragraphs to import (at most 5,000).',
  IMPORT_TOO_COMPLEX:
    'This document has too much formatting to import. Save it with less formatting, or paste its text instead.',
  IMPORT_TIMEOUT: 'Reading this document took too long. Paste its text instead.',
  IMPORT_BUSY: 'Other documents are being imported right now. Try again in a moment.',
  IMPORT_DOCTYPE_REFUSED:
    'This file declares a document type (DOCTYPE), which is not accepted, so it was not read. Save or export it again without one.',
  IMPORT_TOO_MANY_ITEMS: 'Too many proposals to table at once. Table fewer, then import the rest.',
  IMPORT_NOT_XML:
    'This file is not well-formed XML in UTF-8, so it cannot be read as an Akoma Ntoso document.',
  IMPORT_NOT_AKN:
    'This XML file is not an Akoma Ntoso 3.0 document (its root must be akomaNtoso in the AKN 3.0 namespace).',
  INVALID_DATE: 'A date or time is not valid.',
  INVALID_TIME_ZONE: 'That time zone is not known. Use a name such as America/New_York or Europe/Zurich.',
  ROADMAP_ENTRY_NOT_FOUND: 'This roadmap entry no longer exists.',
  ROADMAP_LINK_NOT_FOUND: 'The revision, reading or deadline this entry points to does not exist.',
  INPUT_DEADLINE_PASSED: 'The deadline for written inputs in this reading has passed.',
  INPUT_EMPTY: 'Write something before submitting.',
  INPUT_TOO_LONG: 'This input is too long. Shorten it or split it by paragraph.',
  INVALID_TEXT:
    'The text contains a character that cannot be kept in the record (a control character, a non-character or a broken one). Remove it and try again.',
  INVISIBLE_TEXT: 'Nothing visible would change: the text only adds or removes invisible characters.',
  INPUT_EXISTS: 'Your delegation has already submitted this input. Edit it instead.',
  INPUT_NOT_FOUND: 'This written input no longer exists.',
  NOT_YOUR_INPUT: 'Only the delegation that submitted this input can change it.',
  QUESTION_NOT_FOUND: 'This guiding question does not exist or is not open for answers.',
  MALFORMED_MESSAGE: 'The server could not read a message from this browser. Reload the page.',
  READ_ONLY: 'You can read this text but not change it.',
  PRESENCE_TOO_LARGE: 'Your cursor could not be shown to the others. Reload the page.',
  PRESENCE_TOO_MANY_CLIENTS: 'This page shows too many cursors at once. Reload the page.',
  RATE_LIMITED: 'Too many changes at once. Please wait a moment.',
  TOO_MANY_CONNECTIONS:
    'Too many tabs of this app are open in this browser. Close some of them: this page connects as soon as it can.',
  INTERNAL: 'The server ran into a problem. Your changes are kept in this browser.',
};

const closeByName: Record<CloseCodeName, string> = {
  goingAway: 'The server is restarting. Reconnecting…',
  unsupportedData: 'The server refused a message from this browser. Reload the page.',
  messageTooBig: 'A change was too large to send.',
  internalError:
    'The server could not save or load the text. Your changes are kept in this browser. Reconnecting…',
  malformedMessage: 'The server could not read a message from this browser. Reload the page.',
  unauthenticated: 'Your session has ended. Please sign in again.',
  forbidden: 'You do not have access to this document.',
  sessionEnded: 'Your session was ended or has expired. Please sign in again.',
  slowConsumer: 'The connection was too slow. Reconnecting…',
  rateLimited: 'Too many changes at once. Reconnecting shortly…',
};

/** The English texts of the client. */
export const messages = {
  appName: 'Negotiated texts',
  documentTitle: (page: string): string => `${page} — Negotiated texts`,
  negotiation: {
    loading: 'Opening the negotiation…',
    allNegotiations: 'All negotiations',
    notFound: 'Page not found.',
    readOnlyNote: 'Only the co-facilitators edit the text; you can read it here.',
    adminNotTakingPart:
      'You administer this server but do not take part in this negotiation, so its text and records are not shown to you. You can invite its co-facilitators.',
    inviteFromHere: 'Invite people',
  },
  loading: 'Loading…',
  ...accountMessages,
  access: accessMessages,
  amendments: amendmentMessages,
  myProposals: myProposalMessages,
  proposals: proposalMessages,
  readings: readingMessages,
  records: recordMessages,
  roadmap: roadmapMessages,
  notifications: notificationMessages,
  workspace: workspaceMessages,
  connection: {
    label: 'Connection',
    connecting: 'Connecting…',
    connected: 'Connected',
    reconnecting: 'Reconnecting…',
    offline: 'Offline',
    closed: 'Disconnected',
    reloaded:
      'Your last change was not saved, and the text has been reloaded as the server holds it. The server said:',
    /** Why the server refuses the connection, below the readable message of its code. */
    refused: {
      signIn:
        'This page stopped trying to connect. Open your personal sign-in link again (or ask the co-facilitators for a new one), then try again.',
      noAccess: 'This page stopped trying to connect: retrying would not change the answer.',
      passing: 'Still trying, every few seconds.',
      retry: 'Try again',
    },
  },
  save: {
    saved: 'All changes saved',
    saving: 'Saving…',
    unsaved: 'Unsaved changes — will send on reconnect',
  },
  presence: {
    heading: 'Online',
    you: '(you)',
  },
  editor: {
    label: 'Draft text',
    loading: 'Loading the draft…',
    toolbarLabel: 'Paragraph and text format',
    section: 'Section heading',
    preambular: 'Preambular',
    operative: 'Operative',
    italic: 'Italic',
    bold: 'Bold',
    shortcut: (action: string, keys: string): string => `${action} (${keys})`,
    lock: {
      locked: (label: string): string =>
        `${label} is agreed ad referendum: its text is locked. Reopen it to change it.`,
      refused: (label: string): string =>
        `${label} is agreed ad referendum: that change was not made. Reopen the paragraph to change its text.`,
      reopen: (label: string): string => `Reopen ${label}`,
    },
  },
  errors: {
    dismiss: 'Dismiss',
    unknown: 'Something went wrong.',
    network: 'Could not reach the server. Check your connection and try again.',
    badResponse: 'The server sent an answer this page does not understand.',
    retry: 'Try again',
  },
};

function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorByCode, code);
}

/**
 * A readable message for an error code: a server `ErrorCode`, or the client's own `NETWORK` and
 * `BAD_RESPONSE`. Unknown codes fall back to `fallback`, else to a generic message.
 */
export function errorMessage(code: string, fallback?: string): string {
  if (isErrorCode(code)) return errorByCode[code];
  if (code === 'NETWORK') return messages.errors.network;
  if (code === 'BAD_RESPONSE') return messages.errors.badResponse;
  return fallback || messages.errors.unknown;
}

/** A readable message for a WebSocket close code from `CloseCode`. */
export function closeMessage(code: number): string {
  for (const [name, value] of Object.entries(CloseCode) as [CloseCodeName, number][]) {
    if (value === code) return closeByName[name];
  }
  return `${messages.errors.unknown} (${code})`;
}

/** The words for a negotiation's stage; a stage this client does not know shows as sent. */
export function stageLabel(stage: string): string {
  return Object.hasOwn(messages.stages, stage) ? messages.stages[stage]! : stage;
}

/** The words for an audited action; an action this client does not know shows as recorded. */
export function auditActionLabel(action: string): string {
  return Object.hasOwn(messages.audit.actions, action) ? messages.audit.actions[action]! : action;
}
