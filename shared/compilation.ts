/**
 * The compilation text as a neutral structure: a paragraph's base text with every proposal
 * placed inside it, conflicting proposals on the same words grouped together, new paragraphs
 * numbered bis/ter, alternatives and whole-paragraph proposals after it. Rendered by the
 * client (and later exported); no DOM here.
 */
import { insertSuffix } from './numbering.js';
import type { ParagraphStatus, ProposalView } from './proposals.js';
import type { ParagraphKind } from './schema.js';

/** A paragraph of the base text as the compilation needs it. */
export interface CompilationParagraph {
  pid: string;
  kind: ParagraphKind;
  label: string;
  text: string;
  status: ParagraphStatus;
  /**
   * Labels of the new paragraphs proposed after this one, by proposal id, coherent with the
   * numbering of the whole text (`insertProposalLabels` in `numbering.ts`); without them the
   * proposals after this paragraph are numbered bis, ter … in the order given.
   */
  insertLabels?: ReadonlyMap<string, string>;
}

/** A proposal with its amendment changes resolved to offsets in the current base text. */
export interface ResolvedProposal {
  proposal: ProposalView;
  /** One range per change of an amendment; null when its anchors no longer resolve. */
  ranges: { from: number; to: number }[] | null;
}

/** A run of text inside a bracket: unchanged context, deleted words, or inserted words. */
export interface Piece {
  kind: 'text' | 'del' | 'ins';
  text: string;
}

/** One proposal's reading of a cluster of base words. */
export interface ClusterEntry {
  proposal: ProposalView;
  pieces: Piece[];
}

/** Part of a compiled paragraph: plain base text, or base words that proposals change. */
export type Segment =
  | { type: 'text'; text: string }
  | { type: 'cluster'; from: number; to: number; base: string; entries: ClusterEntry[] };

/** A paragraph of the compilation text. */
export interface CompiledParagraph {
  pid: string;
  kind: ParagraphKind;
  label: string;
  status: ParagraphStatus;
  segments: Segment[];
  /** Proposals to delete or to retain the whole paragraph. */
  wholeParagraph: ProposalView[];
  /** Alternative texts ("OP5 alt"). */
  alternatives: ProposalView[];
  comments: ProposalView[];
  /** Amendments whose target words were deleted or rewritten since they were tabled. */
  outdated: ProposalView[];
  /** Proposals already applied to this text (not shown again inside or after it). */
  applied: ProposalView[];
  /** New paragraphs proposed after this one, numbered OP3bis, OP3ter … */
  inserts: { label: string; proposal: ProposalView }[];
}

interface Item {
  from: number;
  to: number;
  deleted: string;
  inserted: string;
  proposal: ProposalView;
}

/** Compiles one paragraph with the proposals that target it. */
export function compileParagraph(
  para: CompilationParagraph,
  proposals: readonly ResolvedProposal[],
): CompiledParagraph {
  const out: CompiledParagraph = {
    pid: para.pid,
    kind: para.kind,
    label: para.label,
    status: para.status,
    segments: [],
    wholeParagraph: [],
    alternatives: [],
    comments: [],
    outdated: [],
    applied: [],
    inserts: [],
  };
  const items: Item[] = [];
  const byTime = [...proposals].sort((a, b) => a.proposal.createdAt.localeCompare(b.proposal.createdAt));
  for (const { proposal, ranges } of byTime) {
    if (proposal.appliedAt) {
      out.applied.push(proposal);
      continue;
    }
    switch (proposal.kind) {
      case 'amend':
        if (proposal.outdated || !ranges || !rangesMatch(para.text, proposal, ranges))
          out.outdated.push(proposal);
        else
          proposal.changes.forEach((c, i) => {
            items.push({ ...ranges[i]!, deleted: c.deleted, inserted: c.inserted, proposal });
          });
        break;
      case 'delete':
      case 'retain':
        out.wholeParagraph.push(proposal);
        break;
      case 'alt':
        out.alternatives.push(proposal);
        break;
      case 'comment':
        out.comments.push(proposal);
        break;
      case 'insert':
        out.inserts.push({
          label:
            para.insertLabels?.get(proposal.id) ?? `${para.label}${insertSuffix(out.inserts.length + 1)}`,
          proposal,
        });
        break;
    }
  }
  out.segments = segmentsOf(para.text, items);
  return out;
}

/** True when every range still covers exactly the words its change targeted. */
function rangesMatch(
  text: string,
  p: ProposalView,
  ranges: readonly { from: number; to: number }[],
): boolean {
  return (
    ranges.length === p.changes.length &&
    ranges.every(
      (r, i) => r.from <= r.to && r.to <= text.length && text.slice(r.from, r.to) === p.changes[i]!.deleted,
    )
  );
}

function segmentsOf(text: string, items: Item[]): Segment[] {
  items.sort((a, b) => a.from - b.from || a.to - b.to);
  const clusters: { from: number; to: number; items: Item[] }[] = [];
  for (const item of items) {
    const last = clusters.at(-1);
    if (last && (item.from < last.to || item.from === last.from)) {
      last.to = Math.max(last.to, item.to);
      last.items.push(item);
    } else {
      clusters.push({ from: item.from, to: item.to, items: [item] });
    }
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const c of clusters) {
    if (c.from > at) segments.push({ type: 'text', text: text.slice(at, c.from) });
    segments.push({
      type: 'cluster',
      from: c.from,
      to: c.to,
      base: text.slice(c.from, c.to),
      entries: c.items
        .sort((a, b) => a.proposal.createdAt.localeCompare(b.proposal.createdAt))
        .map((item) => ({ proposal: item.proposal, pieces: piecesOf(text, c, item) })),
    });
    at = c.to;
  }
  if (at < text.length || segments.length === 0) segments.push({ type: 'text', text: text.slice(at) });
  return segments;
}

function piecesOf(text: string, cluster: { from: number; to: number }, item: Item): Piece[] {
  const pieces: Piece[] = [
    { kind: 'text', text: text.slice(cluster.from, item.from) },
    { kind: 'del', text: item.deleted },
    { kind: 'ins', text: item.inserted },
    { kind: 'text', text: text.slice(item.to, cluster.to) },
  ];
  return pieces.filter((p) => p.text !== '');
}
