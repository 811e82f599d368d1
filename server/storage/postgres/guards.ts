/**
 * The triggers that keep records from changing in the database itself, as on SQLite
 * (`../sqliteGuards.ts`): snapshots and audit entries refuse UPDATE and DELETE, a reading refuses
 * UPDATE once closed and DELETE always, input versions refuse UPDATE; and, PostgreSQL having it,
 * TRUNCATE of the tables whose rows may not be deleted. They are created again at every open (in
 * the migration transaction), so that a trigger someone dropped or replaced is back as written
 * here at the next start.
 */
import type pg from 'pg';

/** One guarding trigger. */
interface Guard {
  name: string;
  table: string;
  /** What it refuses, e.g. `UPDATE` or `TRUNCATE`. */
  event: 'UPDATE' | 'DELETE' | 'TRUNCATE';
  /** A condition on the old row, for row triggers. */
  when?: string;
  message: string;
}

const GUARDS: readonly Guard[] = [
  {
    name: 'snapshots_immutable_update',
    table: 'snapshots',
    event: 'UPDATE',
    message: 'snapshots are immutable',
  },
  {
    name: 'snapshots_immutable_delete',
    table: 'snapshots',
    event: 'DELETE',
    message: 'snapshots are immutable',
  },
  {
    name: 'snapshots_immutable_truncate',
    table: 'snapshots',
    event: 'TRUNCATE',
    message: 'snapshots are immutable',
  },
  { name: 'audit_immutable_update', table: 'audit', event: 'UPDATE', message: 'audit entries are immutable' },
  { name: 'audit_immutable_delete', table: 'audit', event: 'DELETE', message: 'audit entries are immutable' },
  {
    name: 'audit_immutable_truncate',
    table: 'audit',
    event: 'TRUNCATE',
    message: 'audit entries are immutable',
  },
  {
    name: 'readings_closed_immutable',
    table: 'readings',
    event: 'UPDATE',
    when: 'OLD.closed_at IS NOT NULL',
    message: 'closed readings are immutable',
  },
  { name: 'readings_immutable_delete', table: 'readings', event: 'DELETE', message: 'readings are records' },
  {
    name: 'readings_immutable_truncate',
    table: 'readings',
    event: 'TRUNCATE',
    message: 'readings are records',
  },
  {
    name: 'input_versions_immutable',
    table: 'input_versions',
    event: 'UPDATE',
    message: 'input versions are records',
  },
];

/** Names of the guarding triggers. */
export const GUARD_NAMES: readonly string[] = GUARDS.map((g) => g.name);

/** The function every guard calls: it raises its first argument as the error message. */
const REFUSE = `CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
  END $$`;

const definition = (g: Guard): string => {
  const level = g.event === 'TRUNCATE' ? 'FOR EACH STATEMENT' : 'FOR EACH ROW';
  const when = g.when ? ` WHEN (${g.when})` : '';
  return `CREATE TRIGGER ${g.name} BEFORE ${g.event} ON ${g.table} ${level}${when}
    EXECUTE FUNCTION refuse_change('${g.message}')`;
};

/** Creates every guard anew (inside the caller's transaction), replacing any trigger of the same name. */
export async function restoreGuards(client: pg.ClientBase): Promise<void> {
  await client.query(REFUSE);
  for (const g of GUARDS) {
    await client.query(`DROP TRIGGER IF EXISTS ${g.name} ON ${g.table}`);
    await client.query(definition(g));
  }
}
