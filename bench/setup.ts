/**
 * Preparing a benchmark run: the seeded database (or a kept one), the relay's copies of the
 * documents, the seats' sessions, and a build of the client for the browser measurements.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { openSqliteStorage } from '../server/storage/sqlite.js';
import { draftDocName, proposalsDocName } from '../shared/protocol.js';
import type { LoadSeat } from './load/config.js';
import type { BenchOptions } from './options.js';
import { ROOT } from './proc/child.js';
import type { Seat, SeedMeta, SeedProposal } from './seed/meta.js';
import { seedLargeNegotiation } from './seed/negotiation.js';

/** File name of the database inside a data directory (as `server/main.ts` names it). */
export const DB_NAME = 'negotiations.sqlite';
const META_NAME = 'bench-meta.json';
const COOKIES_NAME = 'bench-cookies.json';

/** The seeded negotiation of a run. */
export interface Prepared {
  dir: string;
  dbFile: string;
  meta: SeedMeta;
  /** True when an existing database was reused. */
  reused: boolean;
}

/** Seeds the large negotiation into `dir`, or reuses the one a kept run left there. */
export async function prepareDatabase(
  dir: string,
  opts: BenchOptions,
  seats: number,
  log: (line: string) => void,
): Promise<Prepared> {
  const dbFile = join(dir, DB_NAME);
  const metaFile = join(dir, META_NAME);
  if (existsSync(metaFile) && existsSync(dbFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as SeedMeta;
    if (meta.seats.length >= seats) return { dir, dbFile, meta, reused: true };
    throw new Error(`${dir} was seeded for ${meta.seats.length} seats; ${seats} are needed`);
  }
  log(
    `Seeding ${opts.paragraphs} paragraphs, ${opts.proposals} proposals from ${opts.delegations} delegations, ${opts.closedReadings} closed readings, ${seats} seats…`,
  );
  const meta = await seedLargeNegotiation({
    file: dbFile,
    paragraphs: opts.paragraphs,
    proposals: opts.proposals,
    delegations: opts.delegations,
    closedReadings: opts.closedReadings,
    seats,
    progress: (m) => log(`  ${m}`),
  });
  writeFileSync(metaFile, JSON.stringify(meta));
  log(`  seeded in ${meta.seedSeconds.toFixed(1)} s`);
  return { dir, dbFile, meta, reused: false };
}

/** Writes the current state of the negotiation's two documents to files, for the relay. */
export async function exportDocStates(prepared: Prepared): Promise<Record<string, string>> {
  const storage = openSqliteStorage(prepared.dbFile);
  try {
    const out: Record<string, string> = {};
    for (const name of [
      draftDocName(prepared.meta.negotiationId),
      proposalsDocName(prepared.meta.negotiationId),
    ]) {
      const stored = await storage.loadDoc(name);
      const all = stored.state ? [stored.state, ...stored.updates] : stored.updates;
      const file = join(prepared.dir, `${name}.ystate`);
      writeFileSync(file, Y.mergeUpdates(all));
      out[name] = file;
    }
    return out;
  } finally {
    await storage.close();
  }
}

/**
 * The proposals of the open reading that can still be supported, with their supporters as
 * stored now (earlier runs tabled and supported proposals too).
 */
export async function openProposalsNow(prepared: Prepared): Promise<SeedProposal[]> {
  const storage = openSqliteStorage(prepared.dbFile);
  try {
    const id = prepared.meta.negotiationId;
    const open = (await storage.readings.listReadings(id)).find((r) => r.closedAt === null);
    const openPids = new Set(prepared.meta.paragraphs.filter((p) => p.open).map((p) => p.pid));
    const supporters = new Map<string, string[]>();
    for (const s of await storage.proposals.supports(id)) {
      const list = supporters.get(s.proposalId) ?? [];
      list.push(s.delegation);
      supporters.set(s.proposalId, list);
    }
    return (await storage.proposals.list(id))
      .filter((p) => p.readingId === open?.id && p.status === 'open' && openPids.has(p.pid))
      .map((p) => ({
        id: p.id,
        pid: p.pid,
        delegation: p.delegation,
        tabledBy: p.tabledBy,
        supporters: supporters.get(p.id) ?? [],
      }));
  } finally {
    await storage.close();
  }
}

/** Redeems the seats' sign-in links over HTTP (once; the cookies are kept in the data directory). */
export async function signInSeats(prepared: Prepared, httpUrl: string, count: number): Promise<LoadSeat[]> {
  const file = join(prepared.dir, COOKIES_NAME);
  const cookies: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const seats = prepared.meta.seats.slice(0, count);
  const pending = seats.filter((s) => !cookies[s.personId]);
  const worker = async () => {
    for (let seat = pending.shift(); seat; seat = pending.shift())
      cookies[seat.personId] = await redeemSeat(httpUrl, seat);
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  writeFileSync(file, JSON.stringify(cookies));
  return seats.map((s) => ({
    index: s.index,
    name: s.name,
    role: s.role,
    delegation: s.delegation,
    cookie: cookies[s.personId]!,
  }));
}

/** Redeems `seat`'s sign-in link at `httpUrl`; returns the `Cookie` header of its session. */
export async function redeemSeat(httpUrl: string, seat: Seat): Promise<string> {
  const res = await fetch(`${httpUrl}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: seat.token }),
  });
  if (res.status !== 200)
    throw new Error(`sign-in of seat ${seat.index} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  if (!cookie.includes('=')) throw new Error(`sign-in of seat ${seat.index}: no session cookie`);
  return cookie;
}

/** The built client the server serves during the run. */
export interface ClientBuild {
  distDir: string | undefined;
  note: string;
}

/**
 * Builds the client into the run's directory (so that the measurement sees the current client
 * without touching `dist/`); falls back to an existing `dist/` when the build fails.
 */
export function buildClient(dir: string): ClientBuild {
  const out = join(dir, 'dist');
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const res = spawnSync(
    process.execPath,
    [vite, 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    },
  );
  if (res.status === 0 && existsSync(join(out, 'index.html'))) {
    return { distDir: out, note: 'client built from the current sources' };
  }
  const firstError = `${res.stderr ?? ''}${res.stdout ?? ''}`
    .split('\n')
    .find((l) => /error/i.test(l))
    ?.trim();
  const dist = join(ROOT, 'dist');
  if (existsSync(join(dist, 'index.html'))) {
    const when = statSync(join(dist, 'index.html')).mtime.toISOString();
    return {
      distDir: dist,
      note: `the client did not build (${firstError ?? `exit ${res.status}`}); measured the existing dist/ of ${when}`,
    };
  }
  return {
    distDir: undefined,
    note: `the client did not build (${firstError ?? `exit ${res.status}`}) and there is no dist/`,
  };
}
