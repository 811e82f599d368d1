/**
 * Who is present in a document, derived from Yjs awareness states. Each client publishes
 * `user: { name, color }`; clients that have not (yet) done so are left out.
 */
import type { Identity } from './identity.js';

/** The awareness field holding a client's identity. */
export const USER_FIELD = 'user';

/** A person present in the document. */
export interface Peer extends Identity {
  /** The Yjs client id of their copy. */
  clientId: number;
  /** True for this browser's own copy. */
  self: boolean;
}

function isIdentity(value: unknown): value is Identity {
  return (
    typeof value === 'object' &&
    value !== null &&
    'name' in value &&
    typeof value.name === 'string' &&
    'color' in value &&
    typeof value.color === 'string'
  );
}

/** Peers from awareness states, yourself first, then by name. */
export function peersFrom(states: ReadonlyMap<number, Record<string, unknown>>, selfId: number): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of states) {
    const user = state[USER_FIELD];
    if (isIdentity(user))
      peers.push({ clientId, name: user.name, color: user.color, self: clientId === selfId });
  }
  return peers.sort(
    (a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId,
  );
}

/** True when two peer lists show the same people in the same order. */
export function samePeers(a: readonly Peer[], b: readonly Peer[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i];
      return q !== undefined && p.clientId === q.clientId && p.name === q.name && p.color === q.color;
    })
  );
}
