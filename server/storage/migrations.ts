/**
 * Schema migrations of the SQLite database, applied in order and recorded in `user_version`.
 * A migration is SQL, or a function for data that SQL alone cannot compute (hashes).
 */
import type Database from 'better-sqlite3';
import { chainAuditRows } from './sqliteChains.js';

/**
 * Tamper evidence (server/records/): snapshot hashes name their format (1 before this migration,
 * 2 after: label, author, time and reading closure inside the hash); the audit log becomes a hash
 * chain per negotiation, the rows written before chained oldest first; the signed head of each
 * negotiation's chains gets its table.
 */
function signedChains(db: Database.Database): void {
  db.exec(`ALTER TABLE snapshots ADD COLUMN hash_format INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE audit ADD COLUMN position INTEGER;
    ALTER TABLE audit ADD COLUMN prev_hash TEXT;
    ALTER TABLE audit ADD COLUMN hash TEXT;
    CREATE TABLE chain_heads (
      chain TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      signature TEXT NOT NULL
    );`);
  chainAuditRows(db);
  db.exec(`CREATE UNIQUE INDEX audit_chain ON audit (COALESCE(negotiation_id, ''), position);`);
}

const MIGRATIONS: readonly (string | ((db: Database.Database) => void))[] = [
  `CREATE TABLE negotiations (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE doc_states (
     doc TEXT PRIMARY KEY,
     state BLOB NOT NULL,
     upto INTEGER NOT NULL
   );
   CREATE TABLE doc_updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     doc TEXT NOT NULL,
     data BLOB NOT NULL
   );
   CREATE INDEX doc_updates_doc ON doc_updates (doc, seq);`,
  `ALTER TABLE negotiations ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'America/New_York';
   ALTER TABLE negotiations ADD COLUMN facilitator_delegations TEXT NOT NULL DEFAULT '[]';
   CREATE TABLE people (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     is_admin INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL
   );
   CREATE TABLE participants (
     negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
     person_id TEXT NOT NULL REFERENCES people (id),
     role TEXT NOT NULL CHECK (role IN ('facilitator', 'delegate', 'observer')),
     delegation TEXT,
     created_at TEXT NOT NULL,
     PRIMARY KEY (negotiation_id, person_id)
   );
   CREATE TABLE invitations (
     id TEXT PRIMARY KEY,
     token_hash TEXT NOT NULL UNIQUE,
     person_id TEXT NOT NULL REFERENCES people (id),
     negotiation_id TEXT REFERENCES negotiations (id),
     created_by TEXT,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     used_at TEXT,
     revoked_at TEXT
   );
   CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     token_hash TEXT NOT NULL UNIQUE,
     person_id TEXT NOT NULL REFERENCES people (id),
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     revoked_at TEXT,
     user_agent TEXT
   );
   CREATE TABLE audit (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     negotiation_id TEXT,
     person_id TEXT,
     person_name TEXT,
     delegation TEXT,
     action TEXT NOT NULL,
     detail TEXT NOT NULL DEFAULT '{}'
   );
   CREATE INDEX audit_negotiation ON audit (negotiation_id, seq);`,
  `CREATE TABLE proposals (
     id TEXT PRIMARY KEY,
     negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
     pid TEXT NOT NULL,
     kind TEXT NOT NULL,
     delegation TEXT NOT NULL,
     tabled_by TEXT,
     person_id TEXT NOT NULL,
     person_name TEXT NOT NULL,
     reading_id TEXT,
     status TEXT NOT NULL DEFAULT 'open',
     outdated INTEGER NOT NULL DEFAULT 0,
     version INTEGER NOT NULL DEFAULT 1,
     content TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     applied_at TEXT,
     applied_by TEXT,
     applied_update BLOB
   );
   CREATE INDEX proposals_negotiation ON proposals (negotiation_id, created_at);
   CREATE TABLE proposal_versions (
     proposal_id TEXT NOT NULL REFERENCES proposals (id),
     version INTEGER NOT NULL,
     content TEXT NOT NULL,
     edited_at TEXT NOT NULL,
     person_id TEXT NOT NULL,
     PRIMARY KEY (proposal_id, version)
   );
   CREATE TABLE proposal_supports (
     proposal_id TEXT NOT NULL REFERENCES proposals (id),
     delegation TEXT NOT NULL,
     person_id TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (proposal_id, delegation)
   );
   CREATE TABLE paragraph_statuses (
     negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
     pid TEXT NOT NULL,
     status TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     person_id TEXT NOT NULL,
     PRIMARY KEY (negotiation_id, pid)
   );`,
  `CREATE TABLE snapshots (
     id TEXT PRIMARY KEY,
     negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
     seq INTEGER NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('revision', 'reading')),
     label TEXT NOT NULL,
     taken_at TEXT NOT NULL,
     taken_by TEXT NOT NULL,
     yjs_state BLOB NOT NULL,
     canonical TEXT NOT NULL,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL,
     UNIQUE (negotiation_id, seq)
   );
   CREATE TRIGGER snapshots_immutable_update BEFORE UPDATE ON snapshots
     BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
   CREATE TRIGGER snapshots_immutable_delete BEFORE DELETE ON snapshots
     BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
   CREATE TABLE readings (
     id TEXT PRIMARY KEY,
     negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
     number INTEGER NOT NULL,
     revision_id TEXT NOT NULL REFERENCES snapshots (id),
     opened_at TEXT NOT NULL,
     opened_by TEXT NOT NULL,
     deadline TEXT NOT NULL,
     closed_at TEXT,
     closed_by TEXT,
     snapshot_id TEXT REFERENCES snapshots (id),
     UNIQUE (negotiation_id, number)
   );`,
  `CREATE TABLE roadmap_entries (
     id TEXT PRIMARY KEY,
     negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
     data TEXT NOT NULL,
     version INTEGER NOT NULL DEFAULT 1,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     updated_by TEXT NOT NULL
   );
   CREATE INDEX roadmap_entries_negotiation ON roadmap_entries (negotiation_id, created_at);
   CREATE TABLE calendar_feeds (
     id TEXT PRIMARY KEY,
     token_hash TEXT NOT NULL UNIQUE,
     negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
     person_id TEXT NOT NULL REFERENCES people (id),
     created_at TEXT NOT NULL,
     revoked_at TEXT
   );
   CREATE TABLE guiding_questions (
     id TEXT PRIMARY KEY,
     negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
     target_type TEXT NOT NULL CHECK (target_type IN ('revision', 'reading')),
     target_id TEXT NOT NULL,
     number INTEGER NOT NULL,
     text TEXT NOT NULL,
     created_at TEXT NOT NULL,
     created_by TEXT NOT NULL,
     UNIQUE (target_type, target_id, number)
   );
   CREATE TABLE inputs (
     id TEXT PRIMARY KEY,
     negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
     reading_id TEXT NOT NULL REFERENCES readings (id),
     kind TEXT NOT NULL CHECK (kind IN ('general', 'answer', 'paragraph')),
     question_id TEXT REFERENCES guiding_questions (id),
     pid TEXT,
     source TEXT NOT NULL CHECK (source IN ('member-state', 'stakeholder')),
     delegation TEXT,
     tabled_by TEXT,
     author_key TEXT NOT NULL,
     person_id TEXT NOT NULL,
     person_name TEXT NOT NULL,
     text TEXT NOT NULL,
     version INTEGER NOT NULL DEFAULT 1,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX inputs_negotiation ON inputs (negotiation_id, reading_id, created_at);
   CREATE UNIQUE INDEX inputs_one_per_author ON inputs
     (reading_id, author_key, kind, COALESCE(question_id, ''), COALESCE(pid, ''));
   CREATE TABLE input_versions (
     input_id TEXT NOT NULL REFERENCES inputs (id),
     version INTEGER NOT NULL,
     text TEXT NOT NULL,
     edited_at TEXT NOT NULL,
     person_id TEXT NOT NULL,
     person_name TEXT NOT NULL,
     PRIMARY KEY (input_id, version)
   );
   CREATE TRIGGER input_versions_immutable BEFORE UPDATE ON input_versions
     BEGIN SELECT RAISE(ABORT, 'input versions are records'); END;
   CREATE TABLE input_settings (
     negotiation_id TEXT PRIMARY KEY REFERENCES negotiations (id),
     stakeholders_visible INTEGER NOT NULL DEFAULT 0,
     updated_at TEXT NOT NULL,
     updated_by TEXT NOT NULL
   );`,
  // The outdated check reads the open amendments of the paragraphs that changed.
  `CREATE INDEX proposals_paragraph ON proposals (negotiation_id, pid);`,
  // Each person's last visit of each negotiation, with what there was to see (shared/visits.ts).
  `CREATE TABLE visits (
     negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
     person_id TEXT NOT NULL REFERENCES people (id),
     at TEXT NOT NULL,
     seen TEXT NOT NULL,
     PRIMARY KEY (negotiation_id, person_id)
   );`,
  signedChains,
  // A proposal carried forward from one reading into the next records the reading it came from.
  `ALTER TABLE proposals ADD COLUMN carried_from TEXT REFERENCES readings (id);`,
];

/** The schema version from which snapshots are hashed with format 2 and chain heads are signed. */
export const SIGNED_CHAINS_VERSION = MIGRATIONS.indexOf(signedChains) + 1;

/**
 * Brings the database schema up to date (or up to version `target`, for tests of older files);
 * returns the version it had before (0 for a new file).
 */
export function migrate(db: Database.Database, target = MIGRATIONS.length): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < target; v++) {
    const step = MIGRATIONS[v]!;
    db.transaction(() => {
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return current;
}
