/** Building the canonical form of the draft and its proposals at this moment. */
import * as Y from 'yjs';
import { AnchorResolver, paragraphRuns } from '../../shared/anchors.js';
import type { ResolvedProposal } from '../../shared/compilation.js';
import { numberParagraphs } from '../../shared/numbering.js';
import type { ParagraphStatus } from '../../shared/proposals.js';
import { DRAFT_FRAGMENT, isParagraphType } from '../../shared/schema.js';
import type { CanonicalSnapshot, SnapshotBlock, SnapshotKind } from '../../shared/snapshot.js';
import { proposalViews } from '../proposals/views.js';
import type { ProposalRecord, SupportRecord } from '../storage/records.js';

/** The blocks of a draft document, numbered. */
export function blocksOf(doc: Y.Doc): SnapshotBlock[] {
  const children = doc
    .getXmlFragment(DRAFT_FRAGMENT)
    .toArray()
    .filter((c): c is Y.XmlElement => c instanceof Y.XmlElement);
  const labels = numberParagraphs(
    children.flatMap((c) =>
      isParagraphType(c.nodeName) ? [{ pid: String(c.getAttribute('pid') ?? ''), kind: c.nodeName }] : [],
    ),
  );
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
}): CanonicalSnapshot {
  const anchors = new AnchorResolver(args.doc);
  return {
    format: 1,
    negotiationId: args.negotiationId,
    kind: args.kind,
    label: args.label,
    takenAt: args.takenAt,
    blocks: blocksOf(args.doc),
    proposals: proposalViews(args.proposals, args.supports).map((view, i): ResolvedProposal => {
      const p = args.proposals[i]!;
      if (p.kind !== 'amend') return { proposal: view, ranges: null };
      const ranges = anchors.resolve(p.pid, p.content.changes);
      // An outdated amendment records where its words were, to be shown there.
      if (ranges || p.appliedAt) return { proposal: view, ranges };
      return { proposal: view, ranges, located: anchors.locate(p.pid, p.content.changes) };
    }),
    paragraphStatuses: Object.fromEntries(args.statuses.map((s) => [s.pid, s.status])),
  };
}
