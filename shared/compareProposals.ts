/**
 * Which proposals made it into the newer text, which were left out and which were carried
 * forward to a later reading, linked to the rows of a comparison. A proposal's latest state is taken from the newer snapshot, else from the older one.
 */

import { normalizeSpace } from './compareHints.js';
import type { ResolvedProposal } from './compilation.js';
import type { ProposalStatus, ProposalView } from './proposals.js';

/** What the linking needs to know of a comparison row. */
export interface LinkRow {
  kind: string;
  left: { pid: string | null; text: string } | null;
  right: { pid: string | null; text: string } | null;
}

/**
 * For each row: the proposals taken into the text, the older text's proposals left out, and
 * those carried forward (still to be decided in a later reading).
 */
export interface ProposalLinks {
  incorporated: ProposalView[][];
  notRetained: ProposalView[][];
  carried: ProposalView[][];
}

const LEFT_OUT: ReadonlySet<ProposalStatus> = new Set(['not-retained', 'superseded']);

/** True for a proposal taken into the text, wholly or in part, or applied to it. */
export function wasIncorporated(p: ProposalView): boolean {
  return p.status === 'incorporated' || p.status === 'partly-incorporated' || p.appliedAt !== null;
}

/**
 * Links proposals to rows (in display order). Incorporated proposals go to the row of their
 * paragraph; an incorporated new paragraph (`insert`) goes to the added row with its text when
 * there is one, else to the row of the paragraph it was proposed after. Proposals of the older
 * snapshot that were not retained or were superseded go to the row of their paragraph, and so do
 * those carried forward: neither in nor out, they must not vanish from the comparison.
 * Each list is in order of tabling.
 */
export function proposalLinks(
  rows: readonly LinkRow[],
  older: readonly ResolvedProposal[],
  newer: readonly ResolvedProposal[],
): ProposalLinks {
  const latest = new Map<string, ProposalView>();
  for (const { proposal } of older) latest.set(proposal.id, proposal);
  for (const { proposal } of newer) latest.set(proposal.id, proposal);
  const inOlder = new Set(older.map((r) => r.proposal.id));

  const rowOfPid = new Map<string, number>();
  const addedByText = new Map<string, number[]>();
  rows.forEach((row, i) => {
    for (const side of [row.left, row.right])
      if (side?.pid && !rowOfPid.has(side.pid)) rowOfPid.set(side.pid, i);
    if (row.kind === 'added' && row.right) {
      const key = normalizeSpace(row.right.text);
      addedByText.set(key, [...(addedByText.get(key) ?? []), i]);
    }
  });

  const links: ProposalLinks = {
    incorporated: rows.map(() => []),
    notRetained: rows.map(() => []),
    carried: rows.map(() => []),
  };
  const byTabling = [...latest.values()].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  for (const p of byTabling) {
    if (wasIncorporated(p)) {
      const added = p.kind === 'insert' ? addedByText.get(normalizeSpace(p.text))?.shift() : undefined;
      const row = added ?? rowOfPid.get(p.pid);
      if (row !== undefined) links.incorporated[row]!.push(p);
    } else if (LEFT_OUT.has(p.status) && inOlder.has(p.id)) {
      const row = rowOfPid.get(p.pid);
      if (row !== undefined) links.notRetained[row]!.push(p);
    } else if (p.status === 'carried-forward' && inOlder.has(p.id)) {
      const row = rowOfPid.get(p.pid);
      if (row !== undefined) links.carried[row]!.push(p);
    }
  }
  return links;
}
