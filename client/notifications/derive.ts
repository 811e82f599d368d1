/**
 * What a participant is told, derived from the proposals board: the co-facilitators' notices,
 * what happened to the participant's own delegation's proposals (outdated, applied,
 * incorporated, set aside, carried forward) and to the support it gave others' (dropped when
 * they were reworded), found by comparing two states of their views.
 * Pure functions; `notifier.ts` runs them as the board changes.
 */
import type { Notice } from '../../shared/negotiationState.js';
import type { ProposalKind, ProposalStatus, ProposalView } from '../../shared/proposals.js';
import { proposalOwner, type Viewer } from '../proposals/viewer.js';

/** What happened to one of the viewer's own proposals. */
export type OwnChange =
  | 'outdated'
  | 'applied'
  | 'incorporated'
  | 'partly'
  | 'set-aside'
  | 'superseded'
  | 'carried';

/** Something the participant is told. */
export type Notification = { id: string; at: string } & (
  | { kind: 'notice'; notice: Notice }
  | { kind: 'deadline-passed'; readingNumber: number; deadline: string }
  | {
      kind: 'own';
      change: OwnChange;
      proposalId: string;
      proposalKind: ProposalKind;
      /** The paragraph it is on (for a new paragraph, the one it follows). */
      pid: string;
      /** That paragraph's number when it happened ("OP5", "OP16bis"); absent when unknown. */
      label?: string;
      /** What it changes, in a few words (amendments), or how its text starts. */
      excerpt: string;
      /** The group that tabled it, when another member of one of the viewer's groups did. */
      group?: string;
    }
  | {
      /** A proposal the viewer's delegation supported was reworded: that support no longer counts. */
      kind: 'support-dropped';
      proposalId: string;
      proposalKind: ProposalKind;
      /** Who tabled it ("G77 and China"); empty for the co-facilitators. */
      by: string;
      pid: string;
      label?: string;
      excerpt: string;
    }
);

/** What the notifier remembers of an own proposal between two looks: its status and whether outdated. */
export type OwnMark = `${ProposalStatus}|${0 | 1}`;

/** The marks of the viewer's own proposals and of those of the groups its delegation belongs to. */
export function ownMarks(views: readonly ProposalView[], viewer: Viewer): Record<string, OwnMark> {
  const out: Record<string, OwnMark> = {};
  for (const v of views) if (proposalOwner(viewer, v)) out[v.id] = `${v.status}|${v.outdated ? 1 : 0}`;
  return out;
}

const STATUS_CHANGE: Partial<Record<ProposalStatus, OwnChange>> = {
  incorporated: 'incorporated',
  'partly-incorporated': 'partly',
  'not-retained': 'set-aside',
  superseded: 'superseded',
  'carried-forward': 'carried',
};

/** Longest excerpt of a proposal in a notification. */
const EXCERPT = 60;

function shorten(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > EXCERPT ? `${t.slice(0, EXCERPT - 1)}…` : t;
}

/** A few words saying what a proposal changes: "widening → expansion", or the start of its text. */
export function excerptOf(view: ProposalView): string {
  if (view.kind === 'amend') {
    const c = view.changes[0];
    if (!c) return '';
    const words = c.deleted && c.inserted ? `${c.deleted} → ${c.inserted}` : c.inserted || c.deleted;
    return shorten(view.changes.length > 1 ? `${words} …` : words);
  }
  return shorten(view.text);
}

/**
 * The changes to the viewer's own proposals (and its groups', tabled by another member) between `before` (marks of an earlier look) and
 * `views` now, at time `at`. A proposal not seen before is new, not changed; one that came back
 * open (a carried proposal in the next reading) is not news either.
 */
export function ownChanges(
  before: Readonly<Record<string, OwnMark>>,
  views: readonly ProposalView[],
  viewer: Viewer,
  at: string,
): Notification[] {
  const out: Notification[] = [];
  for (const v of views) {
    const owner = proposalOwner(viewer, v);
    if (!owner) continue;
    const mark = before[v.id];
    if (mark === undefined) continue;
    const [status, outdated] = mark.split('|') as [ProposalStatus, '0' | '1'];
    const changes: OwnChange[] = [];
    if (status !== v.status) {
      const change = STATUS_CHANGE[v.status];
      if (change === 'incorporated' && v.appliedAt) changes.push('applied');
      else if (change) changes.push(change);
    }
    if (outdated === '0' && v.outdated && v.status === 'open') changes.push('outdated');
    for (const change of changes) {
      out.push({
        id: `own-${v.id}-${change}-${v.updatedAt}`,
        at,
        kind: 'own',
        change,
        proposalId: v.id,
        proposalKind: v.kind,
        pid: v.pid,
        excerpt: excerptOf(v),
        ...(owner.own ? {} : { group: owner.group }),
      });
    }
  }
  return out;
}

/** The proposals the viewer's delegation supports, each with the version it supported. */
export function supportMarks(views: readonly ProposalView[], viewer: Viewer): Record<string, number> {
  const out: Record<string, number> = {};
  if (viewer.role !== 'delegate' || viewer.delegation === null) return out;
  for (const v of views) if (v.supporters.some((s) => s.code === viewer.delegation)) out[v.id] = v.version;
  return out;
}

/**
 * The proposals the viewer's delegation supported in `before` (id → version) that were reworded
 * since, taking that support away (the server drops it with new words), at time `at`. Support
 * withdrawn by the delegation itself leaves the version as it was, and is not news.
 */
export function supportChanges(
  before: Readonly<Record<string, number>>,
  views: readonly ProposalView[],
  viewer: Viewer,
  at: string,
): Notification[] {
  const out: Notification[] = [];
  for (const v of views) {
    const version = before[v.id];
    if (version === undefined || v.version <= version) continue;
    if (v.supporters.some((s) => s.code === viewer.delegation)) continue;
    out.push({
      id: `support-${v.id}-${v.version}`,
      at,
      kind: 'support-dropped',
      proposalId: v.id,
      proposalKind: v.kind,
      by: v.byFacilitators ? '' : v.delegation.name,
      pid: v.pid,
      excerpt: excerptOf(v),
    });
  }
  return out;
}

/** The co-facilitators' notices not in `seen`, as notifications. */
export function newNotices(notices: readonly Notice[], seen: ReadonlySet<string>): Notification[] {
  return notices
    .filter((n) => !seen.has(n.id))
    .map((notice): Notification => ({ id: notice.id, at: notice.at, kind: 'notice', notice }));
}

/**
 * The notifications with the number of the paragraph each own proposal is on, as `labelOf`
 * gives it (the numbering basis, then the live text's numbers for paragraphs added since).
 */
export function withLabels(
  list: readonly Notification[],
  labelOf: (pid: string) => string | undefined,
): Notification[] {
  return list.map((n) => {
    if ((n.kind !== 'own' && n.kind !== 'support-dropped') || n.label !== undefined) return n;
    const label = labelOf(n.pid);
    return label === undefined ? n : { ...n, label };
  });
}

/** The paragraphs of notifications about proposals still without a number. */
export function unlabelled(list: readonly Notification[]): string[] {
  return [
    ...new Set(
      list.flatMap((n) =>
        (n.kind === 'own' || n.kind === 'support-dropped') && n.label === undefined ? [n.pid] : [],
      ),
    ),
  ];
}
