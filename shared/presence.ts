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
  '#6b4e16',
  '#0b6e4f',
  '#c2185b',
  '#3f51b5',
] as const;

/** A stable colour for `key` (a delegation code or a person id), from its FNV-1a hash. */
export function colorFor(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h = (h ^ (h >>> 15)) >>> 0; // fold the well-mixed high bits into the low ones
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
