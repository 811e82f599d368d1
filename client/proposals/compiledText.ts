/**
 * The compilation text of the live draft: the base text read from the draft's Y.Doc, numbered,
 * with each paragraph compiled together with its proposals (anchors resolved in this very copy
 * of the document, so they follow the co-facilitators' edits as they happen).
 */
import * as Y from 'yjs';
import { AnchorResolver, paragraphPlainText, paragraphRuns } from '../../shared/anchors.js';
import { type Collision, findCollisions } from '../../shared/collisions.js';
import { type CompiledParagraph, compileParagraph, type ResolvedProposal } from '../../shared/compilation.js';
import type { NegotiationState } from '../../shared/negotiationState.js';
import {
  type InsertCandidate,
  insertionPoint,
  insertProposalLabels,
  type NumberingBasis,
  numberWithBasis,
  type ParagraphRef,
  shownAfter,
} from '../../shared/numbering.js';
import {
  isLive,
  type ParagraphStatus,
  type ProposalStatus,
  type ProposalView,
} from '../../shared/proposals.js';
import { DRAFT_FRAGMENT, isParagraphType } from '../../shared/schema.js';
import { isTraced } from '../../shared/shownProposals.js';
import type { SnapshotRun } from '../../shared/snapshot.js';
import { messages } from '../i18n/messages.js';

/** A block of the compilation text in order. */
export type CompiledBlock =
  | { type: 'title'; text: string }
  | { type: 'section'; text: string; key: string }
  | {
      type: 'paragraph';
      paragraph: CompiledParagraph;
      text: string;
      runs: SnapshotRun[];
      proposals: ProposalView[];
      /** The paragraph's open proposals that change the same words (whatever the filter shows). */
      collisions: Collision[];
    };

/** Which proposals the reader wants to see. */
export interface ProposalFilter {
  delegation: string | null;
  kind: ProposalView['kind'] | null;
  status: ProposalStatus | null;
}

/** The default filter: every delegation and kind, open proposals only. */
export const DEFAULT_FILTER: ProposalFilter = { delegation: null, kind: null, status: 'open' };

/** True when a proposal passes a filter. */
export function passes(p: ProposalView, f: ProposalFilter): boolean {
  if (
    f.delegation &&
    p.delegation.code !== f.delegation &&
    !p.supporters.some((s) => s.code === f.delegation)
  )
    return false;
  if (f.kind && p.kind !== f.kind) return false;
  if (f.status && p.status !== f.status) return false;
  return true;
}

/**
 * The proposals the compilation may bracket: all but the open ones of readings already closed
 * (left undecided before closing required a decision on each), which are no longer live. Until
 * the board knows where the negotiation stands, all of them.
 */
export function liveProposals(board: {
  proposals: readonly ProposalView[];
  negotiation: NegotiationState | null;
}): readonly ProposalView[] {
  if (!board.negotiation) return board.proposals;
  const live = liveTest(board.negotiation);
  return board.proposals.filter((p) => p.status !== 'open' || live(p));
}

/**
 * Whether a proposal is live where the negotiation stands (`isLive`); until that is known, every
 * open proposal counts as live.
 */
export function liveTest(
  negotiation: NegotiationState | null,
): (p: Pick<ProposalView, 'status' | 'readingId'>) => boolean {
  if (!negotiation) return (p) => p.status === 'open';
  const openReadingId = negotiation.openReading?.id ?? null;
  return (p) => isLive(p, openReadingId);
}

/**
 * Compiles the whole draft with the proposals that pass `filter` (none for the clean text),
 * numbered against `numbering`, the basis of the reading (in order when it is empty), with the
 * words that proposals applied in reading `traced` put in marked as theirs (`traceReading` of
 * the published state; none while it is unknown).
 */
export function compileDraft(
  doc: Y.Doc,
  proposals: readonly ProposalView[],
  statuses: Readonly<Record<string, ParagraphStatus>>,
  filter: ProposalFilter | null,
  numbering: NumberingBasis = new Map(),
  traced: string | null = null,
): CompiledBlock[] {
  const children = doc.getXmlFragment(DRAFT_FRAGMENT).toArray();
  const refs = paragraphRefs(doc);
  const numbered = numberWithBasis(refs, numbering);
  const labels = new Map(numbered.map((p) => [p.pid, p.label]));
  const insertLabels = insertProposalLabels(numbered, proposals);
  // Each paragraph's own proposals (for its count), and those shown after it: a proposed new
  // paragraph after the last one of its series, where applying it would put it.
  const byPid = groupBy(proposals, (p) => p.pid);
  const shownAt = groupBy(proposals, (p) => shownAfter(numbered, p));
  const blocks: CompiledBlock[] = [];
  const anchors = new AnchorResolver(doc);
  children.forEach((child, i) => {
    if (!(child instanceof Y.XmlElement)) return;
    const text = paragraphPlainText(child);
    if (child.nodeName === 'title') blocks.push({ type: 'title', text });
    else if (child.nodeName === 'section') blocks.push({ type: 'section', text, key: `s${i}` });
    else if (isParagraphType(child.nodeName)) {
      const pid = String(child.getAttribute('pid') ?? '');
      const all = byPid.get(pid) ?? [];
      const shown = filter
        ? (shownAt.get(pid) ?? []).filter((p) => passes(p, filter) || tracedThrough(p, filter, traced))
        : [];
      const resolved = shown.map((p) => resolveProposal(anchors, p));
      const runs = paragraphRuns(child);
      const paragraph = compileParagraph(
        {
          pid,
          kind: child.nodeName,
          label: labels.get(pid) ?? '',
          text,
          status: statuses[pid] ?? 'pending',
          runs,
          insertLabels,
        },
        resolved,
      );
      const open = all.filter((p) => p.status === 'open').map((p) => resolveProposal(anchors, p));
      const collisions = findCollisions(text, open);
      blocks.push({ type: 'paragraph', paragraph, text, runs, proposals: all, collisions });
    }
  });
  if (filter)
    blocks.push(...removedParagraphs(proposals, new Set(refs.map((r) => r.pid)), filter, numbering));
  return blocks;
}

/** The numbered paragraphs of the live draft, in order. */
function paragraphRefs(doc: Y.Doc): ParagraphRef[] {
  return doc
    .getXmlFragment(DRAFT_FRAGMENT)
    .toArray()
    .flatMap((c) =>
      c instanceof Y.XmlElement && isParagraphType(c.nodeName)
        ? [{ pid: String(c.getAttribute('pid') ?? ''), kind: c.nodeName }]
        : [],
    );
}

/**
 * Where a new paragraph proposed after `pid` is shown (after which paragraph: the last of
 * `pid`'s series, `insertionPoint`) and its number: that of tabled proposal `proposalId`, else
 * the one a new proposal would get now (OP5bis, then OP5ter …). Null when `pid` is not numbered.
 */
export function newParagraphPlace(
  doc: Y.Doc,
  proposals: readonly InsertCandidate[],
  numbering: NumberingBasis,
  pid: string,
  proposalId?: string,
): { after: string; label: string } | null {
  const numbered = numberWithBasis(paragraphRefs(doc), numbering);
  const after = insertionPoint(numbered, pid);
  if (!after) return null;
  // A proposal not yet tabled: open, and the newest of all.
  const candidate: InsertCandidate = {
    id: '',
    pid,
    kind: 'insert',
    status: 'open',
    appliedAt: null,
    createdAt: '\uffff',
  };
  const labels = insertProposalLabels(numbered, proposalId ? proposals : [...proposals, candidate]);
  const label = labels.get(proposalId ?? '');
  return label ? { after, label } : null;
}

/**
 * Proposals whose paragraph the co-facilitators removed from the text do not vanish with it:
 * after the text, under a heading, each such paragraph stands (by its number in the reading's
 * basis) marked deleted, with its proposals that pass `filter`, to be seen, selected, withdrawn
 * and decided like any other.
 */
function removedParagraphs(
  proposals: readonly ProposalView[],
  present: ReadonlySet<string>,
  filter: ProposalFilter,
  numbering: NumberingBasis,
): CompiledBlock[] {
  const gone = groupBy(
    proposals.filter((p) => !present.has(p.pid) && passes(p, filter)),
    (p) => p.pid,
  );
  if (gone.size === 0) return [];
  const m = messages.proposals.removed;
  const blocks: CompiledBlock[] = [{ type: 'section', text: m.heading, key: 'removed' }];
  for (const [pid, shown] of gone) {
    const label = numbering.get(pid) ?? '';
    const paragraph = compileParagraph(
      {
        pid,
        kind: label.startsWith('PP') ? 'preambular' : 'operative',
        label,
        text: '',
        status: 'deleted',
        insertLabels: new Map(),
      },
      shown.map((p) => ({ proposal: p, ranges: null })),
    );
    const all = proposals.filter((p) => p.pid === pid);
    blocks.push({ type: 'paragraph', paragraph, text: '', runs: [], proposals: all, collisions: [] });
  }
  return blocks;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * True when an applied proposal is shown as a trace of what came from whom: applied in the
 * traced reading, of a delegation and kind the filter lets through, and the filter asks for
 * open proposals, for all, or for this one's status.
 */
function tracedThrough(p: ProposalView, filter: ProposalFilter, traced: string | null): boolean {
  if (!isTraced(p, traced) || !passes(p, { ...filter, status: null })) return false;
  return filter.status === null || filter.status === 'open' || filter.status === p.status;
}

/** A proposal with its amendment's words found in the text: in place, or where they were or went. */
function resolveProposal(anchors: AnchorResolver, p: ProposalView): ResolvedProposal {
  if (p.kind !== 'amend') return { proposal: p, ranges: null };
  const ranges = p.appliedAt ? null : anchors.resolve(p.pid, p.changes);
  if (ranges && !p.outdated) return { proposal: p, ranges };
  return { proposal: p, ranges, located: anchors.locate(p.pid, p.changes) };
}
