/** Building the canonical form of the draft and its proposals at this moment. */
import * as Y from 'yjs';
import { AnchorResolver, paragraphRuns } from '../../shared/anchors.js';
import type { ResolvedProposal } from '../../shared/compilation.js';
import {
  type NumberingBasis,
  numberParagraphs,
  numberWithBasis,
  type ParagraphRef,
  renumberingTable,
} from '../../shared/numbering.js';
import type { ParagraphStatus } from '../../shared/proposals.js';
import { DRAFT_FRAGMENT, isParagraphType } from '../../shared/schema.js';
import type { CanonicalSnapshot, SnapshotBlock, SnapshotKind } from '../../shared/snapshot.js';
import { proposalViews } from '../proposals/views.js';
import type { ProposalRecord, SupportRecord } from '../storage/records.js';

/** How a snapshot's paragraphs are numbered (`shared/numbering.ts`). */
export interface SnapshotNumbering {
  /** The labels of the latest circulated revision (empty before the first). */
  basis: NumberingBasis;
  /**
   * True for a revision being circulated: paragraphs are numbered afresh, and when there was a
   * basis the snapshot records the table of old → new numbers.
   */
  renumber?: boolean;
}

function elementsOf(doc: Y.Doc): Y.XmlElement[] {
  return doc
    .getXmlFragment(DRAFT_FRAGMENT)
    .toArray()
    .filter((c): c is Y.XmlElement => c instanceof Y.XmlElement);
}

function refsOf(children: readonly Y.XmlElement[]): ParagraphRef[] {
  return children.flatMap((c) =>
    isParagraphType(c.nodeName) ? [{ pid: String(c.getAttribute('pid') ?? ''), kind: c.nodeName }] : [],
  );
}

/** The blocks of a draft document, numbered against `basis` (in order when it is empty or absent). */
export function blocksOf(doc: Y.Doc, basis?: NumberingBasis): SnapshotBlock[] {
  const children = elementsOf(doc);
  const labels = numberParagraphs(refsOf(children), basis);
  return children.flatMap((c): SnapshotBlock[] => {
    const runs = paragraphRuns(c);
    const text = runs.map((r) => r.text).join('');
    if (c.nodeName === 'title' || c.nodeName === 'section') return [{ type: c.nodeName, text, runs }];
    if (isParagraphType(c.nodeName)) {
      const pid = String(c.getAttribute('pid') ?? '');
      return [{ type: c.nodeName, pid, label: labels.get(pid) ?? '', text, runs }];
    }
    return [];
  });
}

/** The canonical snapshot of `doc` with `proposals` (resolved against it) and paragraph statuses. */
export function snapshotOf(args: {
  negotiationId: string;
  kind: SnapshotKind;
  label: string;
  takenAt: string;
  doc: Y.Doc;
  proposals: readonly ProposalRecord[];
  supports: readonly SupportRecord[];
  statuses: readonly { pid: string; status: ParagraphStatus }[];
  /** Numbered in order when absent. */
  numbering?: SnapshotNumbering;
}): CanonicalSnapshot {
  const anchors = new AnchorResolver(args.doc);
  const basis = args.numbering?.basis ?? new Map<string, string>();
  const renumber = args.numbering?.renumber === true;
  const blocks = blocksOf(args.doc, renumber ? undefined : basis);
  const snapshot: CanonicalSnapshot = {
    format: 1,
    negotiationId: args.negotiationId,
    kind: args.kind,
    label: args.label,
    takenAt: args.takenAt,
    blocks,
    proposals: proposalViews(args.proposals, args.supports).map((view, i): ResolvedProposal => {
      const p = args.proposals[i]!;
      if (p.kind !== 'amend') return { proposal: view, ranges: null };
      const ranges = anchors.resolve(p.pid, p.content.changes);
      // An outdated amendment records where its words were, to be shown there; an applied one
      // where the words it put in begin, to be marked as its in the compilation.
      if (ranges && !p.appliedAt) return { proposal: view, ranges };
      return { proposal: view, ranges, located: anchors.locate(p.pid, p.content.changes) };
    }),
    paragraphStatuses: Object.fromEntries(args.statuses.map((s) => [s.pid, s.status])),
  };
  if (renumber && basis.size > 0) {
    const after = new Map(blocks.flatMap((b) => (b.pid !== undefined ? [[b.pid, b.label ?? '']] : [])));
    snapshot.renumbering = renumberingTable(
      numberWithBasis(refsOf(elementsOf(args.doc)), basis),
      after,
      basis,
    );
  }
  return snapshot;
}
