/**
 * A recorded snapshot as a text to read: its blocks in order, each paragraph compiled with the
 * proposals it recorded (in compilation view) by the same `compileParagraph` as the live text.
 */
import { type CompiledParagraph, compileParagraph, type ResolvedProposal } from '../../shared/compilation.js';
import { type LiveContext, shownInCompilation } from '../../shared/shownProposals.js';
import { type CanonicalSnapshot, type SnapshotRun, snapshotInserts } from '../../shared/snapshot.js';
import type { TextMode } from './routes.js';

/** A block of a snapshot's text. */
export type SnapshotTextBlock =
  | { type: 'title'; key: string; text: string }
  | { type: 'section'; key: string; text: string }
  | { type: 'paragraph'; key: string; paragraph: CompiledParagraph; runs: SnapshotRun[] };

/**
 * The snapshot's blocks, paragraphs compiled with their proposals in compilation view (those
 * `shownInCompilation` picks, as the Word export does: the live text with the traces of the
 * reading `live` names); clean, without proposals and without the paragraphs marked deleted.
 */
export function compileSnapshot(
  s: CanonicalSnapshot,
  mode: TextMode,
  live: LiveContext | null = null,
): SnapshotTextBlock[] {
  const shown = shownInCompilation(s.kind, live);
  const inserts = snapshotInserts(s);
  const byPid = new Map<string, ResolvedProposal[]>();
  if (mode === 'compilation') {
    for (const p of s.proposals) {
      if (!shown(p.proposal)) continue;
      const at = inserts.shownAfter(p.proposal);
      const list = byPid.get(at) ?? [];
      list.push(p);
      byPid.set(at, list);
    }
  }
  // The clean text leaves out paragraphs marked deleted; the compilation shows them struck.
  const blocks =
    mode === 'clean'
      ? s.blocks.filter((b) => b.pid === undefined || s.paragraphStatuses[b.pid] !== 'deleted')
      : s.blocks;
  return blocks.map((b, i): SnapshotTextBlock => {
    if (b.type === 'title' || b.type === 'section' || b.pid === undefined) {
      return b.type === 'title'
        ? { type: 'title', key: `b${i}`, text: b.text }
        : { type: 'section', key: `b${i}`, text: b.text };
    }
    const paragraph = compileParagraph(
      {
        pid: b.pid,
        kind: b.type,
        label: b.label ?? '',
        text: b.text,
        status: s.paragraphStatuses[b.pid] ?? 'pending',
        runs: b.runs,
        insertLabels: inserts.labels,
      },
      byPid.get(b.pid) ?? [],
    );
    return { type: 'paragraph', key: b.pid, paragraph, runs: b.runs };
  });
}
