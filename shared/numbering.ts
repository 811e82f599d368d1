/**
 * Paragraph numbering: PP1, PP2 … for preambular paragraphs and OP1, OP2 … for operative
 * paragraphs, derived from document order and never stored in the text.
 *
 * Numbers are stable within a reading. The numbering basis is the labels of the latest
 * circulated revision: a paragraph in the basis keeps its label wherever it stands; a paragraph
 * added after basis paragraph OP16 is OP16bis, the next one OP16ter; one added before the first
 * basis paragraph of its part is OP0, then OP0bis; a basis paragraph whose kind changed is
 * numbered as a new paragraph of its new kind, and the number of a basis paragraph that is gone
 * is not reused. Paragraphs are renumbered 1, 2, 3 … only when the next revision is circulated,
 * which records the table of old → new numbers (`renumberingTable`). Before any revision is
 * circulated (an empty basis), paragraphs are numbered in order.
 */
import type { Node } from 'prosemirror-model';
import type { ProposalView } from './proposals.js';
import { isParagraphType, type ParagraphKind } from './schema.js';

/** A paragraph as numbering sees it. */
export interface ParagraphRef {
  pid: string;
  kind: ParagraphKind;
}

/**
 * The labels of the latest circulated revision by paragraph id ("PP3", "OP16"): the numbers that
 * hold during a reading. Empty before the first revision is circulated.
 */
export type NumberingBasis = ReadonlyMap<string, string>;

/** A paragraph with its number and the series it belongs to. */
export interface NumberedParagraph extends ParagraphRef {
  /** "OP16", "OP16bis", "OP0" … */
  label: string;
  /**
   * The label its series is named after: a basis paragraph's own label ("OP16"), which the
   * paragraphs added after it share ("OP16bis" is in series "OP16"); "OP0" for paragraphs added
   * before the first basis paragraph of their part. Without a basis every paragraph is a series.
   */
  series: string;
  /** 0 for the paragraph the series is named after, then 1, 2 … for those added after it. */
  index: number;
}

const PREFIX: Record<ParagraphKind, string> = { preambular: 'PP', operative: 'OP' };

/** Latin ordinal suffixes used for inserted paragraphs: OP3bis, OP3ter, OP3quater … */
export const INSERT_SUFFIXES = [
  'bis',
  'ter',
  'quater',
  'quinquies',
  'sexies',
  'septies',
  'octies',
  'novies',
  'decies',
] as const;

/** Suffix for the n-th paragraph inserted after the same one (n starting at 1). */
export function insertSuffix(n: number): string {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`insert index must be a positive integer, got ${n}`);
  return INSERT_SUFFIXES[n - 1] ?? `(${n + 1})`;
}

/** The series named after paragraphs added before the first basis paragraph of a part: "PP0", "OP0". */
function leadingSeries(kind: ParagraphKind): string {
  return `${PREFIX[kind]}0`;
}

/**
 * The label of the `index`-th paragraph of a series: "OP16" (0), "OP16bis" (1), "OP16ter" (2).
 * The leading series has no paragraph of its own, so its first added paragraph is "OP0", then
 * "OP0bis".
 */
export function seriesLabel(series: string, index: number): string {
  if (/^(PP|OP)0$/.test(series)) return index <= 1 ? series : `${series}${insertSuffix(index - 1)}`;
  return index === 0 ? series : `${series}${insertSuffix(index)}`;
}

/** The kind a label's prefix names ("PP…" preambular, "OP…" operative), or null. */
export function labelKind(label: string): ParagraphKind | null {
  if (label.startsWith(PREFIX.preambular)) return 'preambular';
  if (label.startsWith(PREFIX.operative)) return 'operative';
  return null;
}

/**
 * Numbers paragraphs in order against a basis (see the module comment); sequentially when the
 * basis is empty or not given. Linear in the number of paragraphs.
 */
export function numberWithBasis(
  paragraphs: readonly ParagraphRef[],
  basis: NumberingBasis = new Map(),
): NumberedParagraph[] {
  if (basis.size === 0) {
    const counters: Record<ParagraphKind, number> = { preambular: 0, operative: 0 };
    return paragraphs.map((p) => {
      counters[p.kind] += 1;
      const label = `${PREFIX[p.kind]}${counters[p.kind]}`;
      return { ...p, label, series: label, index: 0 };
    });
  }
  const current: Record<ParagraphKind, { series: string; index: number }> = {
    preambular: { series: leadingSeries('preambular'), index: 0 },
    operative: { series: leadingSeries('operative'), index: 0 },
  };
  const used = new Set<string>();
  return paragraphs.map((p) => {
    const kept = basis.get(p.pid);
    if (kept !== undefined && labelKind(kept) === p.kind && !used.has(kept)) {
      used.add(kept);
      current[p.kind] = { series: kept, index: 0 };
      return { ...p, label: kept, series: kept, index: 0 };
    }
    const run = current[p.kind];
    run.index += 1;
    return { ...p, label: seriesLabel(run.series, run.index), series: run.series, index: run.index };
  });
}

/** Labels for the given paragraphs in order, keyed by paragraph id (see `numberWithBasis`). */
export function numberParagraphs(
  paragraphs: readonly ParagraphRef[],
  basis?: NumberingBasis,
): Map<string, string> {
  return new Map(numberWithBasis(paragraphs, basis).map((p) => [p.pid, p.label]));
}

/**
 * Labels of new paragraphs proposed after others (insert proposals), in the order given: each
 * continues the series of the paragraph it follows after the paragraphs already in that series,
 * so that "OP16bis" proposed while the text has OP16bis already is "OP16ter", and applying it
 * (after the last paragraph of its series, `insertionPoint`) keeps that label.
 */
export function proposedInsertLabels(
  numbered: readonly NumberedParagraph[],
  inserts: readonly { id: string; pid: string }[],
): Map<string, string> {
  const byPid = new Map(numbered.map((p) => [p.pid, p]));
  const taken = new Map<string, number>();
  for (const p of numbered) taken.set(p.series, Math.max(taken.get(p.series) ?? 0, p.index));
  const out = new Map<string, string>();
  for (const ins of inserts) {
    const after = byPid.get(ins.pid);
    if (!after) continue;
    const index = (taken.get(after.series) ?? 0) + 1;
    taken.set(after.series, index);
    out.set(ins.id, seriesLabel(after.series, index));
  }
  return out;
}

/** A proposal as the numbering of proposed new paragraphs needs it. */
export type InsertCandidate = Pick<
  ProposalView,
  'id' | 'pid' | 'kind' | 'status' | 'appliedAt' | 'createdAt'
>;

/**
 * Labels of the new paragraphs proposed by insert proposals not yet applied (`proposedInsertLabels`):
 * open ones first, oldest first, so that a withdrawn or set-aside proposal never takes the
 * number an open one would get.
 */
export function insertProposalLabels(
  numbered: readonly NumberedParagraph[],
  proposals: readonly InsertCandidate[],
): Map<string, string> {
  const inserts = proposals
    .filter((p) => p.kind === 'insert' && !p.appliedAt)
    .sort(
      (a, b) =>
        Number(b.status === 'open') - Number(a.status === 'open') ||
        a.createdAt.localeCompare(b.createdAt) ||
        a.id.localeCompare(b.id),
    );
  return proposedInsertLabels(numbered, inserts);
}

/**
 * The series and index a label spells ("OP16ter" → series "OP16", index 2; "OP0bis" → "OP0", 2),
 * for texts recorded with their labels; null for a label that is not a paragraph number.
 */
export function parseLabel(label: string): { series: string; index: number } | null {
  const m = /^((?:PP|OP)\d+)(.*)$/.exec(label);
  if (!m) return null;
  const series = m[1]!;
  const suffix = m[2]!;
  const known = (INSERT_SUFFIXES as readonly string[]).indexOf(suffix);
  const fallback = /^\((\d+)\)$/.exec(suffix);
  const added = suffix === '' ? 0 : known >= 0 ? known + 1 : fallback ? Number(fallback[1]) - 1 : null;
  if (added === null) return null;
  const leading = /^(PP|OP)0$/.test(series);
  return { series, index: leading ? added + 1 : added };
}

/** Paragraphs recorded with their labels (a snapshot's), as `numberWithBasis` would give them. */
export function numberedFromLabels(
  paragraphs: readonly (ParagraphRef & { label: string })[],
): NumberedParagraph[] {
  return paragraphs.map((p) => {
    const parsed = parseLabel(p.label);
    return {
      pid: p.pid,
      kind: p.kind,
      label: p.label,
      series: parsed?.series ?? p.label,
      index: parsed?.index ?? 0,
    };
  });
}

/**
 * The paragraph after which a new paragraph proposed after `pid` goes: the last paragraph of
 * `pid`'s series that stands after it (so the numbers of the paragraphs already added there do
 * not move), else `pid` itself. Undefined when `pid` is not numbered.
 */
export function insertionPoint(numbered: readonly NumberedParagraph[], pid: string): string | undefined {
  const at = numbered.findIndex((p) => p.pid === pid);
  if (at < 0) return undefined;
  const series = numbered[at]!.series;
  let last = at;
  for (let i = at + 1; i < numbered.length; i++) if (numbered[i]!.series === series) last = i;
  return numbered[last]!.pid;
}

/**
 * The paragraph after which a compilation shows a proposal: a new paragraph not yet applied
 * after the last paragraph of its series (where applying it would put it, see
 * `insertionPoint`), every other proposal at its own paragraph.
 */
export function shownAfter(
  numbered: readonly NumberedParagraph[],
  proposal: Pick<ProposalView, 'pid' | 'kind' | 'appliedAt'>,
): string {
  if (proposal.kind !== 'insert' || proposal.appliedAt) return proposal.pid;
  return insertionPoint(numbered, proposal.pid) ?? proposal.pid;
}

/** One line of a renumbering table: a paragraph's number during the reading and in the new revision. */
export interface RenumberEntry {
  pid: string;
  /** Its number before circulation: its basis label, or its bis/ter label if added since. */
  from: string;
  /** Its number in the new revision; null when the paragraph is no longer in the text. */
  to: string | null;
}

/**
 * The table of old → new numbers recorded when a revision is circulated: every paragraph of the
 * text with the number it had during the reading (`before`, numbered against the old basis) and
 * its number in the new revision (`after`), and every paragraph of the old basis that is gone
 * (`to: null`). Ordered by old number (PP before OP, OP16 before OP16bis before OP17), so that a
 * delegate looking up the OP12 of their notes finds it where they expect.
 */
export function renumberingTable(
  before: readonly NumberedParagraph[],
  after: ReadonlyMap<string, string>,
  basis: NumberingBasis,
): RenumberEntry[] {
  const entries: RenumberEntry[] = before.map((p) => ({
    pid: p.pid,
    from: p.label,
    to: after.get(p.pid) ?? null,
  }));
  const present = new Set(before.map((p) => p.pid));
  for (const [pid, label] of basis) if (!present.has(pid)) entries.push({ pid, from: label, to: null });
  return entries
    .map((e, i) => ({ e, key: labelOrder(e.from), i }))
    .sort((a, b) => compareOrder(a.key, b.key) || a.i - b.i)
    .map(({ e }) => e);
}

/** The entries of a renumbering table whose number changed (or that left the text). */
export function renumberedEntries(table: readonly RenumberEntry[]): RenumberEntry[] {
  return table.filter((e) => e.from !== e.to);
}

type Order = [number, number, number];

/** Sort key of a label: part (PP, OP, other), number, then place in its series. */
function labelOrder(label: string): Order {
  const parsed = parseLabel(label);
  if (!parsed) return [2, 0, 0];
  return [label.startsWith('PP') ? 0 : 1, Number(parsed.series.slice(2)), parsed.index];
}

function compareOrder(a: Order, b: Order): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The numbered paragraphs of a document in order. */
export function paragraphsOf(doc: Node): ParagraphRef[] {
  const out: ParagraphRef[] = [];
  doc.forEach((child) => {
    if (isParagraphType(child.type.name)) out.push({ pid: String(child.attrs.pid), kind: child.type.name });
  });
  return out;
}
