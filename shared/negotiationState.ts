/**
 * Where a negotiation stands, as the server publishes it in the read-only proposals document for
 * every participant: its stage, the reading under way, the latest circulated revision, every
 * reading, and a short list of notices (a reading opened or closed, a revision circulated, a
 * deadline moved). Clients derive their header and notifications from it, so they are right
 * without reloading. The server writes; `decode*` read what arrives, trusting nothing.
 */

/** Name of the map holding the state in the proposals document (keys of `NegotiationState`). */
export const NEGOTIATION_MAP = 'negotiation';
/** Name of the array of notices in the proposals document (JSON text of a `Notice` each, oldest first). */
export const NOTICES_ARRAY = 'notices';
/** How many notices the document keeps; older ones are dropped as new ones come. */
export const MAX_NOTICES = 30;

/** Stages of a negotiation: before any revision, during a reading, between a revision and its reading. */
export const STAGES = ['drafting', 'reading', 'revision'] as const;
/** A stage. */
export type Stage = (typeof STAGES)[number];

/** A reading as published. */
export interface LiveReading {
  id: string;
  /** 1 for the first reading, 2 for the second … */
  number: number;
  revisionId: string;
  /** "Zero draft", "Rev.1" … */
  revisionLabel: string;
  openedAt: string;
  /** ISO instant after which proposals are refused. */
  deadline: string;
  closedAt: string | null;
}

/** A circulated revision as published. */
export interface LiveRevision {
  id: string;
  label: string;
  takenAt: string;
}

/** Where the negotiation stands. */
export interface NegotiationState {
  stage: Stage;
  /** The reading under way, if any. */
  openReading: LiveReading | null;
  /** The latest circulated revision, if any. */
  latestRevision: LiveRevision | null;
  /** True when a reading was already held on the latest revision (the next step is a new revision). */
  latestRevisionRead: boolean;
  /** Every reading, oldest first. */
  readings: LiveReading[];
}

/**
 * What the co-facilitators did that everyone is told about; `by` is the person who did it (from
 * their session, absent in notices written before it was recorded).
 */
export type Notice = { id: string; at: string; by?: string } & (
  | {
      kind: 'reading-opened';
      readingNumber: number;
      revisionLabel: string;
      deadline: string;
      carried: number;
    }
  | {
      kind: 'reading-closed';
      readingNumber: number;
      incorporated: number;
      setAside: number;
      carried: number;
    }
  | { kind: 'revision-circulated'; revisionLabel: string }
  | { kind: 'deadline-extended'; readingNumber: number; deadline: string }
);

/** The kinds of notice. */
export type NoticeKind = Notice['kind'];

/** What a notice says, before the server gives it an id, a time and who did it. */
export type NoticeContent = Notice extends infer N
  ? N extends unknown
    ? Omit<N, 'id' | 'at' | 'by'>
    : never
  : never;

/** The state of a negotiation with these readings (oldest first) and revisions (oldest first). */
export function negotiationState(
  readings: readonly LiveReading[],
  revisions: readonly LiveRevision[],
): NegotiationState {
  const openReading = readings.find((r) => r.closedAt === null) ?? null;
  const latestRevision = revisions.at(-1) ?? null;
  return {
    stage: openReading ? 'reading' : latestRevision ? 'revision' : 'drafting',
    openReading,
    latestRevision,
    latestRevisionRead: latestRevision !== null && readings.some((r) => r.revisionId === latestRevision.id),
    readings: [...readings],
  };
}

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isInstant = (v: unknown): v is string => isString(v) && !Number.isNaN(Date.parse(v));

function decodeReading(v: unknown): LiveReading | undefined {
  if (!isObject(v)) return undefined;
  const { id, number, revisionId, revisionLabel, openedAt, deadline, closedAt } = v;
  if (![id, revisionId, revisionLabel].every(isString) || !isCount(number)) return undefined;
  if (!isInstant(openedAt) || !isInstant(deadline) || !(closedAt === null || isInstant(closedAt)))
    return undefined;
  return {
    id: id as string,
    number,
    revisionId: revisionId as string,
    revisionLabel: revisionLabel as string,
    openedAt,
    deadline,
    closedAt,
  };
}

function decodeRevision(v: unknown): LiveRevision | undefined {
  if (!isObject(v)) return undefined;
  const { id, label, takenAt } = v;
  if (!isString(id) || !isString(label) || !isInstant(takenAt)) return undefined;
  return { id, label, takenAt };
}

/**
 * The state held by the map's entries (`get` reads one key), or undefined when the map holds none
 * or something malformed.
 */
export function decodeNegotiationState(get: (key: string) => unknown): NegotiationState | undefined {
  const stage = get('stage');
  if (!(STAGES as readonly unknown[]).includes(stage)) return undefined;
  const open = get('openReading');
  const latest = get('latestRevision');
  const list = get('readings');
  const read = get('latestRevisionRead');
  const openReading = open === null ? null : decodeReading(open);
  const latestRevision = latest === null ? null : decodeRevision(latest);
  if (
    openReading === undefined ||
    latestRevision === undefined ||
    !Array.isArray(list) ||
    typeof read !== 'boolean'
  )
    return undefined;
  const readings = list.map(decodeReading);
  if (readings.some((r) => r === undefined)) return undefined;
  return {
    stage: stage as Stage,
    openReading,
    latestRevision,
    latestRevisionRead: read,
    readings: readings as LiveReading[],
  };
}

/** The text the notices array holds for a notice. */
export function encodeNotice(notice: Notice): string {
  return JSON.stringify(notice);
}

/** The notice a text encodes, or undefined for anything else. */
export function decodeNotice(value: unknown): Notice | undefined {
  if (!isString(value)) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (!isObject(v) || !isString(v.id) || !isInstant(v.at)) return undefined;
  const base = { id: v.id, at: v.at, ...(isString(v.by) ? { by: v.by } : {}) };
  switch (v.kind) {
    case 'reading-opened':
      return isCount(v.readingNumber) &&
        isString(v.revisionLabel) &&
        isInstant(v.deadline) &&
        isCount(v.carried)
        ? {
            ...base,
            kind: v.kind,
            readingNumber: v.readingNumber,
            revisionLabel: v.revisionLabel,
            deadline: v.deadline,
            carried: v.carried,
          }
        : undefined;
    case 'reading-closed':
      return isCount(v.readingNumber) && isCount(v.incorporated) && isCount(v.setAside) && isCount(v.carried)
        ? {
            ...base,
            kind: v.kind,
            readingNumber: v.readingNumber,
            incorporated: v.incorporated,
            setAside: v.setAside,
            carried: v.carried,
          }
        : undefined;
    case 'revision-circulated':
      return isString(v.revisionLabel)
        ? { ...base, kind: v.kind, revisionLabel: v.revisionLabel }
        : undefined;
    case 'deadline-extended':
      return isCount(v.readingNumber) && isInstant(v.deadline)
        ? { ...base, kind: v.kind, readingNumber: v.readingNumber, deadline: v.deadline }
        : undefined;
    default:
      return undefined;
  }
}
