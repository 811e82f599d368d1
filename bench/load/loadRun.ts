/**
 * One run of the load against one target: connect every seat, then type, table, support and
 * renew presence for a warm-up and a measured window, drain, and account for every message.
 * Runs inside the load generator process (`entry.ts`).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { Histogram, percentilesOf } from '../stats/histogram.js';
import { Commander } from './commander.js';
import type { LoadConfig, LoadResult, LoadSeat, LoadWindow } from './config.js';
import { FanoutTracker, type SessionWindow } from './fanout.js';
import { ProposalEventDecoder } from './proposalEvents.js';
import { Session, type SessionOwner } from './session.js';
import { Typist } from './typist.js';

/** Longest wait for one seat to join. */
const JOIN_TIMEOUT_MS = 120_000;

/** Phases reported to the benchmark as they start. */
export type Phase = 'connecting' | 'warmup' | 'measure' | 'drain' | 'done';

/** Callbacks to the benchmark process. */
export interface RunReporter {
  phase(phase: Phase): void;
  progress(text: string): void;
  window(w: LoadWindow): void;
  /**
   * Every seat joined: the load starts once this resolves (several runs at once start together;
   * see `bench/cluster/`). At once when absent.
   */
  connected?(): Promise<void>;
}

/** The distributions of a run, to merge with other runs' (see `LoadRun.histograms`). */
export interface RunHistograms {
  editsAllReached: Histogram;
  editsDelivery: Histogram;
  editsAck: Histogram;
  proposalsDelivery: Histogram;
  proposalsAck: Histogram;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The load of one run. */
export class LoadRun implements SessionOwner {
  readonly negotiationId: string;
  private readonly sessions = new Map<number, Session>();
  private readonly edits: FanoutTracker<number>;
  private readonly proposals: FanoutTracker<string>;
  private readonly decoder = new ProposalEventDecoder();
  private readonly knownIds: Set<string>;
  private readonly commander: Commander;
  private typist?: Typist;
  private measuring = false;
  private running = true;
  private presenceSent = 0;
  private presenceReceived = 0;
  private readonly closes: Record<string, number> = {};
  private readonly joinTimes: number[] = [];
  private joinFailed = 0;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly cfg: LoadConfig,
    private readonly report: RunReporter,
  ) {
    this.negotiationId = cfg.negotiationId;
    const ids = () => this.sessions.keys();
    const win = (pick: (s: Session) => SessionWindow) => (id: number) => pick(this.sessions.get(id)!);
    this.edits = new FanoutTracker(
      win((s) => s.draftWindow),
      ids,
    );
    this.proposals = new FanoutTracker(
      win((s) => s.proposalsWindow),
      ids,
    );
    this.knownIds = new Set(cfg.openProposals.map((p) => p.id));
    this.commander = new Commander(cfg, this.proposals, () => this.liveDelegates(), this.knownIds);
  }

  url(docName: string): string {
    return `${this.cfg.wsUrl}/${encodeURIComponent(docName)}?ext=1`;
  }

  headers(seat: LoadSeat): Record<string, string> {
    return this.cfg.target === 'server' ? { cookie: seat.cookie } : {};
  }

  draftUpdate(session: Session, _frame: Buffer, client: number, clock: number, now: number): void {
    if (this.typist && client === this.typist.clientId) this.edits.arrive(clock, session.id, now, false);
  }

  proposalsUpdate(
    session: Session,
    frame: Buffer,
    client: number,
    clock: number,
    start: number,
    length: number,
    now: number,
  ): void {
    for (const key of this.decoder.keysOf(frame, start, length, client, clock)) {
      if (key.startsWith('t:')) {
        // A proposal's first appearance is tracked even before its command is acknowledged.
        const known = this.knownIds.has(key.slice(2)) && !this.proposals.has(key);
        if (!known) this.proposals.arrive(key, session.id, now, true);
      } else {
        this.proposals.arrive(key, session.id, now, false);
      }
    }
  }

  awarenessReceived(): void {
    if (this.measuring) this.presenceReceived++;
  }

  saved(session: Session, frame: Buffer): void {
    if (this.typist && session.draftDoc) this.typist.saved(frame);
  }

  lost(session: Session, code: number): void {
    this.closes[String(code)] = (this.closes[String(code)] ?? 0) + 1;
    // Reconnect like a provider would, a moment later.
    if (this.running)
      this.later(1_000 + Math.random() * 2_000, () => void this.join(session.seat, !!session.draftDoc));
  }

  /** Runs the whole load and returns its results. */
  async run(): Promise<LoadResult> {
    this.report.phase('connecting');
    const joinStarted = performance.now();
    await this.connectAll();
    const joinSeconds = (performance.now() - joinStarted) / 1000;
    this.report.progress(`${this.sessions.size} sessions joined in ${joinSeconds.toFixed(1)} s`);
    if (this.cfg.target === 'relay') await this.commander.connectRelay();
    await this.report.connected?.();

    const sweeper = setInterval(() => this.settle(false), 1_000);
    const presence = setInterval(() => this.renewPresence(), 100);
    const stopEdits = this.every(1000 / this.cfg.editsPerSecond, () => this.typist?.edit(this.measuring));
    const stopCommands = this.every(1000 / this.cfg.commandsPerSecond, () =>
      this.commander.issue(this.measuring),
    );
    const stopChurn = this.cfg.churn
      ? this.every(1000 / this.cfg.churn.perSecond, () => this.churnOne())
      : () => undefined;
    const windows = this.cfg.reportEverySeconds
      ? setInterval(() => this.reportWindow(), this.cfg.reportEverySeconds * 1000)
      : undefined;

    this.report.phase('warmup');
    await sleep(this.cfg.warmupSeconds * 1000);
    this.report.phase('measure');
    this.measuring = true;
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const cpuFrom = process.cpuUsage();
    const measureFrom = performance.now();
    await sleep(this.cfg.seconds * 1000);
    const measuredSeconds = (performance.now() - measureFrom) / 1000;
    const cpu = process.cpuUsage(cpuFrom);
    loop.disable();
    this.measuring = false;
    this.report.phase('drain');
    stopEdits();
    stopCommands();
    stopChurn();
    if (windows) clearInterval(windows);
    await this.commander.idle(60_000);
    await sleep(this.cfg.drainSeconds * 1000);
    this.running = false;
    clearInterval(sweeper);
    this.settle(true);
    clearInterval(presence);
    for (const t of this.timers) clearTimeout(t);
    const result = this.result(joinSeconds, measuredSeconds, cpu, loop.percentile(99) / 1e6);
    for (const s of this.sessions.values()) s.leave();
    this.commander.close();
    await sleep(500);
    this.report.phase('done');
    return result;
  }

  /** The run's distributions, complete once `run` has resolved. */
  histograms(): RunHistograms {
    return {
      editsAllReached: this.edits.allReached,
      editsDelivery: this.edits.delivery,
      editsAck: this.typist?.ack ?? new Histogram(),
      proposalsDelivery: this.proposals.delivery,
      proposalsAck: this.commander.ack,
    };
  }

  private async connectAll(): Promise<void> {
    const queue = [...this.cfg.seats];
    const worker = async () => {
      for (let seat = queue.shift(); seat; seat = queue.shift()) {
        await this.join(seat, seat.index === 0);
        const n = this.joinTimes.length + this.joinFailed;
        if (n % 100 === 0) this.report.progress(`${n}/${this.cfg.seats.length} seats joined`);
      }
    };
    await Promise.all(Array.from({ length: this.cfg.connectConcurrency }, worker));
  }

  /** Joins a seat as a new session; seat 0 is the typist. */
  private async join(seat: LoadSeat, typist: boolean): Promise<void> {
    if (!this.running) return;
    const session = new Session(this, seat, typist ? new Y.Doc() : undefined);
    this.sessions.set(session.id, session);
    try {
      this.joinTimes.push(await session.join(JOIN_TIMEOUT_MS));
      session.nextPresenceAt = performance.now() + Math.random() * this.cfg.presenceRenewMs;
      if (typist) this.typist = new Typist(session, this.cfg.typingPid, this.edits);
    } catch (err) {
      this.joinFailed++;
      this.report.progress(`seat ${seat.index} failed to join: ${(err as Error).message}`);
      session.leave();
    }
  }

  private liveDelegates(): Session[] {
    const out: Session[] = [];
    for (const s of this.sessions.values()) if (s.live && s.seat.role === 'delegate') out.push(s);
    return out;
  }

  private renewPresence(): void {
    const now = performance.now();
    for (const s of this.sessions.values()) {
      if (s.draftDoc || now < s.nextPresenceAt || !s.live) continue;
      s.nextPresenceAt += this.cfg.presenceRenewMs;
      s.sendPresence({ user: { name: s.seat.name, color: '#1f5fbf' } });
      this.presenceSent++;
    }
  }

  /** One seat leaves and comes back after a pause (never the typist). */
  private churnOne(): void {
    const churn = this.cfg.churn!;
    const live = [...this.sessions.values()].filter((s) => s.live && !s.draftDoc);
    if (live.length === 0) return;
    const s = live[Math.floor(Math.random() * live.length)]!;
    s.leave();
    const away = churn.minAwaySeconds + Math.random() * (churn.maxAwaySeconds - churn.minAwaySeconds);
    this.later(away * 1000, () => void this.join(s.seat, false));
  }

  private settle(all: boolean): void {
    const now = performance.now();
    this.edits.settle(now, all);
    for (const key of this.proposals.settle(now, all)) {
      if (key.startsWith('t:')) this.knownIds.add(key.slice(2));
    }
    // Sessions that left long ago can no longer be expected to receive anything.
    if (this.cfg.churn) {
      for (const [id, s] of this.sessions) {
        const left = s.draftWindow.leftAt;
        if (left !== undefined && now - left > 60_000) this.sessions.delete(id);
      }
    }
  }

  private reportWindow(): void {
    const e = this.edits.takeWindow();
    const p = this.proposals.takeWindow();
    this.report.window({
      atSeconds: Math.round(performance.now() / 1000),
      connected: [...this.sessions.values()].filter((s) => s.live).length,
      edits: { delivery: e.delivery.summary(), lost: e.lost },
      proposals: { delivery: p.delivery.summary(), lost: p.lost },
      sessions: this.sessions.size,
    });
  }

  /** Calls `fn` every `intervalMs` on a fixed schedule (never for a zero rate); returns a stop function. */
  private every(intervalMs: number, fn: () => void): () => void {
    if (!Number.isFinite(intervalMs)) return () => undefined;
    let next = performance.now() + intervalMs * Math.random();
    let stopped = false;
    let timer: NodeJS.Timeout;
    const tick = () => {
      if (stopped) return;
      fn();
      next += intervalMs;
      timer = setTimeout(tick, Math.max(0, next - performance.now()));
    };
    timer = setTimeout(tick, Math.max(0, next - performance.now()));
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  private result(
    joinSeconds: number,
    measuredSeconds: number,
    cpu: NodeJS.CpuUsage,
    loopP99: number,
  ): LoadResult {
    const fan = (t: FanoutTracker<number> | FanoutTracker<string>) => ({
      messages: t.messages,
      delivery: t.delivery.summary(),
      allReached: t.allReached.summary(),
      expected: t.expected,
      lost: t.lost,
      messagesLost: t.messagesLost,
    });
    return {
      target: this.cfg.target,
      clients: this.cfg.seats.length,
      sockets: this.cfg.seats.length * 2,
      join: { seconds: joinSeconds, perClient: percentilesOf(this.joinTimes), failed: this.joinFailed },
      edits: { ...fan(this.edits), ack: (this.typist?.ack ?? new Histogram()).summary() },
      proposals: {
        ...fan(this.proposals),
        sent: this.commander.sent,
        ok: this.commander.ok,
        errors: this.commander.errors,
        ack: this.commander.ack.summary(),
      },
      presence: {
        sent: this.presenceSent,
        received: this.presenceReceived,
        receivedPerSecond: this.presenceReceived / Math.max(1, measuredSeconds),
      },
      unexpectedCloses: this.closes,
      loadgen: {
        cpuPercent: (100 * (cpu.user + cpu.system)) / 1e6 / measuredSeconds,
        eventLoopP99Ms: loopP99,
      },
      measuredSeconds,
      sessions: this.sessions.size,
    };
  }
}
