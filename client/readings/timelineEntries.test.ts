import { describe, expect, it } from 'vitest';
import type { Timeline } from './readingsApi.js';
import { nextRevisionLabel, openReadingOf, timelineEntries } from './timelineEntries.js';

const snap = (id: string, seq: number, kind: 'revision' | 'reading', label: string, takenAt: string) => ({
  id,
  seq,
  kind,
  label,
  takenAt,
  takenBy: 'Co-facilitator, Bangladesh',
  hash: `h${seq}`,
  prevHash: `h${seq - 1}`,
  proposalCounts: {},
  paragraphs: 60,
  renumbered: null,
});

const reading = (
  id: string,
  number: number,
  revisionId: string,
  openedAt: string,
  snapshotId: string | null,
) => ({
  id,
  number,
  label: number === 1 ? 'First reading' : 'Second reading',
  revisionId,
  revisionLabel: revisionId === 'z' ? 'Zero draft' : 'Rev.1',
  openedAt,
  openedBy: 'Co-facilitator, Luxembourg',
  deadline: '2022-04-08T22:00:00Z',
  closedAt: snapshotId ? '2022-03-30T17:30:00Z' : null,
  closedBy: snapshotId ? 'Co-facilitator, Luxembourg' : null,
  snapshotId,
});

const DEMO: Timeline = {
  timeZone: 'America/New_York',
  snapshots: [
    snap('z', 1, 'revision', 'Zero draft', '2022-03-17T13:00:00Z'),
    snap('r1', 2, 'reading', 'First reading', '2022-03-30T17:30:00Z'),
    snap('rev1', 3, 'revision', 'Rev.1', '2022-04-04T14:00:00Z'),
  ],
  readings: [
    reading('a', 1, 'z', '2022-03-28T14:00:00Z', 'r1'),
    reading('b', 2, 'rev1', '2022-04-07T14:00:00Z', null),
  ],
};

describe('timelineEntries', () => {
  it('tells the story in order, each entry with what it is best compared against', () => {
    const entries = timelineEntries(DEMO);
    expect(entries.map((e) => (e.kind === 'revision' ? e.snapshot.label : e.reading.label))).toEqual([
      'Zero draft',
      'First reading',
      'Rev.1',
      'Second reading',
    ]);
    expect(entries.map((e) => e.compare && [e.compare.from.label, e.compare.to.label])).toEqual([
      null,
      ['Zero draft', 'First reading'],
      ['Zero draft', 'Rev.1'],
      ['Rev.1', null],
    ]);
    const open = entries[3]!;
    expect(open.kind === 'reading' && open.record).toBeNull();
  });

  it('knows the open reading and the next revision’s label', () => {
    expect(openReadingOf(DEMO)?.id).toBe('b');
    expect(nextRevisionLabel(DEMO)).toBe('Rev.2');
    expect(nextRevisionLabel({ ...DEMO, snapshots: [] })).toBe('Zero draft');
  });
});
