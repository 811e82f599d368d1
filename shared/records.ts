/**
 * Tamper evidence of a negotiation's records as the server reports it (GET …/verify) and as
 * exports print it: the chains of snapshots and audit entries, their signed head, and what
 * verification found. The hashing and signing are the server's (server/records/); these are
 * the shapes both sides read.
 */

/** How the signing of a chain began. */
export interface HeadOrigin {
  /**
   * `new`: signed from its first record on; `first-use`: records written before signing began
   * were signed as found when the database was first opened with signing; `resealed`: an
   * administrator signed the records as found (`npm run admin -- seal-records`).
   */
  kind: 'new' | 'first-use' | 'resealed';
  at: string;
}

/** Every reason verification gives for a problem. */
export const RECORD_PROBLEM_REASONS = [
  // a snapshot or an audit entry
  'content-altered',
  'chain-broken',
  'sequence-gap',
  'format-downgraded',
  'closure-missing',
  'unsigned-records',
  'signed-head-differs',
  // the signed head
  'unsigned',
  'signature-invalid',
  'other-key',
  'legacy-altered',
] as const;

/** Why a record does not hold. */
export type RecordProblemReason = (typeof RECORD_PROBLEM_REASONS)[number];

/** Which kind of record a problem is about. */
export type RecordKind = 'snapshot' | 'reading' | 'audit' | 'head';

/** One problem found: in a snapshot (`seq`), a reading (its number), an audit entry (its position) or the signed head. */
export interface RecordProblem {
  record: RecordKind;
  seq: number | null;
  snapshotId: string | null;
  reason: RecordProblemReason;
}

/** Whether the stored head is signed by the server's key. */
export type SignatureStatus = 'valid' | 'invalid' | 'other-key' | 'missing';

/**
 * The answer of GET /api/negotiations/:id/verify (`full`: every hash recomputed) and of
 * GET /api/negotiations/:id/records/heads (`heads`: the signed head against the chains' ends).
 */
export interface RecordsReport {
  ok: boolean;
  scope: 'full' | 'heads';
  /** Snapshots whose hashes were recomputed (0 for `heads`). */
  checked: number;
  /** Hash of the last snapshot: the head of the snapshots' chain. */
  head: string;
  problems: RecordProblem[];
  /** Every snapshot's place and hash, for a browser to compare with what it saw before. */
  snapshots: { seq: number; id: string; hash: string }[];
  /** The audit chain: its length, last hash, and the hash at the position asked for (`?auditAt=`). */
  audit: { count: number; head: string; at: { position: number; hash: string | null } | null };
  signature: {
    status: SignatureStatus;
    algorithm: 'Ed25519';
    /** The server's public key (base64url raw bytes) and its id. */
    publicKey: string;
    keyId: string;
    /** When the stored head was signed, and how its signing began. */
    signedAt: string | null;
    origin: HeadOrigin | null;
    /** Snapshots written before signing began, vouched for by the head's legacy digest. */
    legacySnapshots: number;
  };
}

/** The chain head printed on exports and the print page. */
export interface RecordStamp {
  /** Hash of the last snapshot, and how many there are. */
  head: string;
  records: number;
  /** True when the server's key signed exactly this head (and the audit chain's). */
  signed: boolean;
  keyId: string;
}

/** The short form of a hash people read and compare: its first 16 hex digits. */
export function shortHash(hash: string): string {
  return hash.slice(0, 16);
}
