import { describe, expect, it } from 'vitest';
import { decodeLiveView, encodeLiveView } from './liveView.js';
import { delegationRef, FACILITATORS, type ProposalView } from './proposals.js';

const amendment: ProposalView = {
  id: 'p1',
  pid: 'op12',
  kind: 'amend',
  delegation: delegationRef('EU'),
  tabledBy: delegationRef('FRA'),
  personName: 'Claire Martin',
  createdAt: '2026-05-02T09:00:00.000Z',
  updatedAt: '2026-05-02T09:30:00.000Z',
  readingId: 'r2',
  status: 'partly-incorporated',
  outdated: true,
  version: 3,
  supporters: [delegationRef('GBR'), delegationRef('TUR')],
  changes: [{ from: 'AAE=', to: 'AAI=', deleted: 'regular', inserted: 'safe, orderly and regular' }],
  text: '',
  reservation: false,
  byFacilitators: false,
  appliedAt: '2026-05-03T10:00:00.000Z',
};

const compromise: ProposalView = {
  ...amendment,
  id: 'p2',
  kind: 'alt',
  delegation: delegationRef(FACILITATORS),
  tabledBy: null,
  readingId: null,
  status: 'open',
  outdated: false,
  version: 1,
  supporters: [],
  changes: [],
  text: 'We commit to “whole-of-society” approaches — in all regions.',
  reservation: true,
  byFacilitators: true,
  appliedAt: null,
};

describe('live views', () => {
  it('decodes what it encodes, names resolved from the codes', () => {
    for (const view of [amendment, compromise]) expect(decodeLiveView(encodeLiveView(view))).toEqual(view);
    expect(decodeLiveView(encodeLiveView(amendment))?.supporters.map((s) => s.name)).toEqual([
      'United Kingdom',
      'Türkiye',
    ]);
    expect(decodeLiveView(encodeLiveView(compromise))?.delegation.name).toBe('Co-facilitators');
  });

  it('carries where a proposal was carried forward from, and reads records written before that', () => {
    const carried = { ...amendment, carriedFrom: 'r1' };
    expect(decodeLiveView(encodeLiveView(carried))).toEqual(carried);
    const earlier = JSON.stringify((JSON.parse(encodeLiveView(amendment)) as unknown[]).slice(0, 18));
    expect(decodeLiveView(earlier)).toEqual(amendment);
  });

  it('holds codes, not display names, and no field names', () => {
    const text = encodeLiveView(amendment);
    expect(text).not.toContain('United Kingdom');
    expect(text).not.toContain('"supporters"');
    expect(text.length).toBeLessThan(JSON.stringify(amendment).length / 2);
  });

  it('reads nothing from values that are not records of this format', () => {
    const record = JSON.parse(encodeLiveView(amendment)) as unknown[];
    const variant = (i: number, v: unknown) => JSON.stringify(record.map((x, j) => (j === i ? v : x)));
    for (const value of [
      undefined,
      null,
      42,
      { id: 'p1' },
      'not json',
      JSON.stringify(amendment),
      JSON.stringify(record.slice(1)),
      variant(0, 2),
      variant(1, 7),
      variant(3, 'rewrite'),
      variant(10, 'adopted'),
      variant(12, '3'),
      variant(13, [{ code: 'GBR' }]),
      variant(14, [['AAE=', 'AAI=', 'regular']]),
      variant(18, 7),
    ]) {
      expect(decodeLiveView(value)).toBeUndefined();
    }
  });
});
