/**
 * How the live proposals document holds a proposal's view: one JSON array per proposal, its
 * fields in a fixed order, delegations as codes. Every participant downloads every view when
 * the page loads and the server keeps them all in memory, so the record is as small as it can
 * be while staying JSON: no field names, no display names (a code's name comes from
 * `shared/delegations.ts`), nothing that can be derived (`byFacilitators`).
 */
import {
  type AnchoredChange,
  delegationRef,
  FACILITATORS,
  PROPOSAL_KINDS,
  PROPOSAL_STATUSES,
  type ProposalKind,
  type ProposalStatus,
  type ProposalView,
} from './proposals.js';

/** First element of every record; a record in another format is not read. */
const FORMAT = 1;

/** One change of an amendment: `from`, `to`, `deleted`, `inserted` of an `AnchoredChange`. */
type ChangeRecord = [from: string, to: string, deleted: string, inserted: string];

/** A view as the proposals document holds it (JSON text of this array). */
type LiveViewRecord = [
  format: typeof FORMAT,
  id: string,
  pid: string,
  kind: ProposalKind,
  delegation: string,
  tabledBy: string | null,
  personName: string,
  createdAt: string,
  updatedAt: string,
  readingId: string | null,
  status: ProposalStatus,
  outdated: 0 | 1,
  version: number,
  supporters: string[],
  changes: ChangeRecord[],
  text: string,
  reservation: 0 | 1,
  appliedAt: string | null,
  carriedFrom: string | null,
];

/** Elements in a record (checked against `LiveViewRecord` by the compiler). */
const RECORD_LENGTH: LiveViewRecord['length'] = 19;
/** Elements in a record written before proposals could be carried forward (no `carriedFrom`). */
const RECORD_LENGTH_BEFORE_CARRY = 18;

/** The text the proposals document holds for a view. */
export function encodeLiveView(view: ProposalView): string {
  const record: LiveViewRecord = [
    FORMAT,
    view.id,
    view.pid,
    view.kind,
    view.delegation.code,
    view.tabledBy?.code ?? null,
    view.personName,
    view.createdAt,
    view.updatedAt,
    view.readingId,
    view.status,
    view.outdated ? 1 : 0,
    view.version,
    view.supporters.map((s) => s.code),
    view.changes.map((c) => [c.from, c.to, c.deleted, c.inserted]),
    view.text,
    view.reservation ? 1 : 0,
    view.appliedAt,
    view.carriedFrom ?? null,
  ];
  return JSON.stringify(record);
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isChange = (v: unknown): v is ChangeRecord => Array.isArray(v) && v.length === 4 && v.every(isString);

/** The view a record encodes, or undefined for anything that is not such a record. */
export function decodeLiveView(value: unknown): ProposalView | undefined {
  if (typeof value !== 'string') return undefined;
  let r: unknown;
  try {
    r = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (!Array.isArray(r) || r[0] !== FORMAT) return undefined;
  if (r.length !== RECORD_LENGTH && r.length !== RECORD_LENGTH_BEFORE_CARRY) return undefined;
  const [
    ,
    id,
    pid,
    kind,
    delegation,
    tabledBy,
    personName,
    createdAt,
    updatedAt,
    readingId,
    status,
    outdated,
    version,
    supporters,
    changes,
    text,
    reservation,
    appliedAt,
    carriedFrom = null,
  ] = r;
  const valid =
    [id, pid, delegation, personName, createdAt, updatedAt, text].every(isString) &&
    [tabledBy, readingId, appliedAt, carriedFrom].every(isStringOrNull) &&
    (PROPOSAL_KINDS as readonly unknown[]).includes(kind) &&
    (PROPOSAL_STATUSES as readonly unknown[]).includes(status) &&
    Number.isInteger(version) &&
    Array.isArray(supporters) &&
    supporters.every(isString) &&
    Array.isArray(changes) &&
    changes.every(isChange);
  if (!valid) return undefined;
  return {
    id,
    pid,
    kind,
    delegation: delegationRef(delegation),
    tabledBy: tabledBy === null ? null : delegationRef(tabledBy),
    personName,
    createdAt,
    updatedAt,
    readingId,
    status,
    outdated: outdated === 1,
    version,
    supporters: (supporters as string[]).map(delegationRef),
    changes: (changes as ChangeRecord[]).map(
      ([from, to, deleted, inserted]): AnchoredChange => ({ from, to, deleted, inserted }),
    ),
    text,
    reservation: reservation === 1,
    byFacilitators: delegation === FACILITATORS,
    appliedAt,
    ...(typeof carriedFrom === 'string' ? { carriedFrom } : {}),
  };
}
