/**
 * Changes to the server that the benchmark's profiles call for, applied to the benchmark's
 * server process only, and only when asked (`BENCH_PATCHES=publication,outdated`), so that their
 * effect can be measured before they are made in `server/`. Each patch replaces one method with
 * the proposed version; the report says which patches a run used. The exact changes proposed
 * for `server/` and `shared/` are described next to each patch.
 */
import * as Y from 'yjs';
import type { Rooms } from '../../server/collab/rooms.js';
import type { SerialQueue } from '../../server/collab/serialQueue.js';
import { ProposalCommands } from '../../server/proposals/commands.js';
import { Publication } from '../../server/proposals/publication.js';
import { proposalView } from '../../server/proposals/views.js';
import type { ProposalContent, ProposalRecord, SupportRecord } from '../../server/storage/records.js';
import { SqliteProposals } from '../../server/storage/sqliteProposals.js';
import type { Storage } from '../../server/storage/storage.js';
import { draftParagraphs, plainText } from '../../shared/anchors.js';
import { type AnchoredChange, PROPOSALS_MAP, type ProposalView } from '../../shared/proposals.js';
import { draftDocName, proposalsDocName } from '../../shared/protocol.js';

/** The private fields of `Publication` the patches read. */
interface PublicationFields {
  storage: Storage;
  rooms: Rooms;
}

/** The private members of `ProposalCommands` the patches use. */
interface CommandsFields {
  storage: Storage;
  rooms: Rooms;
  publication: Publication;
  queues: Map<string, SerialQueue>;
  stamp(): string;
  serial<T>(negotiationId: string, fn: () => Promise<T>): Promise<T>;
}

/** The SQLite database behind a storage, when it is the SQLite one. */
interface SqliteLike {
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
async function supportsOf(storage: Storage, negotiationId: string, ids: readonly string[]) {
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
function publication(): void {
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

/** An amendment that may become outdated. */
interface Candidate {
  id: string;
  pid: string;
  personId: string;
  outdated: boolean;
  changes: AnchoredChange[];
}

/**
 * Proposed `ProposalStore.openAmendments(negotiationId)`: only the amendments that can become
 * outdated (not applied, open or partly incorporated), filtered in SQL.
 */
async function openAmendments(storage: Storage, negotiationId: string): Promise<Candidate[]> {
  const db = (storage as unknown as SqliteLike).db;
  if (!db) {
    return (await storage.proposals.list(negotiationId))
      .filter(
        (p) =>
          p.kind === 'amend' && !p.appliedAt && (p.status === 'open' || p.status === 'partly-incorporated'),
      )
      .map((p) => ({ ...p, changes: p.content.changes }));
  }
  const rows = db
    .prepare(
      `SELECT id, pid, person_id AS personId, outdated, content FROM proposals
        WHERE negotiation_id = ? AND kind = 'amend' AND applied_at IS NULL
          AND status IN ('open', 'partly-incorporated')`,
    )
    .all(negotiationId) as { id: string; pid: string; personId: string; outdated: number; content: string }[];
  return rows.map((r) => ({
    id: r.id,
    pid: r.pid,
    personId: r.personId,
    outdated: r.outdated === 1,
    changes: (JSON.parse(r.content) as ProposalContent).changes,
  }));
}

function decodePosition(b64: string): Y.RelativePosition {
  const s = atob(b64);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return Y.decodeRelativePosition(bytes);
}

/**
 * Proposed addition to `shared/anchors.ts`: the draft's paragraphs indexed by id, each with its
 * plain text computed once, and `resolveChanges` against that index. Same result as
 * `resolveChanges(doc, pid, changes)`, without a linear search and a text conversion per call.
 */
class ParagraphIndex {
  private readonly byPid = new Map<string, Y.XmlElement>();
  private readonly texts = new Map<string, string>();

  constructor(private readonly doc: Y.Doc) {
    for (const p of draftParagraphs(doc)) if (!this.byPid.has(p.pid)) this.byPid.set(p.pid, p.element);
  }

  resolve(pid: string, changes: readonly AnchoredChange[]): { from: number; to: number }[] | null {
    const element = this.byPid.get(pid);
    if (!element) return null;
    const first = element.firstChild;
    if (!(first instanceof Y.XmlText)) return changes.length === 0 ? [] : null;
    let current = this.texts.get(pid);
    if (current === undefined) {
      current = plainText(first);
      this.texts.set(pid, current);
    }
    const out: { from: number; to: number }[] = [];
    for (const c of changes) {
      let from: Y.AbsolutePosition | null;
      let to: Y.AbsolutePosition | null;
      try {
        from = Y.createAbsolutePositionFromRelativePosition(decodePosition(c.from), this.doc);
        to = Y.createAbsolutePositionFromRelativePosition(decodePosition(c.to), this.doc);
      } catch {
        return null;
      }
      if (!from || !to || from.type !== first || to.type !== first) return null;
      if (from.index > to.index || current.slice(from.index, to.index) !== c.deleted) return null;
      out.push({ from: from.index, to: to.index });
    }
    return out;
  }
}

/**
 * What a paragraph's anchors can resolve against: the ids, lengths and deletion flags of the
 * items of its text. Equal fingerprints give equal resolutions of every anchor into it.
 */
function fingerprint(element: Y.XmlElement | undefined): string {
  const first = element?.firstChild;
  if (!(first instanceof Y.XmlText)) return element ? 'empty' : 'missing';
  let fp = '';
  for (
    let item = (first as unknown as { _start: Y.Item | null })._start;
    item;
    item = item.right as Y.Item | null
  ) {
    fp += `${item.id.client}.${item.id.clock}.${item.length}.${item.deleted ? 1 : 0};`;
  }
  return fp;
}

/** Paragraph fingerprints at the last check, per negotiation. */
const checked = new Map<string, Map<string, string>>();

/**
 * Proposed change in `server/proposals/commands.ts`, `refreshOutdated`: re-check only the
 * amendments of paragraphs whose text changed since the last check (all of them on the first
 * check after start-up), read only those candidates from storage (`openAmendments`) instead of
 * every proposal, and resolve them against a `ParagraphIndex` built once per check instead of
 * `resolveChanges`, which searches the paragraph and converts its text for every amendment.
 */
function outdated(): void {
  ProposalCommands.prototype.refreshOutdated = function (this: ProposalCommands, negotiationId: string) {
    const self = this as unknown as CommandsFields;
    return self.serial(negotiationId, async () => {
      const changed = await self.rooms.withRoom(draftDocName(negotiationId), async (room) => {
        const previous = checked.get(negotiationId);
        const now = new Map(draftParagraphs(room.doc).map((p) => [p.pid, fingerprint(p.element)]));
        const pids = new Set<string>();
        for (const [pid, fp] of now) if (previous?.get(pid) !== fp) pids.add(pid);
        for (const pid of previous?.keys() ?? []) if (!now.has(pid)) pids.add(pid);
        checked.set(negotiationId, now);
        const candidates = (await openAmendments(self.storage, negotiationId)).filter(
          (p) => !previous || pids.has(p.pid),
        );
        if (candidates.length === 0) return [];
        const index = new ParagraphIndex(room.doc);
        const ids: string[] = [];
        for (const p of candidates) {
          const isOutdated = index.resolve(p.pid, p.changes) === null;
          if (isOutdated !== p.outdated) {
            await self.storage.proposals.update(p.id, {
              outdated: isOutdated,
              at: self.stamp(),
              personId: p.personId,
            });
            ids.push(p.id);
          }
        }
        return ids;
      });
      if (changed.length > 0) await self.publication.publish(negotiationId, changed);
    });
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
function supports(): void {
  const proto = SqliteProposals.prototype;
  const original = proto.supports;
  const addSupport = proto.addSupport;
  const removeSupport = proto.removeSupport;
  const cacheOf = (store: object) => {
    let c = supportsCache.get(store);
    if (!c) supportsCache.set(store, (c = new Map()));
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

/** The patches by name. */
export const PATCHES: Record<string, () => void> = { publication, outdated, supports };

/** Applies the named patches; returns the names applied. */
export function applyPatches(names: readonly string[]): string[] {
  const applied: string[] = [];
  for (const name of names) {
    const patch = PATCHES[name];
    if (!patch) throw new Error(`unknown patch ${name}; known: ${Object.keys(PATCHES).join(', ')}`);
    patch();
    applied.push(name);
  }
  return applied;
}
