/**
 * Who is present in a document, derived from Yjs awareness states. The server stamps every
 * connection's `user` field from its session (PROTOCOL.md, "Sessions"); this client sets the same
 * values locally so that it shows itself correctly before the server's copy comes back.
 * Clients without a readable `user` are left out.
 */
import type { Awareness } from 'y-protocols/awareness';
import { colorFor, type PresenceUser } from '../shared/presence.js';
import type { Role } from './api.js';
import type { NegotiationMe } from './negotiationsApi.js';

/** The awareness field holding a client's identity. */
export const USER_FIELD = 'user';

/** How this client appears to the others: the fields of `PresenceUser` the client knows. */
export type LocalUser = Pick<PresenceUser, 'name' | 'color' | 'role' | 'delegation' | 'delegationName'>;

/** A person present in the document. */
export interface Peer {
  /** The Yjs client id of their copy. */
  clientId: number;
  /** True for this browser's own copy. */
  self: boolean;
  name: string;
  /** A `#rrggbb` colour. */
  color: string;
  role: Role | null;
  delegationName: string | null;
}

/** The awareness user of the signed-in person, as the server will stamp it. */
export function localUserOf(me: NegotiationMe): LocalUser {
  return {
    name: me.name,
    color: colorFor(me.delegation ?? me.personId),
    role: me.role ?? 'observer',
    delegation: me.delegation,
    delegationName: me.delegationName,
  };
}

const ROLES: readonly string[] = ['facilitator', 'delegate', 'observer'] satisfies Role[];

/** Reads an awareness `user` field; null when it lacks a name or colour. */
function peerUser(value: unknown): Omit<Peer, 'clientId' | 'self'> | null {
  if (typeof value !== 'object' || value === null) return null;
  const user = value as Record<string, unknown>;
  if (typeof user.name !== 'string' || typeof user.color !== 'string') return null;
  return {
    name: user.name,
    color: user.color,
    role: typeof user.role === 'string' && ROLES.includes(user.role) ? (user.role as Role) : null,
    delegationName: typeof user.delegationName === 'string' ? user.delegationName : null,
  };
}

/** Peers from awareness states, yourself first, then by name. */
export function peersFrom(states: ReadonlyMap<number, Record<string, unknown>>, selfId: number): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of states) {
    const user = peerUser(state[USER_FIELD]);
    if (user) peers.push({ clientId, self: clientId === selfId, ...user });
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
      return (
        q !== undefined &&
        p.clientId === q.clientId &&
        p.self === q.self &&
        p.name === q.name &&
        p.color === q.color &&
        p.role === q.role &&
        p.delegationName === q.delegationName
      );
    })
  );
}

/**
 * Forgets the clocks of the other clients whose states were removed when the connection closed,
 * so that their states as the server sends them on reconnection are taken. y-protocols keeps a
 * removed client's clock and takes only a newer state; the server (another process after a
 * failover, or the same one restarted) sends the same clock as before, so without this the others
 * would stay absent until each renews its state, up to 15 seconds later.
 */
export function forgetDeparted(awareness: Pick<Awareness, 'clientID' | 'meta' | 'states'>): void {
  for (const clientId of [...awareness.meta.keys()])
    if (clientId !== awareness.clientID && !awareness.states.has(clientId)) awareness.meta.delete(clientId);
}
