import { describe, expect, it } from 'vitest';
import type { RoadmapItem } from './roadmapApi.js';
import { roadmapRows } from './rows.js';

const item = (id: string, data: Partial<RoadmapItem>): RoadmapItem => ({
  id,
  kind: 'activity',
  title: id,
  precision: 'time',
  slots: [],
  format: 'virtual',
  audience: 'all',
  tentative: false,
  note: '',
  link: null,
  version: 1,
  updatedAt: '2022-03-01T00:00:00Z',
  ...data,
});

describe('roadmapRows', () => {
  const rows = roadmapRows({
    timeZone: 'America/New_York',
    entries: [
      item('later', { slots: [{ start: '2022-04-07T10:00', end: '2022-04-07T13:00', room: null }] }),
      item('unknown', { precision: 'tbd' }),
      item('week', { precision: 'week', slots: [{ start: '2022-04-27', end: null, room: null }] }),
      item('evening', { slots: [{ start: '2022-03-29T21:00', end: '2022-03-29T22:00', room: null }] }),
    ],
    readings: [{ readingId: 'r1', readingNumber: 1, at: '2022-03-29T22:00:00Z' }],
  });

  it('puts entries and reading deadlines in date order, undated last', () => {
    expect(rows.map((r) => r.key)).toEqual(['reading-r1', 'evening', 'later', 'week', 'unknown']);
    expect(rows[0]).toMatchObject({ kind: 'deadline', entry: null, readingNumber: 1 });
  });

  it('gives the local dates each row falls on, in the negotiation zone', () => {
    expect(rows[0]!.dates).toEqual([['2022-03-29']]);
    // 9 PM in New York is already the 30th in UTC; the roadmap keeps New York's date.
    expect(rows[1]!.dates).toEqual([['2022-03-29']]);
    expect(rows[3]!.dates).toEqual([['2022-04-25', '2022-04-26', '2022-04-27', '2022-04-28', '2022-04-29']]);
    expect(rows[4]!.dates).toEqual([]);
  });
});
