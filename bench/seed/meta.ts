/**
 * What the seeding step tells the rest of the benchmark about the large negotiation it wrote:
 * the seats that connect (with their single-use sign-in tokens), the paragraphs and the open
 * proposals the load may table amendments to or support. Written as JSON next to the database.
 */
import type { Role } from '../../server/storage/records.js';

/** One connected participant of the load: a person with a sign-in link. */
export interface Seat {
  index: number;
  personId: string;
  name: string;
  role: Role;
  delegation: string | null;
  /** Single-use sign-in token, redeemed once over HTTP for the session cookie. */
  token: string;
}

/** A paragraph as the load sees it. */
export interface SeedParagraph {
  pid: string;
  /** Plain text at the end of seeding (the base text of amendments). */
  text: string;
  /** False for paragraphs agreed ad ref. or deleted: they take no proposals. */
  open: boolean;
}

/** A proposal of the open reading that delegations may support. */
export interface SeedProposal {
  id: string;
  pid: string;
  delegation: string;
  tabledBy: string | null;
  supporters: string[];
}

/** Everything the seeding step wrote. */
export interface SeedMeta {
  negotiationId: string;
  seats: Seat[];
  /** The paragraph the co-facilitator types into during the load. */
  typingPid: string;
  paragraphs: SeedParagraph[];
  openProposals: SeedProposal[];
  /** Snapshot ids of the closed readings, oldest first. */
  readingSnapshots: string[];
  counts: {
    paragraphs: number;
    proposals: number;
    supports: number;
    applied: number;
    delegations: number;
    closedReadings: number;
    people: number;
  };
  /** Wall-clock seconds the seeding took. */
  seedSeconds: number;
}

/** The signing key of a benchmark database, beside it in the run's directory (seeding and the server share it). */
export function benchKeyFile(dbFile: string): string {
  return `${dbFile}.signing-key.pem`;
}
