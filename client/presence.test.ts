import { describe, expect, it } from 'vitest';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import { colorFor } from '../shared/presence.js';
import { forgetDeparted, localUserOf, peersFrom, samePeers } from './presence.js';

describe('peersFrom', () => {
  it('reads name, colour, role and delegation; yourself first, then by name', () => {
    const states = new Map<number, Record<string, unknown>>([
      [
        3,
        { user: { name: 'Delegate, Norway', color: '#b3261e', role: 'delegate', delegationName: 'Norway' } },
      ],
      [1, { user: { name: 'Co-facilitator, Bangladesh', color: '#5c6b00', role: 'facilitator' } }],
      [
        2,
        {
          user: { name: 'Observer, civil society', color: '#1f5fbf', role: 'observer', delegationName: null },
        },
      ],
      [4, { cursor: {} }],
      [5, { user: { name: 'No colour' } }],
    ]);
    const peers = peersFrom(states, 2);
    expect(peers.map((p) => [p.clientId, p.self, p.role, p.delegationName])).toEqual([
      [2, true, 'observer', null],
      [1, false, 'facilitator', null],
      [3, false, 'delegate', 'Norway'],
    ]);
  });

  it('ignores a role it does not know', () => {
    const peers = peersFrom(new Map([[1, { user: { name: 'A', color: '#000000', role: 'king' } }]]), 0);
    expect(peers[0]?.role).toBeNull();
  });
});

describe('samePeers', () => {
  it('notices a changed delegation', () => {
    const a = peersFrom(new Map([[1, { user: { name: 'A', color: '#000000', delegationName: 'X' } }]]), 1);
    const b = peersFrom(new Map([[1, { user: { name: 'A', color: '#000000', delegationName: 'Y' } }]]), 1);
    expect(samePeers(a, a)).toBe(true);
    expect(samePeers(a, b)).toBe(false);
  });
});

describe('localUserOf', () => {
  it('colours by delegation, or by person without one, as the server does', () => {
    const base = { personId: 'p1', name: 'N', isAdmin: false, canEditText: false } as const;
    expect(
      localUserOf({ ...base, role: 'delegate', delegation: 'EU', delegationName: 'European Union' }).color,
    ).toBe(colorFor('EU'));
    expect(localUserOf({ ...base, role: 'observer', delegation: null, delegationName: null }).color).toBe(
      colorFor('p1'),
    );
  });
});

describe('forgetDeparted', () => {
  it('lets a reconnected client take the states the server sends again with their old clocks', () => {
    const other = new Awareness(new Y.Doc());
    other.setLocalState({ user: { name: 'Luxembourg', color: '#123456' } });
    const mine = new Awareness(new Y.Doc());
    const update = () => encodeAwarenessUpdate(other, [other.clientID]);
    applyAwarenessUpdate(mine, update(), 'server');
    expect(mine.getStates().has(other.clientID)).toBe(true);
    // The connection closes: y-websocket removes everyone else's state.
    removeAwarenessStates(mine, [other.clientID], 'connection closed');
    // Reconnected, the server sends the same state with the same clock: refused as old...
    applyAwarenessUpdate(mine, update(), 'server');
    expect(mine.getStates().has(other.clientID)).toBe(false);
    // ...unless the clocks of those who left were forgotten on reconnection.
    forgetDeparted(mine);
    applyAwarenessUpdate(mine, update(), 'server');
    expect(mine.getStates().has(other.clientID)).toBe(true);
    // Its own clock is kept.
    expect(mine.meta.has(mine.clientID)).toBe(true);
    other.destroy();
    mine.destroy();
  });
});
