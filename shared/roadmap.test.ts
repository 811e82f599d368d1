import { describe, expect, it } from 'vitest';
import {
  nextUp,
  type RoadmapEntry,
  type RoadmapEntryData,
  roadmapDateProblem,
  slotSpans,
  sortRoadmap,
} from './roadmap.js';

const NY = 'America/New_York';

let n = 0;
const entry = (data: Partial<RoadmapEntryData>): RoadmapEntry => ({
  id: `e${++n}`,
  kind: 'activity',
  title: `Entry ${n}`,
  precision: 'time',
  slots: [],
  format: 'virtual',
  audience: 'member-states',
  tentative: false,
  note: '',
  link: null,
  version: 1,
  updatedAt: '2022-03-01T00:00:00Z',
  ...data,
});
const sitting = (start: string, end: string | null = null, room: string | null = null) => ({
  start,
  end,
  room,
});

const firstReading = entry({
  title: 'First reading',
  slots: [
    sitting('2022-03-28T10:00', '2022-03-28T13:00'),
    sitting('2022-03-28T15:00', '2022-03-28T18:00'),
    sitting('2022-03-29T10:00', '2022-03-29T13:00'),
  ],
});
const writtenComments = entry({
  kind: 'deadline',
  title: 'Written comments',
  slots: [sitting('2022-03-29T18:00')],
});
const zeroDraft = entry({
  title: 'Zero draft',
  precision: 'day',
  slots: [sitting('2022-03-17')],
  note: 'Morning',
});
const informals = entry({ title: 'Informal informals', precision: 'week', slots: [sitting('2022-04-27')] });
const finalText = entry({
  kind: 'deadline',
  title: 'Final text',
  precision: 'day',
  slots: [sitting('2022-05-05')],
});
const unknown = entry({ title: 'Some day', precision: 'tbd' });

describe('roadmapDateProblem', () => {
  it('accepts sound entries of every precision', () => {
    for (const e of [firstReading, writtenComments, zeroDraft, informals, finalText, unknown])
      expect(roadmapDateProblem(e, NY)).toBeNull();
  });

  it('names the slot and the reason of a bad date', () => {
    expect(
      roadmapDateProblem(entry({ slots: [sitting('2022-02-30T10:00', '2022-02-30T11:00')] }), NY),
    ).toEqual({
      path: 'slots.0.start',
      slot: 1,
      field: 'start',
      reason: 'no-such-day',
      value: '2022-02-30T10:00',
      message: 'Start of date 1: There is no such day as 2022-02-30.',
    });
    expect(
      roadmapDateProblem(entry({ slots: [sitting('2022-03-13T02:15', '2022-03-13T04:00')] }), NY)?.message,
    ).toBe(
      'Start of date 1: 2022-03-13 02:15 does not exist in America/New_York: the clocks go forward at that hour.',
    );
    expect(
      roadmapDateProblem(entry({ slots: [sitting('2022-03-03T13:00', '2022-03-03T10:00')] }), NY),
    ).toMatchObject({ path: 'slots.0.end', message: 'End of date 1: The end must come after the start.' });
    expect(roadmapDateProblem(entry({ slots: [sitting('2022-03-03T10:00')] }), NY)?.message).toMatch(/ends/);
    expect(
      roadmapDateProblem({ ...writtenComments, slots: [sitting('2022-03-29T18:00', '2022-03-29T19:00')] }, NY)
        ?.message,
    ).toMatch(/no end/);
    expect(roadmapDateProblem({ ...zeroDraft, slots: [sitting('2022-03-17T09:00')] }, NY)?.path).toBe(
      'slots.0.start',
    );
    expect(roadmapDateProblem({ ...unknown, slots: [sitting('2022-04-01')] }, NY)?.path).toBe('slots');
    expect(roadmapDateProblem({ ...firstReading, slots: [] }, NY)?.path).toBe('slots');
  });

  it('gives the format sentence only when the format is wrong', () => {
    const reasonOf = (start: string, end = '2022-03-03T12:00', slots = 1) =>
      roadmapDateProblem(
        entry({
          slots: [
            ...Array.from({ length: slots - 1 }, () => sitting('2022-03-02T10:00', '2022-03-02T11:00')),
            sitting(start, end),
          ],
        }),
        NY,
      );
    const format = /Write dates as YYYY-MM-DD and times as HH:mm\./;
    expect(reasonOf('2022-03-03 10:00')).toMatchObject({
      reason: 'malformed',
      message: expect.stringMatching(format),
    });
    expect(reasonOf('03/03/2022T10:00')?.message).toMatch(format);
    for (const [start, end, reason] of [
      ['2022-03-03T12:00', '2022-03-03T10:00', 'end-before-start'],
      ['2022-02-30T10:00', '2022-02-30T11:00', 'no-such-day'],
      ['2022-03-03T24:00', '2022-03-03T12:00', 'no-such-time'],
      ['T10:00', '2022-03-03T12:00', 'missing'],
      ['2022-03-03T', '2022-03-03T12:00', 'missing'],
      ['2022-03-13T02:30', '2022-03-13T04:00', 'skipped'],
    ] as const) {
      const found = reasonOf(start, end, 2);
      expect(found?.reason, start).toBe(reason);
      expect(found?.slot).toBe(2);
      expect(found?.message).toMatch(/^(Start|End) of date 2: /);
      expect(found?.message).not.toMatch(format);
      expect(found?.message).not.toMatch(/slots\./);
    }
    expect(roadmapDateProblem({ ...zeroDraft, slots: [sitting('17/03/2022')] }, NY)?.message).toMatch(format);
    expect(roadmapDateProblem({ ...zeroDraft, slots: [sitting('2022-04-31')] }, NY)?.reason).toBe(
      'no-such-day',
    );
  });
});

describe('slotSpans', () => {
  it('turns sittings into instants in the negotiation zone', () => {
    expect(slotSpans(firstReading, NY)[1]).toEqual({
      start: '2022-03-28T19:00:00Z',
      end: '2022-03-28T22:00:00Z',
    });
    expect(slotSpans(writtenComments, NY)).toEqual([
      { start: '2022-03-29T22:00:00Z', end: '2022-03-29T22:00:00Z' },
    ]);
  });

  it('spans a whole day or week, and puts a day deadline at the end of the day', () => {
    expect(slotSpans(zeroDraft, NY)).toEqual([
      { start: '2022-03-17T04:00:00Z', end: '2022-03-18T04:00:00Z' },
    ]);
    expect(slotSpans(informals, NY)).toEqual([
      { start: '2022-04-25T04:00:00Z', end: '2022-05-02T04:00:00Z' },
    ]);
    expect(slotSpans(finalText, NY)).toEqual([
      { start: '2022-05-06T04:00:00Z', end: '2022-05-06T04:00:00Z' },
    ]);
    expect(slotSpans(unknown, NY)).toEqual([]);
  });
});

describe('sortRoadmap', () => {
  it('orders by date, activities before deadlines at the same time, undated last', () => {
    const late = entry({ title: 'Late', slots: [sitting('2022-03-29T18:00', '2022-03-29T19:00')] });
    const sorted = sortRoadmap(
      [unknown, finalText, writtenComments, late, informals, firstReading, zeroDraft],
      NY,
    );
    expect(sorted.map((e) => e.title)).toEqual([
      'Zero draft',
      'First reading',
      'Late',
      'Written comments',
      'Informal informals',
      'Final text',
      'Some day',
    ]);
  });
});

describe('nextUp', () => {
  const entries = [zeroDraft, firstReading, writtenComments, informals, finalText, unknown];

  it('gives the sitting going on and the next deadline', () => {
    const next = nextUp(entries, [], NY, new Date('2022-03-28T20:00:00Z'));
    expect(next.activity).toMatchObject({ entry: { title: 'First reading' }, slot: 1, ongoing: true });
    expect(next.deadline).toMatchObject({ source: 'roadmap', at: '2022-03-29T22:00:00Z' });
  });

  it('moves to the next sitting after a break, and prefers an earlier reading deadline', () => {
    const next = nextUp(
      entries,
      [{ readingId: 'r1', readingNumber: 1, at: '2022-03-29T16:00:00Z' }],
      NY,
      new Date('2022-03-28T23:00:00Z'),
    );
    expect(next.activity).toMatchObject({ slot: 2, ongoing: false });
    expect(next.deadline).toMatchObject({ source: 'reading', at: '2022-03-29T16:00:00Z' });
  });

  it('has nothing next once everything is over', () => {
    expect(nextUp(entries, [], NY, new Date('2023-01-01T00:00:00Z'))).toEqual({
      activity: null,
      deadline: null,
    });
  });
});
