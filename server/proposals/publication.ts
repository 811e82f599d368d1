/**
 * The read-only proposals document of a negotiation: the server writes every proposal's view,
 * every paragraph status and where the negotiation stands (with notices of what changed) into
 * it; clients sync it like any Yjs document but can never write. It is a projection of the
 * tables, reconciled with them whenever it is loaded.
 */
import type * as Y from 'yjs';
import { encodeLiveView } from '../../shared/liveView.js';
import {
  encodeNotice,
  type LiveReading,
  MAX_NOTICES,
  NEGOTIATION_MAP,
  type NegotiationState,
  NOTICES_ARRAY,
  type Notice,
  negotiationState,
} from '../../shared/negotiationState.js';
import type { NumberingBasis } from '../../shared/numbering.js';
import {
  NUMBERING_MAP,
  PARAGRAPH_STATUS_MAP,
  type ParagraphStatusView,
  PROPOSAL_ACTORS_MAP,
  PROPOSALS_MAP,
  type ProposalView,
} from '../../shared/proposals.js';
import { proposalsDocName } from '../../shared/protocol.js';
import type { Room } from '../collab/room.js';
import type { Rooms } from '../collab/rooms.js';
import type { Logger } from '../logger.js';
import { numberingBasis } from '../readings/numberingBasis.js';
import type { ProposalRecord } from '../storage/records.js';
import type { Storage } from '../storage/storage.js';
import { proposalViews } from './views.js';

/** Sets `key` to `value` unless it already holds an equal value. */
function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown): void {
  const current = map.get(key);
  if (current === undefined || JSON.stringify(current) !== JSON.stringify(value)) map.set(key, value);
}

/** Sets a proposal's entry to its view unless it already holds it. */
function setView(map: Y.Map<unknown>, view: ProposalView): void {
  const value = encodeLiveView(view);
  if (map.get(view.id) !== value) map.set(view.id, value);
}

/** Makes the `numbering` map of a proposals document hold `basis` exactly. */
function setNumbering(doc: Y.Doc, basis: NumberingBasis): void {
  const map = doc.getMap<string>(NUMBERING_MAP);
  for (const key of [...map.keys()]) if (!basis.has(key)) map.delete(key);
  for (const [pid, label] of basis) if (map.get(pid) !== label) map.set(pid, label);
}

/** Publishes a negotiation's numbering basis (after a revision is circulated). */
export async function publishNumbering(
  rooms: Rooms,
  negotiationId: string,
  basis: NumberingBasis,
): Promise<void> {
  await rooms.withRoom(proposalsDocName(negotiationId), (room) =>
    room.serverChange((doc) => setNumbering(doc, basis)),
  );
}

/** Sets the negotiation map to `state`, key by key, leaving unchanged keys alone. */
function writeState(doc: Y.Doc, state: NegotiationState): void {
  const map = doc.getMap<unknown>(NEGOTIATION_MAP);
  for (const [key, value] of Object.entries(state)) setIfChanged(map, key, value);
}

/** Writes proposals, paragraph statuses, the numbering basis and the negotiation's state into the read-only document. */
export class Publication {
  constructor(
    private readonly storage: Storage,
    private readonly rooms: Rooms,
    private readonly log: Logger,
  ) {}

  /**
   * Writes into the proposals document after a command's unit has committed. A failure here does
   * not undo the command, which is stored: it is logged, the failed room is dropped (see
   * `Room.serverChange`), and the document is reconciled with storage when it is loaded again,
   * which every client's reconnection does.
   */
  private async write(
    negotiationId: string,
    what: string,
    change: (room: Room) => Promise<unknown>,
  ): Promise<void> {
    try {
      await this.rooms.withRoom(proposalsDocName(negotiationId), change);
    } catch (err) {
      this.log.error('publication.failed', {
        negotiation: negotiationId,
        what,
        error: (err as Error).message,
      });
    }
  }

  /** Every proposal view of a negotiation, built from storage. */
  async views(negotiationId: string): Promise<ProposalView[]> {
    const [records, supports] = await Promise.all([
      this.storage.proposals.list(negotiationId),
      this.storage.proposals.supports(negotiationId),
    ]);
    return proposalViews(records, supports);
  }

  /** The views of some proposals of a negotiation, built from storage (unknown ids are skipped). */
  async viewsOf(negotiationId: string, ids: readonly string[]): Promise<ProposalView[]> {
    const records = (await Promise.all(ids.map((id) => this.storage.proposals.get(id)))).filter(
      (r): r is ProposalRecord => r?.negotiationId === negotiationId,
    );
    return proposalViews(records, await this.storage.proposals.supportsOf(records.map((r) => r.id)));
  }

  /**
   * Publishes the current state of some proposals (all when `ids` is omitted), changed by the
   * action of person `by` (recorded beside each view, `PROPOSAL_ACTORS_MAP`), or by no one.
   */
  async publish(negotiationId: string, ids?: readonly string[], by?: string): Promise<void> {
    const views = ids ? await this.viewsOf(negotiationId, ids) : await this.views(negotiationId);
    await this.write(negotiationId, 'proposals', (room) =>
      room.serverChange((doc) => {
        const map = doc.getMap(PROPOSALS_MAP);
        const actors = doc.getMap<string>(PROPOSAL_ACTORS_MAP);
        for (const v of views) {
          const before = map.get(v.id);
          setView(map, v);
          if (map.get(v.id) === before) continue;
          if (by) actors.set(v.id, by);
          else actors.delete(v.id);
        }
      }),
    );
  }

  /** Publishes a paragraph's status. */
  async publishParagraph(negotiationId: string, pid: string, status: ParagraphStatusView): Promise<void> {
    await this.write(negotiationId, 'paragraph status', (room) =>
      room.serverChange((doc) => setIfChanged(doc.getMap(PARAGRAPH_STATUS_MAP), pid, status)),
    );
  }

  /** Where the negotiation stands, built from storage. */
  async state(negotiationId: string): Promise<NegotiationState> {
    const [readings, snapshots] = await Promise.all([
      this.storage.readings.listReadings(negotiationId),
      this.storage.readings.listSnapshots(negotiationId),
    ]);
    const revisions = snapshots
      .filter((s) => s.kind === 'revision')
      .map((s) => ({ id: s.id, label: s.label, takenAt: s.takenAt }));
    const labels = new Map(revisions.map((r) => [r.id, r.label]));
    return negotiationState(
      readings.map(
        (r): LiveReading => ({
          id: r.id,
          number: r.number,
          revisionId: r.revisionId,
          revisionLabel: labels.get(r.revisionId) ?? '',
          openedAt: r.openedAt,
          deadline: r.deadline,
          closedAt: r.closedAt,
        }),
      ),
      revisions,
    );
  }

  /**
   * Publishes where the negotiation stands now and, with it, a notice of what the co-facilitators
   * just did; only the latest `MAX_NOTICES` notices are kept.
   */
  async announce(negotiationId: string, notice: Notice): Promise<void> {
    const state = await this.state(negotiationId);
    await this.write(negotiationId, 'notice', (room) =>
      room.serverChange((doc) => {
        writeState(doc, state);
        const notices = doc.getArray<string>(NOTICES_ARRAY);
        notices.push([encodeNotice(notice)]);
        if (notices.length > MAX_NOTICES) notices.delete(0, notices.length - MAX_NOTICES);
      }),
    );
  }

  /** Brings a freshly loaded proposals document in line with storage (after a crash, say). */
  async reconcile(room: Room, negotiationId: string): Promise<void> {
    const views = await this.views(negotiationId);
    const statuses = await this.storage.proposals.paragraphStatuses(negotiationId);
    const state = await this.state(negotiationId);
    const basis = await numberingBasis(this.storage, negotiationId);
    await room.serverChange((doc) => {
      writeState(doc, state);
      setNumbering(doc, basis);
      const map = doc.getMap(PROPOSALS_MAP);
      const ids = new Set(views.map((v) => v.id));
      for (const key of [...map.keys()]) if (!ids.has(key)) map.delete(key);
      for (const v of views) setView(map, v);
      const paragraphs = doc.getMap(PARAGRAPH_STATUS_MAP);
      for (const s of statuses) setIfChanged(paragraphs, s.pid, { status: s.status, updatedAt: s.updatedAt });
    });
  }
}
