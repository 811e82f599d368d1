import { groupsOf } from '../../shared/delegations.js';

/** Who is looking at the compilation, as far as the UI needs to know (the server decides). */
export interface Viewer {
  role: 'facilitator' | 'delegate' | 'observer';
  delegation: string | null;
}

/** True when the viewer's delegation tabled the proposal (directly or on behalf of a group). */
export function tabledByViewer(
  viewer: Viewer,
  p: { delegation: { code: string }; tabledBy: { code: string } | null; byFacilitators: boolean },
): boolean {
  if (viewer.role === 'facilitator') return p.byFacilitators;
  return viewer.delegation !== null && (p.tabledBy ?? p.delegation).code === viewer.delegation;
}

/**
 * Whose proposal it is, for the viewer: `own` when the viewer's delegation tabled it; the group's
 * name when a group the viewer's delegation belongs to tabled it through another member (the
 * outcome concerns every member); null when it is someone else's.
 */
export function proposalOwner(
  viewer: Viewer,
  p: {
    delegation: { code: string; name: string };
    tabledBy: { code: string } | null;
    byFacilitators: boolean;
  },
): { own: true } | { own: false; group: string } | null {
  if (tabledByViewer(viewer, p)) return { own: true };
  if (viewer.role !== 'delegate' || viewer.delegation === null) return null;
  return groupsOf(viewer.delegation).some((g) => g.code === p.delegation.code)
    ? { own: false, group: p.delegation.name }
    : null;
}
