/**
 * The canonical form of a snapshot of the text: a circulated revision, a closed reading, or the
 * live text at a moment. Self-contained (amendments carry their offsets resolved at that moment)
 * so that it can be compared, rendered and exported without the Yjs state, and serialised
 * canonically (sorted keys) so that its hash is stable.
 */
import type { ResolvedProposal } from './compilation.js';
import { insertProposalLabels, numberedFromLabels, type RenumberEntry, shownAfter } from './numbering.js';
import type { ParagraphStatus, ProposalView } from './proposals.js';

/** A run of text with its marks. */
export interface SnapshotRun {
  text: string;
  em?: true;
  strong?: true;
}

/** A block of the text in order. Paragraphs carry their id and the number they had then. */
export interface SnapshotBlock {
  type: 'title' | 'section' | 'preambular' | 'operative';
  /** Paragraph id (paragraphs only). */
  pid?: string;
  /** PP1, OP12 … (paragraphs only). */
  label?: string;
  /** Plain text. */
  text: string;
  runs: SnapshotRun[];
}

/** What a snapshot records. */
export type SnapshotKind = 'revision' | 'reading' | 'live';

/** A snapshot in canonical form. */
export interface CanonicalSnapshot {
  format: 1;
  negotiationId: string;
  kind: SnapshotKind;
  /** "Zero draft", "Rev.1", "Second reading" … */
  label: string;
  /** ISO time it was taken. */
  takenAt: string;
  blocks: SnapshotBlock[];
  /** Proposals with their status and supporters at that moment (empty for a revision). */
  proposals: ResolvedProposal[];
  /** Paragraph statuses at that moment; paragraphs not listed are pending. */
  paragraphStatuses: Record<string, ParagraphStatus>;
  /**
   * A revision circulated after an earlier one: the table of every paragraph's number during the
   * reading (bis/ter included) → its number in this revision (`shared/numbering.ts`). Absent
   * from the first revision and from other snapshots.
   */
  renumbering?: RenumberEntry[];
}

/** JSON with object keys sorted at every level: the same value always gives the same string. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** The numbered paragraphs of a snapshot, in order. */
export function snapshotParagraphs(s: CanonicalSnapshot): (SnapshotBlock & { pid: string; label: string })[] {
  return s.blocks.filter(
    (b): b is SnapshotBlock & { pid: string; label: string } => b.pid !== undefined && b.label !== undefined,
  );
}

/**
 * How a snapshot's compilation numbers the new paragraphs its proposals propose (continuing the
 * series of its text) and after which paragraph it shows each proposal (`numbering.ts`).
 */
export function snapshotInserts(s: CanonicalSnapshot): {
  labels: Map<string, string>;
  shownAfter(p: Pick<ProposalView, 'pid' | 'kind' | 'appliedAt'>): string;
} {
  const numbered = numberedFromLabels(
    snapshotParagraphs(s).flatMap((b) =>
      b.type === 'preambular' || b.type === 'operative' ? [{ pid: b.pid, kind: b.type, label: b.label }] : [],
    ),
  );
  return {
    labels: insertProposalLabels(
      numbered,
      s.proposals.map((r) => r.proposal),
    ),
    shownAfter: (p) => shownAfter(numbered, p),
  };
}

/** The runs covering characters [from, to) of the text the runs spell out, marks kept. */
export function sliceRuns(runs: readonly SnapshotRun[], from: number, to: number): SnapshotRun[] {
  const out: SnapshotRun[] = [];
  let at = 0;
  for (const run of runs) {
    const start = Math.max(from, at);
    const end = Math.min(to, at + run.text.length);
    if (start < end) out.push({ ...run, text: run.text.slice(start - at, end - at) });
    at += run.text.length;
    if (at >= to) break;
  }
  return out;
}
