/**
 * One seat's connection, as a browser tab holds it: a socket on the draft (with presence) and
 * a socket on the read-only proposals document. A session ends when the seat leaves; a seat that
 * comes back (churn, reconnection) is a new session.
 */
import type * as Y from 'yjs';
import { draftDocName, proposalsDocName } from '../../shared/protocol.js';
import type { LoadSeat } from './config.js';
import type { SessionWindow } from './fanout.js';
import { awarenessFrame } from './frames.js';
import { LightSocket } from './socket.js';

/** What a session reports to the load it belongs to. */
export interface SessionOwner {
  readonly negotiationId: string;
  url(docName: string): string;
  headers(seat: LoadSeat): Record<string, string>;
  draftUpdate(session: Session, frame: Buffer, client: number, clock: number, now: number): void;
  proposalsUpdate(
    session: Session,
    frame: Buffer,
    client: number,
    clock: number,
    start: number,
    length: number,
    now: number,
  ): void;
  awarenessReceived(): void;
  saved?(session: Session, frame: Buffer): void;
  /** A socket closed without this side closing it. */
  lost(session: Session, code: number): void;
}

let nextSessionId = 1;

/** A seat's pair of connections. */
export class Session {
  readonly id = nextSessionId++;
  readonly draftWindow: SessionWindow = { syncedAt: undefined, leftAt: undefined };
  readonly proposalsWindow: SessionWindow = { syncedAt: undefined, leftAt: undefined };
  readonly awarenessClient = Math.floor(Math.random() * 0xffffffff);
  private awarenessClock = 0;
  nextPresenceAt = Number.POSITIVE_INFINITY;
  private draft?: LightSocket;
  private proposals?: LightSocket;
  private ended = false;
  private failJoin: (err: Error) => void = () => undefined;

  constructor(
    private readonly owner: SessionOwner,
    readonly seat: LoadSeat,
    /** A full document for the draft (the typist's); light when absent. */
    readonly draftDoc?: Y.Doc,
  ) {}

  /** Opens both sockets; resolves with the time to sync both, rejects after `timeoutMs`. */
  async join(timeoutMs: number): Promise<number> {
    const started = performance.now();
    let both: () => void = () => undefined;
    const synced = new Promise<void>((res) => {
      both = res;
    });
    const failed = new Promise<never>((_res, rej) => {
      this.failJoin = rej;
    });
    failed.catch(() => undefined);
    const check = () => {
      if (this.draftWindow.syncedAt !== undefined && this.proposalsWindow.syncedAt !== undefined) both();
    };
    const headers = this.owner.headers(this.seat);
    this.draft = new LightSocket(
      this.owner.url(draftDocName(this.owner.negotiationId)),
      headers,
      {
        synced: (now) => {
          this.draftWindow.syncedAt = now;
          check();
        },
        update: (frame, client, clock, _s, _l, now) =>
          this.owner.draftUpdate(this, frame, client, clock, now),
        awareness: () => this.owner.awarenessReceived(),
        saved: (frame) => this.owner.saved?.(this, frame),
        closed: (code, expected) => this.closed(code, expected),
      },
      this.draftDoc,
    );
    this.proposals = new LightSocket(this.owner.url(proposalsDocName(this.owner.negotiationId)), headers, {
      synced: (now) => {
        this.proposalsWindow.syncedAt = now;
        check();
      },
      update: (frame, client, clock, start, length, now) =>
        this.owner.proposalsUpdate(this, frame, client, clock, start, length, now),
      closed: (code, expected) => this.closed(code, expected),
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_res, rej) => {
      timer = setTimeout(() => rej(new Error('join timed out')), timeoutMs);
    });
    try {
      await Promise.race([Promise.all([this.draft.opened, this.proposals.opened, synced]), timeout, failed]);
    } finally {
      clearTimeout(timer);
    }
    this.sendPresence({ user: { name: this.seat.name, color: '#1f5fbf' } });
    return performance.now() - started;
  }

  /** True while both sockets are up. */
  get live(): boolean {
    return !this.ended && this.draft?.open === true && this.proposals?.open === true;
  }

  /** Sends the draft socket a frame (an update of the typist). */
  sendDraft(frame: Uint8Array): void {
    this.draft?.send(frame);
  }

  /** Publishes this client's presence (a renewal when unchanged, as y-protocols does). */
  sendPresence(state: unknown): void {
    this.awarenessClock++;
    this.draft?.send(awarenessFrame(this.awarenessClient, this.awarenessClock, state));
  }

  /** Leaves like a closing tab: presence removed, then both sockets closed. */
  leave(): void {
    if (this.ended) return;
    this.ended = true;
    const now = performance.now();
    this.sendPresence(null);
    this.draftWindow.leftAt ??= now;
    this.proposalsWindow.leftAt ??= now;
    this.draft?.close();
    this.proposals?.close();
  }

  private closed(code: number, expected: boolean): void {
    if (expected || this.ended) return;
    this.ended = true;
    const now = performance.now();
    this.draftWindow.leftAt ??= now;
    this.proposalsWindow.leftAt ??= now;
    this.draft?.terminate();
    this.proposals?.terminate();
    this.failJoin(new Error(`closed with ${code} while joining`));
    this.owner.lost(this, code);
  }
}
