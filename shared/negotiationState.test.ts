import { describe, expect, it } from 'vitest';
import {
  decodeNegotiationState,
  decodeNotice,
  encodeNotice,
  type LiveReading,
  type Notice,
  negotiationState,
} from './negotiationState.js';

const first: LiveReading = {
  id: 'r1',
  number: 1,
  revisionId: 'zero',
  revisionLabel: 'Zero draft',
  openedAt: '2022-03-28T14:00:00.000Z',
  deadline: '2022-03-29T22:00:00.000Z',
  closedAt: '2022-03-30T15:00:00.000Z',
};
const second: LiveReading = {
  ...first,
  id: 'r2',
  number: 2,
  revisionId: 'rev1',
  revisionLabel: 'Rev.1',
  closedAt: null,
};
const zero = { id: 'zero', label: 'Zero draft', takenAt: '2022-03-17T13:00:00.000Z' };
const rev1 = { id: 'rev1', label: 'Rev.1', takenAt: '2022-04-04T14:00:00.000Z' };

describe('negotiationState', () => {
  it('says where the negotiation stands', () => {
    expect(negotiationState([], [])).toMatchObject({
      stage: 'drafting',
      openReading: null,
      latestRevisionRead: false,
    });
    expect(negotiationState([first], [zero])).toMatchObject({ stage: 'revision', latestRevisionRead: true });
    expect(negotiationState([first], [zero, rev1])).toMatchObject({
      stage: 'revision',
      latestRevisionRead: false,
    });
    expect(negotiationState([first, second], [zero, rev1])).toMatchObject({
      stage: 'reading',
      openReading: second,
      latestRevision: rev1,
    });
  });

  it('reads back what was written, and nothing malformed', () => {
    const state = negotiationState([first, second], [zero, rev1]);
    const map = new Map<string, unknown>(Object.entries(JSON.parse(JSON.stringify(state))));
    expect(decodeNegotiationState((k) => map.get(k))).toEqual(state);
    for (const [key, bad] of [
      ['stage', 'closing'],
      ['openReading', { ...second, deadline: 'soon' }],
      ['readings', [{ ...first, number: -1 }]],
      ['latestRevisionRead', 'yes'],
    ] as const) {
      const broken = new Map(map);
      broken.set(key, bad);
      expect(
        decodeNegotiationState((k) => broken.get(k)),
        key,
      ).toBeUndefined();
    }
    expect(decodeNegotiationState(() => undefined)).toBeUndefined();
  });

  it('encodes notices and refuses anything else', () => {
    const notices: Notice[] = [
      {
        id: 'a',
        at: first.openedAt,
        kind: 'reading-opened',
        readingNumber: 1,
        revisionLabel: 'Zero draft',
        deadline: first.deadline,
        carried: 0,
      },
      {
        id: 'b',
        at: first.openedAt,
        kind: 'reading-closed',
        readingNumber: 1,
        incorporated: 2,
        setAside: 3,
        carried: 1,
      },
      { id: 'c', at: first.openedAt, kind: 'revision-circulated', revisionLabel: 'Rev.1' },
      { id: 'd', at: first.openedAt, kind: 'deadline-extended', readingNumber: 2, deadline: first.deadline },
    ];
    for (const n of notices) expect(decodeNotice(encodeNotice(n))).toEqual(n);
    expect(decodeNotice('{"id":"x","at":"2022-01-01T00:00:00Z","kind":"reading-deleted"}')).toBeUndefined();
    expect(
      decodeNotice('{"id":"x","at":"2022-01-01T00:00:00Z","kind":"revision-circulated"}'),
    ).toBeUndefined();
    expect(decodeNotice('not json')).toBeUndefined();
    expect(decodeNotice(42)).toBeUndefined();
  });
});
