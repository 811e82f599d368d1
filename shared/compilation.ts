/**
 * The compilation text as a neutral structure: a paragraph's base text with every proposal
 * placed inside it, conflicting proposals on the same words grouped together, new paragraphs
 * numbered bis/ter, alternatives and whole-paragraph proposals after it. Rendered by the
 * client (and later exported); no DOM here.
 */

import { setSpacing } from './bracketSpacing.js';
import { insertSuffix } from './numbering.js';
import { type Piece, readablePieces, styledPieces } from './pieces.js';
import type { ParagraphStatus, ProposalView } from './proposals.js';
import type { ParagraphKind } from './schema.js';
import type { SnapshotRun } from './snapshot.js';

export type { Piece } from './pieces.js';

/** A paragraph of the base text as the compilation needs it. */
export interface CompilationParagraph {
  pid: string;
  kind: ParagraphKind;
  label: string;
  text: string;
  status: ParagraphStatus;
  /**
   * The paragraph's italics and bold (`paragraphRuns`, a snapshot block's runs): base words
   * inside a bracket keep them. Absent: plain.
   */
  runs?: readonly SnapshotRun[] | undefined;
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
  /**
   * Where an amendment stands when `ranges` cannot say it (`AnchorResolver.locate`), one range
   * per change: for an outdated amendment, where the words it targeted were; for an applied one,
   * where the words it put in begin. Absent when unknown: the amendment is then listed after its
   * paragraph.
   */
  located?: { from: number; to: number }[] | null;
}

/** One proposal's reading of a cluster of base words. */
export interface ClusterEntry {
  proposal: ProposalView;
  pieces: Piece[];
}

/** A proposal shown at one place of the text without words of its own there. */
export interface PointEntry {
  proposal: ProposalView;
  /** Outdated: its words were rewritten since; incorporated: an applied deletion. */
  state: 'outdated' | 'incorporated';
  /** The words it struck out and put in, as tabled. */
  pieces: Piece[];
}

/**
 * Part of a compiled paragraph: plain base text; base words that proposals change; a place
 * where outdated amendments targeted words (or an applied one deleted them), which takes no
 * base text; or base words an applied amendment put in, with who proposed them.
 */
export type Segment =
  | { type: 'text'; text: string }
  | ({ type: 'cluster'; from: number; to: number; base: string; entries: ClusterEntry[] } & Spacing)
  | ({ type: 'point'; at: number; entries: PointEntry[] } & Spacing)
  | { type: 'incorporated'; from: number; to: number; text: string; proposal: ProposalView };

/**
 * A space to set before or after the brackets of a cluster or point: one their words stood
 * for (a bracket drops the spaces at its own edges) where the text beside them has none, as in
 * "to [further — EU] strengthen" for the words "further " put in before "strengthen".
 */
export interface Spacing {
  spaceBefore?: true;
  spaceAfter?: true;
}

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
  /**
   * Amendments whose target words were deleted or rewritten since they were tabled and whose
   * place is unknown (those with a known place are `point` segments of the text).
   */
  outdated: ProposalView[];
  /** Proposals already applied to this text that are not marked inside it. */
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

/** A point entry where it stands, with the words it took the place of as tabled (spaces kept). */
type Point = { at: number; words: string } & PointEntry;
type Incorporated = { from: number; to: number; proposal: ProposalView };

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
  const points: Point[] = [];
  const incorporated: Incorporated[] = [];
  const byTime = [...proposals].sort((a, b) => a.proposal.createdAt.localeCompare(b.proposal.createdAt));
  for (const { proposal, ranges, located } of byTime) {
    if (proposal.appliedAt) {
      const marks = proposal.kind === 'amend' ? incorporationOf(para.text, proposal, located) : null;
      if (marks) {
        points.push(...marks.points);
        incorporated.push(...marks.ranges);
      } else out.applied.push(proposal);
      continue;
    }
    switch (proposal.kind) {
      case 'amend': {
        const inPlace = placedRanges(para.text, { proposal, ranges });
        if (inPlace)
          proposal.changes.forEach((c, i) => {
            items.push({ ...inPlace[i]!, deleted: c.deleted, inserted: c.inserted, proposal });
          });
        else if (located?.[0] && located[0].from <= para.text.length)
          points.push({
            at: located[0].from,
            words: proposal.changes[0]?.deleted || proposal.changes[0]?.inserted || '',
            proposal,
            state: 'outdated',
            pieces: changePieces(proposal),
          });
        else out.outdated.push(proposal);
        break;
      }
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
  out.segments = segmentsOf(para, items, points, incorporated, out.applied);
  return out;
}

/** The words an amendment strikes out and puts in, change after change ("struck put in … next"). */
export function changePieces(p: { changes: readonly { deleted: string; inserted: string }[] }): Piece[] {
  return readablePieces(
    p.changes.flatMap((c, i): Piece[] => [
      ...(i > 0 ? [{ kind: 'text' as const, text: ' … ' }] : []),
      { kind: 'del', text: c.deleted.trim() },
      { kind: 'ins', text: c.inserted.trim() },
    ]),
  );
}

/**
 * Where an applied amendment's words stand in the text: the words each change put in, found
 * where its anchor now resolves (or just before it), and a point for each change that only
 * deleted. Null when any change's words are no longer there as they were put in.
 */
function incorporationOf(
  text: string,
  p: ProposalView,
  located: readonly { from: number; to: number }[] | null | undefined,
): { points: Point[]; ranges: Incorporated[] } | null {
  if (!located || located.length !== p.changes.length) return null;
  const points: Point[] = [];
  const ranges: Incorporated[] = [];
  for (const [i, c] of p.changes.entries()) {
    const at = located[i]!.from;
    if (at > text.length) return null;
    const words = c.inserted.trim();
    if (words === '') {
      points.push({
        at,
        words: c.deleted,
        proposal: p,
        state: 'incorporated',
        pieces: [{ kind: 'del', text: c.deleted.trim() }],
      });
      continue;
    }
    const lead = c.inserted.length - c.inserted.trimStart().length;
    const start =
      text.slice(at, at + c.inserted.length) === c.inserted
        ? at
        : text.slice(at - c.inserted.length, at) === c.inserted
          ? at - c.inserted.length
          : -1;
    if (start < 0) return null;
    ranges.push({ from: start + lead, to: start + lead + words.length, proposal: p });
  }
  return { points, ranges };
}

/**
 * Where an amendment's changes stand in `text` and are bracketed there: its ranges when it is
 * not outdated and each range still covers exactly the words its change targeted; else null
 * (the amendment is then shown at a point or after its paragraph).
 */
export function placedRanges(
  text: string,
  { proposal, ranges }: Pick<ResolvedProposal, 'proposal' | 'ranges'>,
): { from: number; to: number }[] | null {
  return !proposal.outdated && ranges && rangesMatch(text, proposal, ranges) ? ranges : null;
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

function segmentsOf(
  para: CompilationParagraph,
  items: Item[],
  points: Point[],
  incorporated: Incorporated[],
  unplaced: ProposalView[],
): Segment[] {
  const { text, runs } = para;
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
  // Incorporated words are marked only where no open proposal's brackets are (the brackets
  // win); an applied amendment that cannot be marked whole is listed after the paragraph.
  const marked: Incorporated[] = [];
  const dropped = new Set<ProposalView>();
  for (const r of [...incorporated].sort((a, b) => a.from - b.from)) {
    const clash = [...clusters, ...marked].some((c) => r.from < c.to && c.from < r.to);
    if (clash) dropped.add(r.proposal);
    else marked.push(r);
  }
  for (const p of dropped) unplaced.push(p);
  const ranges: (
    | { from: number; to: number; cluster: (typeof clusters)[number] }
    | { from: number; to: number; mark: Incorporated }
  )[] = [
    ...clusters.map((c) => ({ from: c.from, to: c.to, cluster: c })),
    ...marked.filter((r) => !dropped.has(r.proposal)).map((r) => ({ from: r.from, to: r.to, mark: r })),
  ].sort((a, b) => a.from - b.from);
  // A point inside a range of words is shown before them.
  const placed = points
    .filter((pt) => !(pt.state === 'incorporated' && dropped.has(pt.proposal)))
    .map((pt) => {
      const inside = ranges.find((r) => r.from < pt.at && pt.at < r.to);
      return { ...pt, at: inside ? inside.from : pt.at };
    })
    .sort((a, b) => a.at - b.at);

  const segments: Segment[] = [];
  /** The words each point segment's entries took the place of, for its spacing. */
  const pointWords = new Map<Segment, string[]>();
  let at = 0;
  let next = 0;
  const flushPoints = (upTo: number) => {
    while (next < placed.length && placed[next]!.at <= upTo) {
      const here = placed[next]!.at;
      if (here > at) segments.push({ type: 'text', text: text.slice(at, here) });
      at = Math.max(at, here);
      const entries: PointEntry[] = [];
      const words: string[] = [];
      while (next < placed.length && placed[next]!.at === here) {
        const { proposal, state, pieces, words: stood } = placed[next++]!;
        entries.push({ proposal, state, pieces });
        words.push(stood);
      }
      const point: Segment = { type: 'point', at: here, entries };
      pointWords.set(point, words);
      segments.push(point);
    }
  };
  for (const r of ranges) {
    flushPoints(r.from);
    if (r.from > at) segments.push({ type: 'text', text: text.slice(at, r.from) });
    if ('cluster' in r) {
      const c = r.cluster;
      segments.push({
        type: 'cluster',
        from: c.from,
        to: c.to,
        base: text.slice(c.from, c.to),
        entries: c.items
          .sort((a, b) => a.proposal.createdAt.localeCompare(b.proposal.createdAt))
          .map((item) => ({ proposal: item.proposal, pieces: piecesOf(text, runs, c, item) })),
      });
    } else {
      segments.push({
        type: 'incorporated',
        from: r.from,
        to: r.to,
        text: text.slice(r.from, r.to),
        proposal: r.mark.proposal,
      });
    }
    at = r.to;
  }
  flushPoints(text.length);
  if (at < text.length || segments.length === 0) segments.push({ type: 'text', text: text.slice(at) });
  for (const s of segments)
    if (s.type === 'cluster' || s.type === 'point') setSpacing(text, s, pointWords.get(s));
  return segments;
}

/** Offset in the paragraph's text where each segment starts (a point takes no text). */
export function segmentStarts(segments: readonly Segment[]): number[] {
  let at = 0;
  return segments.map((s) => {
    if (s.type === 'text') {
      const start = at;
      at += s.text.length;
      return start;
    }
    if (s.type === 'point') {
      at = s.at;
      return at;
    }
    at = s.to;
    return s.from;
  });
}

/**
 * One proposal's bracket in a cluster: the cluster's base words before its own, its deleted
 * words (both with the paragraph's marks), its inserted words (plain: proposals are plain
 * text), the cluster's words after, made readable.
 */
function piecesOf(
  text: string,
  runs: readonly SnapshotRun[] | undefined,
  cluster: { from: number; to: number },
  item: Item,
): Piece[] {
  return readablePieces([
    ...styledPieces('text', text.slice(cluster.from, item.from), cluster.from, runs),
    ...styledPieces('del', item.deleted, item.from, runs),
    ...styledPieces('ins', item.inserted, item.to),
    ...styledPieces('text', text.slice(item.to, cluster.to), item.to, runs),
  ]);
}
