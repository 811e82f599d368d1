/**
 * Someone with the database file: opens the SQLite file directly (the server stopped), drops the
 * guarding triggers, rewrites rows, and recomputes every hash with the server's own formulas, as
 * an attacker who read the code would. Only the signing key, kept outside the file, is beyond
 * their reach (unless a test hands them one).
 */
import Database from 'better-sqlite3';
import { closureOf, GENESIS_HASH, snapshotHash, snapshotHashV2 } from '../../server/readings/hashChain.js';
import { nextAuditLink } from '../../server/records/auditChain.js';
import { type HeadBody, signHead } from '../../server/records/chainHead.js';
import type { SigningKey } from '../../server/records/signingKey.js';
import type { ReadingRecord, SnapshotRecord } from '../../server/storage/records.js';

const SNAPSHOT = `id, negotiation_id AS negotiationId, seq, kind, label, taken_at AS takenAt, taken_by AS takenBy,
  yjs_state AS yjsState, canonical, prev_hash AS prevHash, hash, hash_format AS hashFormat`;
const READING = `id, negotiation_id AS negotiationId, number, revision_id AS revisionId, opened_at AS openedAt,
  opened_by AS openedBy, deadline, closed_at AS closedAt, closed_by AS closedBy, snapshot_id AS snapshotId`;

/** The database file opened as an attacker would, with every trigger dropped. */
export function openAsAttacker(file: string): Database.Database {
  const db = new Database(file);
  const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as {
    name: string;
  }[];
  for (const { name } of triggers) db.exec(`DROP TRIGGER ${name}`);
  return db;
}

/** Snapshots of a negotiation in order. */
export function snapshotsOf(db: Database.Database, negotiationId: string): SnapshotRecord[] {
  return db
    .prepare(`SELECT ${SNAPSHOT} FROM snapshots WHERE negotiation_id = ? ORDER BY seq`)
    .all(negotiationId) as SnapshotRecord[];
}

/** Readings of a negotiation. */
export function readingsOf(db: Database.Database, negotiationId: string): ReadingRecord[] {
  return db
    .prepare(`SELECT ${READING} FROM readings WHERE negotiation_id = ?`)
    .all(negotiationId) as ReadingRecord[];
}

/** Recomputes every snapshot hash of a negotiation, in each snapshot's own format, so the chain holds again. */
export function rehashSnapshots(db: Database.Database, negotiationId: string): void {
  const closures = new Map(
    readingsOf(db, negotiationId).flatMap((r) => (r.snapshotId ? [[r.snapshotId, closureOf(r)]] : [])),
  );
  let prev = GENESIS_HASH;
  const set = db.prepare('UPDATE snapshots SET prev_hash = ?, hash = ? WHERE id = ?');
  for (const s of snapshotsOf(db, negotiationId)) {
    const row = { ...s, prevHash: prev, yjsState: new Uint8Array(s.yjsState) };
    const hash =
      s.hashFormat === 1
        ? snapshotHash(prev, s.canonical, row.yjsState)
        : snapshotHashV2(row, closures.get(s.id) ?? null);
    set.run(prev, hash, s.id);
    prev = hash;
  }
}

/** Gives the remaining audit entries of a negotiation consecutive positions and recomputes their chain. */
export function rechainAudit(db: Database.Database, negotiationId: string): void {
  const rows = db
    .prepare(
      `SELECT seq, at, negotiation_id AS negotiationId, person_id AS personId, person_name AS personName,
              delegation, action, detail FROM audit WHERE negotiation_id = ? ORDER BY seq`,
    )
    .all(negotiationId) as {
    seq: number;
    at: string;
    negotiationId: string | null;
    personId: string | null;
    personName: string | null;
    delegation: string | null;
    action: string;
    detail: string;
  }[];
  db.prepare('UPDATE audit SET position = -seq WHERE negotiation_id = ?').run(negotiationId);
  let last: { position: number; hash: string } | undefined;
  const set = db.prepare('UPDATE audit SET position = ?, prev_hash = ?, hash = ? WHERE seq = ?');
  for (const { seq, ...fields } of rows) {
    const link = nextAuditLink(last, fields);
    set.run(link.position, link.prevHash, link.hash, seq);
    last = link;
  }
}

/**
 * Signs the chains' heads as they now stand with `key`, keeping everything else the stored head
 * said (an attacker who replaced the server's key file as well).
 */
export function resignHeads(db: Database.Database, negotiationId: string, key: SigningKey): void {
  const last = snapshotsOf(db, negotiationId).at(-1);
  const audit = db
    .prepare('SELECT position, hash FROM audit WHERE negotiation_id = ? ORDER BY position DESC LIMIT 1')
    .get(negotiationId) as { position: number; hash: string } | undefined;
  const stored = db.prepare('SELECT body FROM chain_heads WHERE chain = ?').get(negotiationId) as {
    body: string;
  };
  const old = JSON.parse(stored.body) as HeadBody;
  const head = signHead(key, {
    chain: negotiationId,
    snapshots: { count: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH },
    audit: { count: audit?.position ?? 0, hash: audit?.hash ?? GENESIS_HASH },
    signedAt: old.signedAt,
    origin: old.origin,
    legacy: old.legacy,
  });
  db.prepare('UPDATE chain_heads SET body = ?, signature = ? WHERE chain = ?').run(
    head.body,
    head.signature,
    negotiationId,
  );
}
