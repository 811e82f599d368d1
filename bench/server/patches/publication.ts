/** Proposed changes to publishing proposals: views built in linear time, and only those published. */
import type * as Y from 'yjs';
import type { Rooms } from '../../../server/collab/rooms.js';
import { Publication } from '../../../server/proposals/publication.js';
import { proposalView } from '../../../server/proposals/views.js';
import type { ProposalRecord, SupportRecord } from '../../../server/storage/records.js';
import { SqliteProposals } from '../../../server/storage/sqliteProposals.js';
import type { Storage } from '../../../server/storage/storage.js';
import { PROPOSALS_MAP, type ProposalView } from '../../../shared/proposals.js';
import { proposalsDocName } from '../../../shared/protocol.js';

/** The private fields of `Publication` the patches read. */
interface PublicationFields {
  storage: Storage;
  rooms: Rooms;
}

/** The SQLite database behind a storage, when it is the SQLite one. */
export interface SqliteLike {
  db?: { prepare(sql: string): { all(...args: unknown[]): unknown[] } };
}

function bySupport(supports: readonly SupportRecord[]): Map<string, SupportRecord[]> {
  const out = new Map<string, SupportRecord[]>();
  for (const s of supports) {
    const list = out.get(s.proposalId);
    if (list) list.push(s);
    else out.set(s.proposalId, [s]);
  }
  return out;
}

/** Proposed `ProposalStore.supportsOf(proposalIds)`: supports of some proposals only (primary key). */
export async function supportsOf(storage: Storage, negotiationId: string, ids: readonly string[]) {
  const db = (storage as unknown as SqliteLike).db;
  if (!db) return (await storage.proposals.supports(negotiationId)).filter((s) => ids.includes(s.proposalId));
  const stmt = db.prepare(
    `SELECT proposal_id AS proposalId, delegation, person_id AS personId, created_at AS createdAt
       FROM proposal_supports WHERE proposal_id = ? ORDER BY created_at`,
  );
  return ids.flatMap((id) => stmt.all(id) as SupportRecord[]);
}

function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown): void {
  const current = map.get(key);
  if (current === undefined || JSON.stringify(current) !== JSON.stringify(value)) map.set(key, value);
}

/**
 * Proposed change in `server/proposals/publication.ts`: `views` groups supports by proposal
 * once (O(proposals + supports)) instead of `proposalView` filtering every support for every
 * proposal; `publish(negotiationId, ids)` builds only the views it publishes, from
 * `proposals.get(id)` and the supports of those proposals, instead of every view.
 */
export function publication(): void {
  Publication.prototype.views = async function (this: Publication, negotiationId: string) {
    const { storage } = this as unknown as PublicationFields;
    const [records, supports] = await Promise.all([
      storage.proposals.list(negotiationId),
      storage.proposals.supports(negotiationId),
    ]);
    const grouped = bySupport(supports);
    return records.map((r) => proposalView(r, grouped.get(r.id) ?? []));
  };
  Publication.prototype.publish = async function (
    this: Publication,
    negotiationId: string,
    ids?: readonly string[],
  ) {
    const { storage, rooms } = this as unknown as PublicationFields;
    let views: ProposalView[];
    if (ids) {
      const records = (await Promise.all(ids.map((id) => storage.proposals.get(id)))).filter(
        (r): r is ProposalRecord => r !== undefined && r.negotiationId === negotiationId,
      );
      const grouped = bySupport(await supportsOf(storage, negotiationId, ids));
      views = records.map((r) => proposalView(r, grouped.get(r.id) ?? []));
    } else {
      views = await this.views(negotiationId);
    }
    await rooms.withRoom(proposalsDocName(negotiationId), (room) =>
      room.serverChange((doc) => {
        const map = doc.getMap(PROPOSALS_MAP);
        for (const v of views) setIfChanged(map, v.id, v);
      }),
    );
  };
}

/** Supports per negotiation, kept in step with `addSupport` and `removeSupport`. */
const supportsCache = new WeakMap<object, Map<string, SupportRecord[]>>();

/**
 * Stands in for the proposed change in `server/http/proposals.ts`: the answer to a command
 * builds its proposal's view from that proposal's supports (`ProposalStore.supportsOf([id])`)
 * instead of querying every support of the negotiation. Measured here by keeping `supports()`
 * in memory, in step with `addSupport`/`removeSupport`, which removes the same query from the
 * command's path.
 */
export function supports(): void {
  const proto = SqliteProposals.prototype;
  const original = proto.supports;
  const addSupport = proto.addSupport;
  const removeSupport = proto.removeSupport;
  const cacheOf = (store: object) => {
    let c = supportsCache.get(store);
    if (!c) {
      c = new Map();
      supportsCache.set(store, c);
    }
    return c;
  };
  proto.supports = async function (this: SqliteProposals, negotiationId: string) {
    const cache = cacheOf(this);
    let list = cache.get(negotiationId);
    if (!list) {
      list = await original.call(this, negotiationId);
      cache.set(negotiationId, list);
    }
    return [...list];
  };
  proto.addSupport = async function (this: SqliteProposals, s: SupportRecord) {
    const added = await addSupport.call(this, s);
    const p = added ? await this.get(s.proposalId) : undefined;
    if (p) cacheOf(this).get(p.negotiationId)?.push(s);
    return added;
  };
  proto.removeSupport = async function (this: SqliteProposals, proposalId: string, delegation: string) {
    const removed = await removeSupport.call(this, proposalId, delegation);
    const p = removed ? await this.get(proposalId) : undefined;
    const list = p && cacheOf(this).get(p.negotiationId);
    if (list) {
      const i = list.findIndex((x) => x.proposalId === proposalId && x.delegation === delegation);
      if (i >= 0) list.splice(i, 1);
    }
    return removed;
  };
}
