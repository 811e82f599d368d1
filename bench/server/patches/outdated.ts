/** Proposed change to the check of outdated amendments: only changed paragraphs, only candidate rows, one index. */
import * as Y from 'yjs';
import type { Rooms } from '../../../server/collab/rooms.js';
import type { SerialQueue } from '../../../server/collab/serialQueue.js';
import { ProposalCommands } from '../../../server/proposals/commands.js';
import type { Publication } from '../../../server/proposals/publication.js';
import type { ProposalContent } from '../../../server/storage/records.js';
import type { Storage } from '../../../server/storage/storage.js';
import { draftParagraphs, plainText } from '../../../shared/anchors.js';
import type { AnchoredChange } from '../../../shared/proposals.js';
import { draftDocName } from '../../../shared/protocol.js';
import type { SqliteLike } from './publication.js';

/** The private members of `ProposalCommands` the patches use. */
interface CommandsFields {
  storage: Storage;
  rooms: Rooms;
  publication: Publication;
  queues: Map<string, SerialQueue>;
  stamp(): string;
  serial<T>(negotiationId: string, fn: () => Promise<T>): Promise<T>;
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
export function outdated(): void {
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
