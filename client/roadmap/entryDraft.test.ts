import { describe, expect, it } from 'vitest';
import { draftOf, inputOf } from './entryDraft.js';
import type { RoadmapItem } from './roadmapApi.js';

const NY = 'America/New_York';
const reading: RoadmapItem = {
  id: 'e1',
  kind: 'activity',
  title: 'First reading',
  precision: 'time',
  slots: [
    { start: '2022-03-28T10:00', end: '2022-03-28T13:00', room: 'Trusteeship Council Chamber' },
    { start: '2022-03-29T15:00', end: '2022-03-29T18:00', room: null },
  ],
  format: 'in-person',
  audience: 'member-states',
  tentative: true,
  note: 'May conclude earlier.',
  link: { type: 'reading', id: 'r1' },
  version: 2,
  updatedAt: '2022-03-01T00:00:00Z',
};

describe('entry drafts', () => {
  it('round-trip an entry through the form', () => {
    const draft = draftOf(reading, NY);
    expect(draft.sittings[0]).toEqual({
      date: '2022-03-28',
      start: '10:00',
      end: '13:00',
      room: 'Trusteeship Council Chamber',
    });
    expect(draft.link).toBe('reading:r1');
    const { id: _id, version: _v, updatedAt: _u, ...data } = reading;
    expect(inputOf(draft, NY)).toEqual(data);
  });

  it('sends dates only for day and week entries, nothing for undated ones, no end for deadlines', () => {
    const base = draftOf(null, NY);
    const day = {
      ...base,
      title: ' Zero draft ',
      precision: 'day' as const,
      sittings: [{ date: '2022-03-17', start: '', end: '', room: '' }],
    };
    expect(inputOf(day, NY).slots).toEqual([{ start: '2022-03-17', end: null, room: null }]);
    expect(inputOf(day, NY).title).toBe('Zero draft');
    expect(inputOf({ ...day, precision: 'tbd' }, NY).slots).toEqual([]);
    const deadline = {
      ...base,
      kind: 'deadline' as const,
      format: '' as const,
      sittings: [{ date: '2022-03-29', start: '18:00', end: '', room: '' }],
    };
    expect(inputOf(deadline, NY)).toMatchObject({
      slots: [{ start: '2022-03-29T18:00', end: null }],
      format: null,
    });
  });

  it('names another zone only when the times were written in one', () => {
    const base = draftOf(null, NY);
    expect(inputOf(base, NY)).not.toHaveProperty('timeZone');
    expect(inputOf({ ...base, timeZone: 'Europe/Zurich' }, NY).timeZone).toBe('Europe/Zurich');
  });
});
