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
