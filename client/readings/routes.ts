/**
 * The addresses of the pages of revisions and readings: the timeline, a recorded snapshot, its
 * print view, the comparison of two versions and the import of a draft. `routing.ts` asks
 * `matchReadingRoute` before its own routes; the rest of the client builds links with the
 * `*Path` functions.
 */

/** A page of revisions and readings. */
export type ReadingRoute =
  | { page: 'timeline'; id: string }
  | { page: 'compare'; id: string }
  | { page: 'import'; id: string }
  | { page: 'snapshot'; id: string; snapshotId: string }
  | { page: 'print'; id: string; snapshotId: string };

/** The version name of the live text, in place of a snapshot id. */
export const LIVE = 'live';

/** How a text is shown: without proposals, or with every proposal bracketed inside it. */
export type TextMode = 'clean' | 'compilation';

const PAGE = /^\/n\/([^/]+)\/(timeline|compare|import)\/?$/;
const SNAPSHOT_PAGE = /^\/n\/([^/]+)\/(snapshot|print)\/([^/]+)\/?$/;

/** The route of a readings page for `path`, or null when the path is not one of them. */
export function matchReadingRoute(path: string): ReadingRoute | null {
  try {
    const page = PAGE.exec(path);
    if (page) {
      return { page: page[2] as 'timeline' | 'compare' | 'import', id: decodeURIComponent(page[1]!) };
    }
    const snapshot = SNAPSHOT_PAGE.exec(path);
    if (snapshot) {
      return {
        page: snapshot[2] as 'snapshot' | 'print',
        id: decodeURIComponent(snapshot[1]!),
        snapshotId: decodeURIComponent(snapshot[3]!),
      };
    }
  } catch {
    // A malformed escape in the address: not one of ours.
  }
  return null;
}

function base(id: string): string {
  return `/n/${encodeURIComponent(id)}`;
}

/** The timeline of a negotiation's revisions and readings. */
export function timelinePath(id: string): string {
  return `${base(id)}/timeline`;
}

/** The import of a draft. */
export function importPath(id: string): string {
  return `${base(id)}/import`;
}

/** The comparison of two versions (snapshot ids or `live`); without them, the page picks. */
export function comparePath(id: string, from?: string, to?: string): string {
  const query = from && to ? `?${new URLSearchParams({ from, to })}` : '';
  return `${base(id)}/compare${query}`;
}

/** A recorded snapshot (or `live`), read-only, in clean or compilation view. */
export function snapshotPath(id: string, snapshotId: string, mode: TextMode = 'clean'): string {
  return `${base(id)}/snapshot/${encodeURIComponent(snapshotId)}${mode === 'clean' ? '' : '?mode=compilation'}`;
}

/** The print view of a snapshot (or `live`). */
export function printPath(id: string, snapshotId: string, mode: TextMode): string {
  return `${base(id)}/print/${encodeURIComponent(snapshotId)}?mode=${mode}`;
}

/** The text mode named in a query string; clean unless it says compilation. */
export function modeOf(search: string): TextMode {
  return new URLSearchParams(search).get('mode') === 'compilation' ? 'compilation' : 'clean';
}

/** The two versions named in a comparison's query string. */
export function compareRefsOf(search: string): { from: string | null; to: string | null } {
  const params = new URLSearchParams(search);
  return { from: params.get('from') || null, to: params.get('to') || null };
}

/** The API path of a Word export of a snapshot (or `live`). */
export function docxPath(id: string, snapshotId: string, mode: TextMode): string {
  return `/api/negotiations/${encodeURIComponent(id)}/export/${encodeURIComponent(snapshotId)}.docx?mode=${mode}`;
}

/** The API path of the Akoma Ntoso (AKN 3.0 XML) export of a snapshot or of the live text. */
export function aknPath(id: string, snapshotId: string): string {
  return `/api/negotiations/${encodeURIComponent(id)}/export/${encodeURIComponent(snapshotId)}.akn.xml`;
}

/** The API path of the Word export of a comparison. */
export function compareDocxPath(id: string, from: string, to: string): string {
  return `/api/negotiations/${encodeURIComponent(id)}/export/compare.docx?${new URLSearchParams({ from, to })}`;
}
