/**
 * The storage contract. The server talks to this interface only; `sqlite.ts` is the embedded
 * implementation and `storage.contract.ts` the test suite every implementation must pass.
 */

/** A negotiation as stored. */
export interface NegotiationRecord {
  id: string;
  title: string;
  createdAt: string;
}

/** The stored form of a collaborative document: a compacted state plus the updates after it. */
export interface StoredDoc {
  /** Compacted Yjs state, or null when the document was never compacted. */
  state: Uint8Array | null;
  /** Updates appended after the compacted state, in commit order. */
  updates: Uint8Array[];
  /** Sequence number of the last update included above (0 when none). */
  lastSeq: number;
}

/** Persistence of negotiations and their collaborative documents. */
export interface Storage {
  /** All negotiations, oldest first. */
  listNegotiations(): Promise<NegotiationRecord[]>;
  /** One negotiation, or undefined. */
  getNegotiation(id: string): Promise<NegotiationRecord | undefined>;
  /** Creates a negotiation together with the initial state of its draft document. */
  createNegotiation(record: NegotiationRecord, draft: { docName: string; state: Uint8Array }): Promise<void>;
  /** Loads a document; an unknown document loads as empty. */
  loadDoc(docName: string): Promise<StoredDoc>;
  /**
   * Durably appends updates to a document, all or none, and resolves only once they are
   * committed. Returns the sequence number of the last one.
   */
  appendUpdates(docName: string, updates: readonly Uint8Array[]): Promise<number>;
  /** Replaces the compacted state and every update up to `uptoSeq` with `state`, atomically. */
  compact(docName: string, state: Uint8Array, uptoSeq: number): Promise<void>;
  /** Number of updates stored after the compacted state (for compaction policy and tests). */
  countUpdates(docName: string): Promise<number>;
  /** Flushes and releases the storage. */
  close(): Promise<void>;
}
