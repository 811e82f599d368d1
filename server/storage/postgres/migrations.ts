/**
 * The versioned schema of the PostgreSQL database, applied at open in one transaction under an
 * advisory lock, so that processes starting together apply each migration once: the first takes
 * the lock and migrates, the others wait for it and then find nothing left to do. The versions
 * applied are rows of `schema_migrations`.
 *
 * The schema holds what the SQLite schema holds after all its migrations (`../migrations.ts`),
 * in PostgreSQL's types: `bytea` for Yjs states and updates, `boolean` for flags, JSON as the very
 * text the SQLite back end stores (hashes cover audit details and snapshots), and text compared
 * byte by byte (`COLLATE "C"`), as SQLite compares it, so that every ORDER BY gives the same order.
 * A collaborative document's updates are numbered from 1 per document (`doc_heads`).
 */
import type pg from 'pg';
import { restoreGuards } from './guards.js';
import { lockKey } from './pools.js';

/** Text compared and sorted by bytes, as SQLite's default collation does. */
const T = 'TEXT COLLATE "C"';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE negotiations (
     id ${T} PRIMARY KEY,
     title ${T} NOT NULL,
     created_at ${T} NOT NULL,
     time_zone ${T} NOT NULL,
     facilitator_delegations ${T} NOT NULL
   );
   CREATE TABLE doc_heads (
     doc ${T} PRIMARY KEY,
     last_seq BIGINT NOT NULL
   );
   CREATE TABLE doc_updates (
     doc ${T} NOT NULL,
     seq BIGINT NOT NULL,
     data BYTEA NOT NULL,
     PRIMARY KEY (doc, seq)
   );
   CREATE TABLE doc_states (
     doc ${T} PRIMARY KEY,
     state BYTEA NOT NULL,
     upto BIGINT NOT NULL
   );
   CREATE TABLE people (
     id ${T} PRIMARY KEY,
     name ${T} NOT NULL,
     is_admin BOOLEAN NOT NULL DEFAULT FALSE,
     created_at ${T} NOT NULL
   );
   CREATE TABLE participants (
     negotiation_id ${T} NOT NULL REFERENCES negotiations (id),
     person_id ${T} NOT NULL REFERENCES people (id),
     role ${T} NOT NULL CHECK (role IN ('facilitator', 'delegate', 'observer')),
     delegation ${T},
     created_at ${T} NOT NULL,
     PRIMARY KEY (negotiation_id, person_id)
   );
   CREATE INDEX participants_person ON participants (person_id);
   CREATE TABLE invitations (
     id ${T} PRIMARY KEY,
     token_hash ${T} NOT NULL UNIQUE,
     person_id ${T} NOT NULL REFERENCES people (id),
     negotiation_id ${T} REFERENCES negotiations (id),
     created_by ${T},
     created_at ${T} NOT NULL,
     expires_at ${T} NOT NULL,
     used_at ${T},
     revoked_at ${T}
   );
   CREATE INDEX invitations_negotiation ON invitations (negotiation_id, created_at);
   CREATE TABLE sessions (
     id ${T} PRIMARY KEY,
     token_hash ${T} NOT NULL UNIQUE,
     person_id ${T} NOT NULL REFERENCES people (id),
     created_at ${T} NOT NULL,
     expires_at ${T} NOT NULL,
     revoked_at ${T},
     user_agent ${T}
   );
   CREATE INDEX sessions_person ON sessions (person_id);
   CREATE TABLE audit (
     seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     at ${T} NOT NULL,
     negotiation_id ${T},
     person_id ${T},
     person_name ${T},
     delegation ${T},
     action ${T} NOT NULL,
     detail ${T} NOT NULL,
     chain ${T} GENERATED ALWAYS AS (COALESCE(negotiation_id, '')) STORED,
     position INTEGER NOT NULL,
     prev_hash ${T} NOT NULL,
     hash ${T} NOT NULL,
     UNIQUE (chain, position)
   );
   CREATE INDEX audit_negotiation ON audit (negotiation_id, seq);
   CREATE TABLE chain_heads (
     chain ${T} PRIMARY KEY,
     body ${T} NOT NULL,
     signature ${T} NOT NULL
   );
   CREATE TABLE snapshots (
     id ${T} PRIMARY KEY,
     negotiation_id ${T} NOT NULL REFERENCES negotiations (id),
     seq INTEGER NOT NULL,
     kind ${T} NOT NULL CHECK (kind IN ('revision', 'reading')),
     label ${T} NOT NULL,
     taken_at ${T} NOT NULL,
     taken_by ${T} NOT NULL,
     yjs_state BYTEA NOT NULL,
     canonical ${T} NOT NULL,
     prev_hash ${T} NOT NULL,
     hash ${T} NOT NULL,
     hash_format INTEGER NOT NULL,
     UNIQUE (negotiation_id, seq)
   );
   CREATE TABLE readings (
     id ${T} PRIMARY KEY,
     negotiation_id ${T} NOT NULL REFERENCES negotiations (id),
     number INTEGER NOT NULL,
     revision_id ${T} NOT NULL REFERENCES snapshots (id),
     opened_at ${T} NOT NULL,
     opened_by ${T} NOT NULL,
     deadline ${T} NOT NULL,
     closed_at ${T},
     closed_by ${T},
     snapshot_id ${T} REFERENCES snapshots (id),
     UNIQUE (negotiation_id, number)
   );
   CREATE TABLE proposals (
     id ${T} PRIMARY KEY,
     negotiation_id ${T} NOT NULL REFERENCES negotiations (id),
     pid ${T} NOT NULL,
     kind ${T} NOT NULL,
     delegation ${T} NOT NULL,
     tabled_by ${T},
     person_id ${T} NOT NULL,
     person_name ${T} NOT NULL,
     reading_id ${T},
     status ${T} NOT NULL DEFAULT 'open',
     outdated BOOLEAN NOT NULL DEFAULT FALSE,
     version INTEGER NOT NULL DEFAULT 1,
     content ${T} NOT NULL,
     created_at ${T} NOT NULL,
     updated_at ${T} NOT NULL,
     applied_at ${T},
     applied_by ${T},
     applied_update BYTEA,
     carried_from ${T} REFERENCES readings (id)
   );
   CREATE INDEX proposals_negotiation ON proposals (negotiation_id, created_at);
   CREATE INDEX proposals_paragraph ON proposals (negotiation_id, pid);
   CREATE TABLE proposal_versions (
     proposal_id ${T} NOT NULL REFERENCES proposals (id),
     version INTEGER NOT NULL,
     content ${T} NOT NULL,
     edited_at ${T} NOT NULL,
     person_id ${T} NOT NULL,
     PRIMARY KEY (proposal_id, version)
   );
   CREATE TABLE proposal_supports (
     proposal_id ${T} NOT NULL REFERENCES proposals (id),
     delegation ${T} NOT NULL,
     person_id ${T} NOT NULL,
     created_at ${T} NOT NULL,
     PRIMARY KEY (proposal_id, delegation)
   );
   CREATE TABLE paragraph_statuses (
     negotiation_id ${T} NOT NULL REFERENCES negotiations (id),
     pid ${T} NOT NULL,
     status ${T} NOT NULL,
     updated_at ${T} NOT NULL,
     person_id ${T} NOT NULL,
     PRIMARY KEY (negotiation_id, pid)
   );
   CREATE TABLE roadmap_entries (
     id ${T} PRIMARY KEY,
     ord BIGINT GENERATED ALWAYS AS IDENTITY,
     negotiation_id ${T} NOT NULL REFERENCES negotiations (id),
     data ${T} NOT NULL,
     version INTEGER NOT NULL DEFAULT 1,
     created_at ${T} NOT NULL,
     updated_at ${T} NOT NULL,
     updated_by ${T} NOT NULL
   );
   CREATE INDEX roadmap_entries_negotiation ON roadmap_entries (negotiation_id, created_at);
   CREATE TABLE calendar_feeds (
     id ${T} PRIMARY KEY,
     token_hash ${T} NOT NULL UNIQUE,
     negotiation_id ${T} NOT NULL REFERENCES negotiations (id),
     person_id ${T} NOT NULL REFERENCES people (id),
     created_at ${T} NOT NULL,
     revoked_at ${T}
   );
   CREATE TABLE guiding_questions (
     id ${T} PRIMARY KEY,
     negotiation_id ${T} NOT NULL REFERENCES negotiations (id),
     target_type ${T} NOT NULL CHECK (target_type IN ('revision', 'reading')),
     target_id ${T} NOT NULL,
     number INTEGER NOT NULL,
     text ${T} NOT NULL,
     created_at ${T} NOT NULL,
     created_by ${T} NOT NULL,
     UNIQUE (target_type, target_id, number)
   );
   CREATE TABLE inputs (
     id ${T} PRIMARY KEY,
     negotiation_id ${T} NOT NULL REFERENCES negotiations (id),
     reading_id ${T} NOT NULL REFERENCES readings (id),
     kind ${T} NOT NULL CHECK (kind IN ('general', 'answer', 'paragraph')),
     question_id ${T} REFERENCES guiding_questions (id),
     pid ${T},
     source ${T} NOT NULL CHECK (source IN ('member-state', 'stakeholder')),
     delegation ${T},
     tabled_by ${T},
     author_key ${T} NOT NULL,
     person_id ${T} NOT NULL,
     person_name ${T} NOT NULL,
     text ${T} NOT NULL,
     version INTEGER NOT NULL DEFAULT 1,
     created_at ${T} NOT NULL,
     updated_at ${T} NOT NULL
   );
   CREATE INDEX inputs_negotiation ON inputs (negotiation_id, reading_id, created_at);
   CREATE UNIQUE INDEX inputs_one_per_author ON inputs
     (reading_id, author_key, kind, COALESCE(question_id, ''), COALESCE(pid, ''));
   CREATE TABLE input_versions (
     input_id ${T} NOT NULL REFERENCES inputs (id),
     version INTEGER NOT NULL,
     text ${T} NOT NULL,
     edited_at ${T} NOT NULL,
     person_id ${T} NOT NULL,
     person_name ${T} NOT NULL,
     PRIMARY KEY (input_id, version)
   );
   CREATE TABLE input_settings (
     negotiation_id ${T} PRIMARY KEY REFERENCES negotiations (id),
     stakeholders_visible BOOLEAN NOT NULL DEFAULT FALSE,
     updated_at ${T} NOT NULL,
     updated_by ${T} NOT NULL
   );
   CREATE TABLE visits (
     negotiation_id ${T} NOT NULL REFERENCES negotiations (id),
     person_id ${T} NOT NULL REFERENCES people (id),
     at ${T} NOT NULL,
     seen ${T} NOT NULL,
     PRIMARY KEY (negotiation_id, person_id)
   );`,
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the schema up to date (or up to `target`, for tests) and recreates the guarding
 * triggers, in one transaction under the migration lock; returns the version found before
 * (0 for an empty database).
 */
export async function migrate(client: pg.ClientBase, target = MIGRATIONS.length): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [lockKey('migrations')]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)',
    );
    const found = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    const before = found.rows[0]?.v ?? 0;
    for (let v = before; v < target; v++) {
      await client.query(MIGRATIONS[v]!);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, now())', [v + 1]);
    }
    if (target > 0) await restoreGuards(client);
    await client.query('COMMIT');
    return before;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
