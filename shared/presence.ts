/** Presence colours: the same delegation gets the same colour for everyone. */

/** Colours readable on white, for cursors and presence dots. */
export const PRESENCE_COLORS = [
  '#1f5fbf',
  '#b3261e',
  '#1b7f3b',
  '#8a3ffc',
  '#b35c00',
  '#00708a',
  '#a3337a',
  '#5c6b00',
] as const;

/** A stable colour for `key` (a delegation code or a person id). */
export function colorFor(key: string): string {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
  return PRESENCE_COLORS[h % PRESENCE_COLORS.length]!;
}

/** What everyone sees about a connected person; set by the server from the session. */
export interface PresenceUser {
  name: string;
  color: string;
  role: 'facilitator' | 'delegate' | 'observer';
  delegation: string | null;
  delegationName: string | null;
  [field: string]: unknown;
}
