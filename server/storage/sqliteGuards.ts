/**
 * The triggers that keep records from changing: snapshots, audit entries and input versions
 * refuse UPDATE and DELETE, and a reading refuses both once closed. They are dropped and created
 * again every time the database is opened, so that a trigger someone dropped or replaced in the
 * file is back as written here at the next start.
 */
import type Database from 'better-sqlite3';

const refuse = (message: string) => `BEGIN SELECT RAISE(ABORT, '${message}'); END`;

/** Name → definition (after `CREATE TRIGGER <name>`). */
const GUARDS: Readonly<Record<string, string>> = {
  snapshots_immutable_update: `BEFORE UPDATE ON snapshots ${refuse('snapshots are immutable')}`,
  snapshots_immutable_delete: `BEFORE DELETE ON snapshots ${refuse('snapshots are immutable')}`,
  audit_immutable_update: `BEFORE UPDATE ON audit ${refuse('audit entries are immutable')}`,
  audit_immutable_delete: `BEFORE DELETE ON audit ${refuse('audit entries are immutable')}`,
  readings_closed_immutable: `BEFORE UPDATE ON readings WHEN OLD.closed_at IS NOT NULL ${refuse('closed readings are immutable')}`,
  readings_immutable_delete: `BEFORE DELETE ON readings ${refuse('readings are records')}`,
  input_versions_immutable: `BEFORE UPDATE ON input_versions ${refuse('input versions are records')}`,
};

/** Names of the guarding triggers. */
export const GUARD_NAMES: readonly string[] = Object.keys(GUARDS);

/** Drops the guards (migrations may rewrite guarded rows; `restoreGuards` follows). */
export function dropGuards(db: Database.Database): void {
  db.transaction(() => {
    for (const name of GUARD_NAMES) db.exec(`DROP TRIGGER IF EXISTS ${name}`);
  })();
}

/** Creates every guard anew, replacing whatever trigger of the same name the file holds. */
export function restoreGuards(db: Database.Database): void {
  db.transaction(() => {
    for (const [name, definition] of Object.entries(GUARDS)) {
      db.exec(`DROP TRIGGER IF EXISTS ${name}`);
      db.exec(`CREATE TRIGGER ${name} ${definition}`);
    }
  })();
}
