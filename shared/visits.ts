/**
 * What changed since someone's last visit. When a person looks at a negotiation the server keeps
 * a compact record of what there was to see (`SeenState`: each paragraph's text, each paragraph's
 * status, a fingerprint of each proposal); on their next visit the client compares the live text
 * and proposals with it (`changesSince`), paragraph by paragraph in document order.
 */
import * as Y from 'yjs';
import { paragraphPlainText } from './anchors.js';
import { type NumberingBasis, numberParagraphs } from './numbering.js';
import type { ParagraphStatus, ProposalView } from './proposals.js';
import { DRAFT_FRAGMENT, isParagraphType, type ParagraphKind } from './schema.js';

/** A numbered paragraph as it read. */
export interface SeenParagraph {
  pid: string;
  label: string;
  text: string;
}

/** What there was to see in a negotiation at one moment. */
export interface SeenState {
  /** The numbered paragraphs in document order. */
  paragraphs: SeenParagraph[];
  /** Paragraph statuses other than pending, by paragraph id. */
  statuses: Record<string, ParagraphStatus>;
  /** `proposalFingerprint` of every proposal, by proposal id. */
  proposals: Record<string, string>;
}

/** A person's recorded visit: when, and what there was to see. */
export interface Visit {
  at: string;
  seen: SeenState;
}

/**
 * What of a proposal a reader would notice change: its status, version (its words), support,
 * whether it is outdated and whether it was applied. Equal fingerprints, nothing to show.
 */
export function proposalFingerprint(p: ProposalView): string {
  const supporters = p.supporters.map((s) => s.code).join(',');
  return [p.status, p.version, p.outdated ? 1 : 0, supporters, p.appliedAt ?? ''].join('|');
}

/** The paragraphs of a draft document, numbered against `basis`, with their plain text, in order. */
export function draftTexts(doc: Y.Doc, basis?: NumberingBasis): SeenParagraph[] {
  const elements = doc
    .getXmlFragment(DRAFT_FRAGMENT)
    .toArray()
    .filter((c): c is Y.XmlElement => c instanceof Y.XmlElement && isParagraphType(c.nodeName));
  const refs = elements.map((e) => ({
    pid: String(e.getAttribute('pid') ?? ''),
    kind: e.nodeName as ParagraphKind,
  }));
  const labels = numberParagraphs(refs, basis);
  return elements.map((e, i) => ({
    pid: refs[i]!.pid,
    label: labels.get(refs[i]!.pid) ?? '',
    text: paragraphPlainText(e),
  }));
}

/** The record of what the given text, statuses and proposals show. */
export function seenState(
  paragraphs: readonly SeenParagraph[],
  statuses: Readonly<Record<string, ParagraphStatus>>,
  proposals: readonly ProposalView[],
): SeenState {
  const notPending: Record<string, ParagraphStatus> = {};
  for (const [pid, status] of Object.entries(statuses)) if (status !== 'pending') notPending[pid] = status;
  const fingerprints: Record<string, string> = {};
  for (const p of proposals) fingerprints[p.id] = proposalFingerprint(p);
  return { paragraphs: paragraphs.map((p) => ({ ...p })), statuses: notPending, proposals: fingerprints };
}

/** One change since a visit, placed at a paragraph (`pid`, with its label now or, if gone, then). */
export type VisitChange =
  | { kind: 'text'; pid: string; label: string; before: string; after: string }
  | { kind: 'added'; pid: string; label: string; after: string }
  | { kind: 'removed'; pid: string; label: string; before: string }
  | { kind: 'status'; pid: string; label: string; before: ParagraphStatus; after: ParagraphStatus }
  | { kind: 'tabled'; pid: string; label: string; proposal: ProposalView }
  | { kind: 'updated'; pid: string; label: string; proposal: ProposalView };

/** True for the changes one can go to in the text (a removed paragraph is nowhere now). */
export function isNavigable(change: VisitChange): boolean {
  return change.kind !== 'removed';
}

/**
 * Every change between what a person saw (`seen`) and what there is now, in document order:
 * for each paragraph its text (changed or new), then its status, then its proposals (new ones
 * first, each group oldest first); paragraphs removed since follow the paragraph they came after;
 * proposals on paragraphs that are gone come last.
 */
export function changesSince(
  seen: SeenState,
  now: {
    paragraphs: readonly SeenParagraph[];
    statuses: Readonly<Record<string, ParagraphStatus>>;
    proposals: readonly ProposalView[];
  },
): VisitChange[] {
  const before = new Map(seen.paragraphs.map((p) => [p.pid, p]));
  const current = new Set(now.paragraphs.map((p) => p.pid));
  // Removed paragraphs, keyed by the surviving paragraph they followed ('' for the start).
  const removedAfter = new Map<string, SeenParagraph[]>();
  let anchor = '';
  for (const p of seen.paragraphs) {
    if (current.has(p.pid)) {
      anchor = p.pid;
      continue;
    }
    const list = removedAfter.get(anchor) ?? [];
    list.push(p);
    removedAfter.set(anchor, list);
  }
  const byPid = new Map<string, ProposalView[]>();
  for (const p of [...now.proposals].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    if (seen.proposals[p.id] === proposalFingerprint(p)) continue;
    const list = byPid.get(p.pid) ?? [];
    list.push(p);
    byPid.set(p.pid, list);
  }
  const out: VisitChange[] = [];
  const removed = (after: string) => {
    for (const p of removedAfter.get(after) ?? [])
      out.push({ kind: 'removed', pid: p.pid, label: p.label, before: p.text });
  };
  const proposals = (pid: string, label: string) => {
    const list = byPid.get(pid) ?? [];
    byPid.delete(pid);
    for (const p of list)
      if (!(p.id in seen.proposals)) out.push({ kind: 'tabled', pid, label, proposal: p });
    for (const p of list) if (p.id in seen.proposals) out.push({ kind: 'updated', pid, label, proposal: p });
  };
  removed('');
  for (const p of now.paragraphs) {
    const was = before.get(p.pid);
    if (!was) out.push({ kind: 'added', pid: p.pid, label: p.label, after: p.text });
    else if (was.text !== p.text)
      out.push({ kind: 'text', pid: p.pid, label: p.label, before: was.text, after: p.text });
    const statusBefore = seen.statuses[p.pid] ?? 'pending';
    const statusNow = now.statuses[p.pid] ?? 'pending';
    if (was && statusBefore !== statusNow)
      out.push({ kind: 'status', pid: p.pid, label: p.label, before: statusBefore, after: statusNow });
    proposals(p.pid, p.label);
    removed(p.pid);
  }
  for (const pid of [...byPid.keys()]) proposals(pid, before.get(pid)?.label ?? '');
  return out;
}
