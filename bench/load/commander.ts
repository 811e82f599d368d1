/**
 * Delegations' proposal commands during the load: tabling proposals and supporting others',
 * over HTTP as the client does, with the seat's session. Each command's event key is announced
 * to the proposals tracker, so that its arrival at every client is measured from the moment the
 * command was sent. Against the bare relay, which has no commands, the same proposal views are
 * written into the proposals document by a client instead.
 */
import * as Y from 'yjs';
import { decodeLiveView, encodeLiveView } from '../../shared/liveView.js';
import {
  delegationRef,
  PROPOSALS_MAP,
  type ProposalKind,
  type ProposalView,
} from '../../shared/proposals.js';
import { proposalsDocName } from '../../shared/protocol.js';
import type { SeedParagraph, SeedProposal } from '../seed/meta.js';
import { amendedText, proposalSentence, Random } from '../seed/text.js';
import { Histogram } from '../stats/histogram.js';
import type { LoadConfig } from './config.js';
import type { FanoutTracker } from './fanout.js';
import { updateFrame } from './frames.js';
import { supportKey, tabledKey } from './proposalEvents.js';
import type { Session } from './session.js';
import { LightSocket } from './socket.js';

/** Most commands in flight at once; beyond it a command is skipped and counted. */
const MAX_IN_FLIGHT = 100;

type TableBody =
  | { kind: 'amend'; pid: string; baseText: string; text: string }
  | { kind: 'delete' | 'retain'; pid: string }
  | { kind: 'alt' | 'insert' | 'comment'; pid: string; text: string };

/** Issues commands and measures their acknowledgement. */
export class Commander {
  readonly ack = new Histogram();
  sent = 0;
  ok = 0;
  readonly errors: Record<string, number> = {};
  private inFlight = 0;
  private readonly rng: Random;
  private readonly paragraphs: SeedParagraph[];
  private readonly proposals: SeedProposal[];
  private relayDoc?: Y.Doc;
  private relaySocket?: LightSocket;
  private counter = 0;

  constructor(
    private readonly cfg: LoadConfig,
    private readonly tracker: FanoutTracker<string>,
    private readonly delegates: () => Session[],
    private readonly knownIds: Set<string>,
  ) {
    this.rng = new Random(cfg.seed);
    this.paragraphs = cfg.paragraphs.filter((p) => p.open && p.pid !== cfg.typingPid);
    this.proposals = cfg.openProposals.map((p) => ({ ...p, supporters: [...p.supporters] }));
  }

  /** Against the relay: connects the client that writes proposal views. */
  async connectRelay(): Promise<void> {
    const doc = new Y.Doc();
    let synced!: () => void;
    const done = new Promise<void>((res) => {
      synced = res;
    });
    this.relaySocket = new LightSocket(
      `${this.cfg.wsUrl}/${proposalsDocName(this.cfg.negotiationId)}`,
      {},
      { synced: () => synced(), closed: () => undefined },
      doc,
    );
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this.relaySocket) this.relaySocket?.send(updateFrame(update));
    });
    await done;
    this.relayDoc = doc;
  }

  close(): void {
    this.relaySocket?.close();
  }

  /** Waits until no command is in flight, or `timeoutMs` passed. */
  async idle(timeoutMs: number): Promise<void> {
    const until = performance.now() + timeoutMs;
    while (this.inFlight > 0 && performance.now() < until) await new Promise((r) => setTimeout(r, 50));
  }

  /** Issues one command: tables a proposal or supports one, half and half. */
  issue(measured: boolean): void {
    if (this.inFlight >= MAX_IN_FLIGHT) {
      this.count('SKIPPED_IN_FLIGHT');
      return;
    }
    if (this.rng.chance(0.5) || !this.support(measured)) this.table(measured);
  }

  private table(measured: boolean): void {
    const seats = this.delegates();
    if (seats.length === 0) return;
    const session = this.rng.pick(seats);
    const para = this.rng.pick(this.paragraphs);
    const marker = `load-${this.cfg.seed}-${this.counter++}`;
    const r = this.rng.next();
    const body: TableBody =
      r < 0.55
        ? { kind: 'amend', pid: para.pid, baseText: para.text, text: amendedText(this.rng, para.text) }
        : r < 0.7
          ? { kind: 'comment', pid: para.pid, text: proposalSentence(this.rng, marker) }
          : r < 0.8
            ? { kind: 'alt', pid: para.pid, text: proposalSentence(this.rng, marker) }
            : r < 0.9
              ? { kind: 'insert', pid: para.pid, text: proposalSentence(this.rng, marker) }
              : { kind: this.rng.chance(0.5) ? 'retain' : 'delete', pid: para.pid };
    const delegation = session.seat.delegation!;
    const sentAt = performance.now();
    if (this.relayDoc) {
      const id = `relay${marker}`;
      this.tracker.expect(tabledKey(id), { sentAt, measured });
      // As our server publishes it: an amendment's view carries its changes, not its whole texts.
      const now = new Date().toISOString();
      this.writeView({
        ...relayView(id, body.pid, body.kind, delegation, now),
        text: body.kind === 'amend' || !('text' in body) ? '' : body.text,
      });
      this.proposals.push({ id, pid: para.pid, delegation, tabledBy: null, supporters: [] });
      this.sent++;
      this.ok++;
      return;
    }
    void this.request(session, 'POST', '/proposals', body, sentAt, measured, (answer) => {
      const id = (answer as { proposal?: { id?: string } }).proposal?.id;
      if (!id) return;
      this.knownIds.add(id);
      this.tracker.expect(tabledKey(id), { sentAt, ackAt: performance.now(), measured });
      this.proposals.push({ id, pid: para.pid, delegation, tabledBy: null, supporters: [] });
    });
  }

  /** Supports a random open proposal with a delegation that does not yet; false when none fits. */
  private support(measured: boolean): boolean {
    const seats = this.delegates();
    if (seats.length === 0 || this.proposals.length === 0) return false;
    for (let attempt = 0; attempt < 10; attempt++) {
      const p = this.rng.pick(this.proposals);
      const session = this.rng.pick(seats);
      const code = session.seat.delegation!;
      if (code === p.delegation || code === p.tabledBy || p.supporters.includes(code)) continue;
      p.supporters.push(code);
      const key = supportKey(p.id, code);
      const sentAt = performance.now();
      this.tracker.expect(key, { sentAt, measured, pending: !this.relayDoc });
      if (this.relayDoc) {
        const now = new Date().toISOString();
        const current = decodeLiveView(this.relayDoc.getMap(PROPOSALS_MAP).get(p.id));
        this.writeView({
          ...(current ?? relayView(p.id, p.pid, 'amend', p.delegation, now)),
          updatedAt: now,
          supporters: p.supporters.map(delegationRef),
        });
        this.sent++;
        this.ok++;
        return true;
      }
      void this.request(session, 'PUT', `/proposals/${p.id}/support`, undefined, sentAt, measured, () => {
        this.tracker.expect(key, { sentAt, ackAt: performance.now(), measured });
      }).then((ok) => {
        if (!ok) this.tracker.forget(key);
      });
      return true;
    }
    return false;
  }

  private writeView(view: ProposalView): void {
    this.relayDoc!.transact(() => {
      this.relayDoc!.getMap(PROPOSALS_MAP).set(view.id, encodeLiveView(view));
    });
  }

  private async request(
    session: Session,
    method: string,
    path: string,
    body: unknown,
    sentAt: number,
    measured: boolean,
    onOk: (answer: unknown) => void,
  ): Promise<boolean> {
    this.inFlight++;
    this.sent++;
    try {
      const res = await fetch(`${this.cfg.httpUrl}/api/negotiations/${this.cfg.negotiationId}${path}`, {
        method,
        // Every state-changing request declares JSON, body or not, as the app's client does.
        headers: { cookie: session.seat.cookie, 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const answer: unknown = await res.json().catch(() => ({}));
      if (!res.ok) {
        this.count((answer as { error?: { code?: string } }).error?.code ?? `HTTP_${res.status}`);
        return false;
      }
      if (measured) this.ack.add(performance.now() - sentAt);
      this.ok++;
      onOk(answer);
      return true;
    } catch (err) {
      this.count(`NETWORK ${(err as Error).message}`);
      return false;
    } finally {
      this.inFlight--;
    }
  }

  private count(code: string): void {
    this.errors[code] = (this.errors[code] ?? 0) + 1;
  }
}

/** A newly tabled proposal's view as the bare relay's stand-in for the server writes it. */
function relayView(
  id: string,
  pid: string,
  kind: ProposalKind,
  delegation: string,
  now: string,
): ProposalView {
  return {
    id,
    pid,
    kind,
    delegation: delegationRef(delegation),
    tabledBy: null,
    personName: delegation,
    createdAt: now,
    updatedAt: now,
    readingId: null,
    status: 'open',
    outdated: false,
    version: 1,
    supporters: [],
    changes: [],
    text: '',
    reservation: false,
    byFacilitators: false,
    appliedAt: null,
  };
}
