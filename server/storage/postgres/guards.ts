/**
 * The triggers that keep records from changing in the database itself, as on SQLite
 * (`../sqliteGuards.ts`): snapshots and audit entries refuse UPDATE and DELETE, a reading refuses
 * UPDATE once closed and DELETE always, input versions refuse UPDATE; and, PostgreSQL having it,
 * TRUNCATE of the tables whose rows may not be deleted. Every open checks them in the catalogue
 * (in the migration transaction) and, when one is missing, disabled or not as written, creates
 * them all again, so that a trigger someone dropped or replaced is back at the next start.
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

/** The body of `refuse_change` as written above. */
const REFUSE_BODY = REFUSE.slice(REFUSE.indexOf('$$') + 2, REFUSE.lastIndexOf('$$'));

/** `pg_trigger.tgtype` of a guard: BEFORE, per row (but TRUNCATE), and its event. */
const tgtype = (g: Guard): number =>
  2 | (g.event === 'TRUNCATE' ? 0 : 1) | { DELETE: 8, UPDATE: 16, TRUNCATE: 32 }[g.event];

/**
 * True when every guard is in place as written: its trigger on its table, enabled, of its kind,
 * calling `refuse_change` (whose body is as written) with its message, with a condition where it
 * has one. Read from the catalogue without taking any lock on the tables.
 */
async function guardsInPlace(client: pg.ClientBase): Promise<boolean> {
  const fn = await client.query<{ prosrc: string }>(
    "SELECT prosrc FROM pg_proc WHERE proname = 'refuse_change' AND pronamespace = 'public'::regnamespace",
  );
  if (fn.rows.length !== 1 || fn.rows[0]!.prosrc !== REFUSE_BODY) return false;
  const { rows } = await client.query<{
    name: string;
    table: string;
    type: number;
    enabled: string;
    fn: string;
    args: Buffer;
    qual: boolean;
  }>(
    `SELECT t.tgname AS name, c.relname AS table, t.tgtype AS type, t.tgenabled AS enabled,
            p.proname AS fn, t.tgargs AS args, t.tgqual IS NOT NULL AS qual
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace AND t.tgname = ANY($1)`,
    [GUARD_NAMES],
  );
  const found = new Map(rows.map((r) => [r.name, r]));
  return GUARDS.every((g) => {
    const r = found.get(g.name);
    return (
      r !== undefined &&
      r.table === g.table &&
      r.type === tgtype(g) &&
      r.enabled === 'O' &&
      r.fn === 'refuse_change' &&
      r.args.toString('utf8') === `${g.message}\0` &&
      r.qual === (g.when !== undefined)
    );
  });
}

/**
 * Creates every guard anew (inside the caller's transaction), replacing any trigger of the same
 * name — unless every one is already in place as written: replacing a trigger locks its table
 * exclusively, which, at every start of every process, would wait on (and could deadlock with)
 * the other processes' work on those tables.
 */
export async function restoreGuards(client: pg.ClientBase): Promise<void> {
  if (await guardsInPlace(client)) return;
  await client.query(REFUSE);
  for (const g of GUARDS) {
    await client.query(`DROP TRIGGER IF EXISTS ${g.name} ON ${g.table}`);
    await client.query(definition(g));
  }
}
