/**
 * Writes the large benchmark negotiation into storage (a SQLite file; PostgreSQL for the cluster's
 * negotiations) through the real services, the way
 * `server/demo/history.ts` writes the demo: `createNegotiation`, `Accounts`, `ProposalCommands`
 * and `Readings` over a `Rooms` instance, with a clock moved by hand. Closed readings, tabled
 * proposals, supports, co-facilitators' decisions and paragraph statuses are therefore exactly
 * what the product itself would have stored.
 *
 * The only shortcut: while seeding, proposals are published into the read-only proposals
 * document once at the end (the reconciliation the server runs when it loads that document)
 * instead of after every command, which would make seeding quadratic.
 */

import { Accounts, type Membership } from '../../server/accounts/accounts.js';
import { AuditLog } from '../../server/accounts/audit.js';
import { Rooms } from '../../server/collab/rooms.js';
import { createLogger } from '../../server/logger.js';
import { createNegotiation } from '../../server/negotiations.js';
import { ProposalCommands } from '../../server/proposals/commands.js';
import { Publication } from '../../server/proposals/publication.js';
import { Readings } from '../../server/readings/readings.js';
import { ChainSealer } from '../../server/records/sealer.js';
import { loadSigningKey } from '../../server/records/signingKey.js';
import type { ProposalRecord } from '../../server/storage/records.js';
import { openSqliteStorage } from '../../server/storage/sqlite.js';
import type { Storage } from '../../server/storage/storage.js';
import { draftParagraphs, findParagraph, paragraphPlainText } from '../../shared/anchors.js';
import { groupsOf } from '../../shared/delegations.js';
import { AppError } from '../../shared/errors.js';
import type { ProposalKind } from '../../shared/proposals.js';
import { draftDocName, proposalsDocName } from '../../shared/protocol.js';
import { benchKeyFile, type Seat, type SeedMeta } from './meta.js';
import { FACILITATOR_DELEGATIONS, memberStates, planSeats } from './seats.js';
import { amendedText, benchPid, largeDraftJson, proposalSentence, Random } from './text.js';

/** Id of the benchmark negotiation. */
export const BENCH_NEGOTIATION_ID = 'bench-large';

/** Size of the negotiation to write. */
export interface SeedOptions {
  paragraphs: number;
  proposals: number;
  /** Number of delegations that table and support proposals. */
  delegations: number;
  closedReadings: number;
  /** Number of seats (people with sign-in links) for the load. */
  seats: number;
  progress?: (message: string) => void;
}

const DAY = 24 * 3600_000;

/** A clock the seeding moves forward by hand. */
class ManualClock {
  constructor(private t: number) {}
  tick(ms: number): void {
    this.t += ms;
  }
  readonly now = (): Date => new Date(this.t);
}

/** Publication deferred to the end of seeding (see the module comment). */
class DeferredPublication extends Publication {
  override async publish(): Promise<void> {}
  override async publishParagraph(): Promise<void> {}
  override async announce(): Promise<void> {}
}

/** Kinds of proposal in the proportions of a real compilation text. */
const KIND_WEIGHTS: readonly [ProposalKind, number][] = [
  ['amend', 0.55],
  ['alt', 0.1],
  ['insert', 0.08],
  ['comment', 0.12],
  ['retain', 0.08],
  ['delete', 0.07],
];

function pickKind(rng: Random): ProposalKind {
  let r = rng.next();
  for (const [kind, w] of KIND_WEIGHTS) {
    if (r < w) return kind;
    r -= w;
  }
  return 'amend';
}

/** Seeds the negotiation into the SQLite file `file`; returns what the load needs to know about it. */
export async function seedLargeNegotiation(opts: SeedOptions & { file: string }): Promise<SeedMeta> {
  const storage = openSqliteStorage(opts.file, {
    sealer: new ChainSealer(loadSigningKey(benchKeyFile(opts.file), { create: true })),
  });
  try {
    return await seedNegotiation(storage, BENCH_NEGOTIATION_ID, opts);
  } finally {
    await storage.close();
  }
}

/**
 * Seeds negotiation `id` into `storage` (whose sealer signs with the key of the servers that will
 * serve it); returns what the load needs to know about it.
 */
export async function seedNegotiation(storage: Storage, id: string, opts: SeedOptions): Promise<SeedMeta> {
  const started = performance.now();
  const progress = opts.progress ?? (() => undefined);
  const log = createLogger('error');
  const rooms = new Rooms(storage, log);
  const clock = new ManualClock(Date.now() - 120 * DAY);
  const audit = new AuditLog(storage, log);
  const accounts = new Accounts(storage);
  const deferred = new DeferredPublication(storage, rooms, log);
  const readings = new Readings({ storage, rooms, audit, publication: deferred, now: clock.now });
  const commands = new ProposalCommands(storage, rooms, deferred, audit, readings, clock.now);
  const rng = new Random(42);
  await createNegotiation(storage, {
    id,
    title: `Benchmark: a negotiation of ${opts.paragraphs} paragraphs`,
    timeZone: 'America/New_York',
    facilitatorDelegations: [...FACILITATOR_DELEGATIONS],
    draft: largeDraftJson(opts.paragraphs),
  });

  // Seats of the load, with links valid long enough for any run.
  const seats: Seat[] = [];
  for (const plan of planSeats(opts.seats)) {
    const link = await accounts.invite({
      negotiationId: id,
      name: plan.name,
      role: plan.role,
      delegation: plan.delegation,
      expiresInHours: 24 * 30,
      by: null,
    });
    seats.push({ ...plan, personId: link.personId, token: link.token });
  }
  // One delegate per proposing delegation, who tables and supports during seeding.
  const proposers = memberStates().slice(0, opts.delegations);
  const proposerIds = new Map<string, string>();
  for (const code of proposers) {
    const link = await accounts.invite({
      negotiationId: id,
      name: `Delegate, ${code} (seeding)`,
      role: 'delegate',
      delegation: code,
      by: null,
    });
    proposerIds.set(code, link.personId);
  }
  const member = async (personId: string): Promise<Membership> => {
    const person = (await storage.accounts.getPerson(personId))!;
    const participant = (await storage.accounts.getParticipant(id, personId))!;
    const session = {
      id: 'bench-seed',
      tokenHash: '',
      personId,
      createdAt: '',
      expiresAt: '',
      revokedAt: null,
      userAgent: null,
    };
    return { principal: { person, session }, participant };
  };
  const cofac = [await member(seats[0]!.personId), await member(seats[1]!.personId)] as const;
  const typingPid = benchPid('operative', 1);
  const closedPids = new Set<string>();
  const allPids = (await paragraphIds(rooms, id)).filter((p) => p !== typingPid);

  let supports = 0;
  let applied = 0;
  const table = async (count: number, readingNo: number): Promise<ProposalRecord[]> => {
    const tabled: ProposalRecord[] = [];
    const openPids = allPids.filter((p) => !closedPids.has(p));
    for (let i = 0; i < count; i++) {
      clock.tick(20_000);
      const code = rng.pick(proposers);
      const m = await member(proposerIds.get(code)!);
      const groups = groupsOf(code).filter((g) => g.kind === 'group');
      const onBehalf = groups.length > 0 && rng.chance(0.05) ? { delegation: rng.pick(groups).code } : {};
      const pid = rng.pick(openPids);
      const kind = pickKind(rng);
      const marker = `r${readingNo}-${i}`;
      let record: ProposalRecord;
      if (kind === 'amend') {
        const base = await rooms.withRoom(draftDocName(id), (room) =>
          paragraphPlainText(findParagraph(room.doc, pid)!.element),
        );
        record = await commands.table(m, {
          kind,
          pid,
          baseText: base,
          text: amendedText(rng, base),
          ...onBehalf,
        });
      } else if (kind === 'delete' || kind === 'retain') {
        record = await commands.table(m, { kind, pid, ...onBehalf });
      } else {
        record = await commands.table(m, { kind, pid, text: proposalSentence(rng, marker), ...onBehalf });
      }
      const wanted = rng.int(0, 5);
      const own = new Set([record.delegation, record.tabledBy ?? record.delegation, code]);
      for (let s = 0; s < wanted; s++) {
        const supporter = rng.pick(proposers);
        if (own.has(supporter)) continue;
        own.add(supporter);
        clock.tick(20_000);
        await commands.setSupport(await member(proposerIds.get(supporter)!), record.id, true);
        supports++;
      }
      tabled.push(record);
      if ((i + 1) % 500 === 0) progress(`reading ${readingNo}: ${i + 1}/${count} proposals tabled`);
    }
    return tabled;
  };

  /** The co-facilitators' decisions at the end of a reading. */
  const decide = async (tabled: readonly ProposalRecord[]) => {
    for (const p of tabled) {
      clock.tick(10_000);
      const r = rng.next();
      try {
        if (p.kind === 'amend' && r < 0.1) {
          await commands.apply(cofac[0], p.id);
          applied++;
        } else if (r < 0.5) await commands.setStatus(cofac[1], p.id, 'not-retained');
        else if (r < 0.6) await commands.setStatus(cofac[1], p.id, 'superseded');
        else if (r < 0.7) await commands.setStatus(cofac[1], p.id, 'incorporated');
        else if (r < 0.75) await commands.setStatus(cofac[1], p.id, 'partly-incorporated');
      } catch (err) {
        // An amendment outdated by an earlier one cannot be applied: not retained instead.
        if (!(err instanceof AppError)) throw err;
        await commands.setStatus(cofac[1], p.id, 'not-retained');
      }
    }
    await commands.refreshOutdated(id);
  };

  const closedShare = Math.floor((opts.proposals * 0.8) / Math.max(1, opts.closedReadings));
  await readings.circulate(cofac[0]);
  for (let r = 1; r <= opts.closedReadings + 1; r++) {
    const open = r === opts.closedReadings + 1;
    clock.tick(7 * DAY);
    const deadline = open ? new Date(Date.now() + 60 * DAY) : new Date(clock.now().getTime() + 10 * DAY);
    const reading = await readings.open(cofac[1], deadline);
    const count = open ? opts.proposals - closedShare * opts.closedReadings : closedShare;
    const tabled = await table(count, r);
    if (open) break;
    await decide(tabled);
    if (r >= 2) await closeSomeParagraphs(commands, cofac[0], rng, allPids, closedPids);
    // The proposals the co-facilitators left undecided are set aside as the reading closes.
    const undecided = await readings.undecided(cofac[1], reading.id);
    await readings.close(
      cofac[1],
      reading.id,
      undecided.map((p) => ({ proposalId: p.id, disposition: 'set-aside' as const })),
    );
    clock.tick(3 * DAY);
    await readings.circulate(cofac[0]);
    progress(`reading ${r} closed`);
  }

  // Publish everything once, as the server does when it loads the proposals document.
  const publication = new Publication(storage, rooms, log);
  await rooms.withRoom(proposalsDocName(id), (room) => publication.reconcile(room, id));
  const meta = await describe(storage, rooms, id, seats, typingPid, opts);
  await rooms.closeAll();
  return {
    ...meta,
    counts: { ...meta.counts, supports, applied },
    seedSeconds: (performance.now() - started) / 1000,
  };
}

async function paragraphIds(rooms: Rooms, id: string): Promise<string[]> {
  return rooms.withRoom(draftDocName(id), (room) => draftParagraphs(room.doc).map((p) => p.pid));
}

/** Marks some paragraphs agreed ad ref. (closed to proposals) and some bracketed. */
async function closeSomeParagraphs(
  commands: ProposalCommands,
  m: Membership,
  rng: Random,
  pids: readonly string[],
  closed: Set<string>,
): Promise<void> {
  for (const pid of pids) {
    if (closed.has(pid)) continue;
    const r = rng.next();
    if (r < 0.08) {
      await commands.setParagraphStatus(m, pid, 'agreed-ad-ref');
      closed.add(pid);
    } else if (r < 0.18) await commands.setParagraphStatus(m, pid, 'bracketed');
  }
}

async function describe(
  storage: Storage,
  rooms: Rooms,
  id: string,
  seats: Seat[],
  typingPid: string,
  opts: SeedOptions,
): Promise<Omit<SeedMeta, 'seedSeconds'>> {
  const statuses = new Map(
    (await storage.proposals.paragraphStatuses(id)).map((s) => [s.pid, s.status] as const),
  );
  const paragraphs = await rooms.withRoom(draftDocName(id), (room) =>
    draftParagraphs(room.doc).map((p) => {
      const status = statuses.get(p.pid) ?? 'pending';
      return {
        pid: p.pid,
        text: paragraphPlainText(p.element),
        open: status === 'pending' || status === 'bracketed',
      };
    }),
  );
  const all = await storage.proposals.list(id);
  const supportsOf = new Map<string, string[]>();
  for (const s of await storage.proposals.supports(id)) {
    const list = supportsOf.get(s.proposalId) ?? [];
    list.push(s.delegation);
    supportsOf.set(s.proposalId, list);
  }
  const allReadings = await storage.readings.listReadings(id);
  const openReading = allReadings.find((r) => r.closedAt === null);
  const openPids = new Set(paragraphs.filter((p) => p.open).map((p) => p.pid));
  return {
    negotiationId: id,
    seats,
    typingPid,
    paragraphs,
    openProposals: all
      .filter((p) => p.readingId === openReading?.id && p.status === 'open' && openPids.has(p.pid))
      .map((p) => ({
        id: p.id,
        pid: p.pid,
        delegation: p.delegation,
        tabledBy: p.tabledBy,
        supporters: supportsOf.get(p.id) ?? [],
      })),
    readingSnapshots: allReadings.flatMap((r) => (r.snapshotId ? [r.snapshotId] : [])),
    counts: {
      paragraphs: paragraphs.length,
      proposals: all.length,
      supports: 0,
      applied: 0,
      delegations: opts.delegations,
      closedReadings: opts.closedReadings,
      people: seats.length + opts.delegations,
    },
  };
}
