import { describe, expect, it } from 'vitest';
import type { RoadmapEntry } from '../../shared/roadmap.js';
import { eventUid, roadmapCalendar } from './ics.js';

const base: Omit<RoadmapEntry, 'id' | 'title' | 'slots'> = {
  kind: 'activity',
  precision: 'time',
  format: 'virtual',
  audience: 'member-states',
  tentative: false,
  note: '',
  link: null,
  version: 1,
  updatedAt: '2022-03-01T15:00:00Z',
};

const entries: RoadmapEntry[] = [
  {
    ...base,
    id: 'march3',
    title: 'Informal meeting with Member States: roadmap, priorities; and a title long enough to be folded',
    slots: [{ start: '2022-03-03T10:00', end: '2022-03-03T13:00', room: null }],
  },
  {
    ...base,
    id: 'reading1',
    title: 'First reading',
    format: 'in-person',
    tentative: true,
    version: 3,
    note: 'Two days are booked;\nthe reading may conclude earlier, C:\\rooms.',
    slots: [
      { start: '2022-03-28T10:00', end: '2022-03-28T13:00', room: 'Trusteeship Council Chamber' },
      { start: '2022-03-29T15:00', end: '2022-03-29T18:00', room: 'Conference Room 3' },
    ],
  },
  {
    ...base,
    id: 'comments',
    kind: 'deadline',
    title: 'Deadline for written comments on the zero draft',
    format: 'email',
    slots: [{ start: '2022-03-29T18:00', end: null, room: null }],
  },
  {
    ...base,
    id: 'zero',
    title: 'Zero draft shared',
    precision: 'day',
    note: 'Morning',
    slots: [{ start: '2022-03-17', end: null, room: null }],
  },
  {
    ...base,
    id: 'informals',
    title: 'Informal informals',
    precision: 'week',
    tentative: true,
    format: 'tbd',
    slots: [{ start: '2022-04-27', end: null, room: null }],
  },
  { ...base, id: 'unknown', title: 'Not yet dated', precision: 'tbd', slots: [] },
];

const ics = roadmapCalendar({
  negotiationId: 'imrf-2022',
  title: 'Progress Declaration, IMRF; 2022',
  timeZone: 'America/New_York',
  entries,
  readings: [{ readingId: 'r2', readingNumber: 2, at: '2022-04-12T22:00:00Z' }],
  pageUrl: 'http://localhost:3000/n/imrf-2022/roadmap',
  generatedAt: new Date('2022-03-01T09:30:00Z'),
});
const physical = ics.split('\r\n');
const unfolded = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
const events = ics
  .replace(/\r\n[ \t]/g, '')
  .split('BEGIN:VEVENT\r\n')
  .slice(1)
  .map((e) => e.split('\r\n'));
const prop = (lines: string[], name: string) =>
  lines.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
const event = (uidKey: string) =>
  events.find((e) => prop(e, 'UID') === `UID:${eventUid('imrf-2022', uidKey)}`)!;

describe('roadmapCalendar', () => {
  it('is a VCALENDAR with CRLF line ends and no line longer than 75 octets', () => {
    expect(physical[0]).toBe('BEGIN:VCALENDAR');
    expect(ics.endsWith('END:VCALENDAR')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of physical) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(unfolded).toContain('VERSION:2.0');
    expect(prop(unfolded, 'PRODID')).toBe('PRODID:-//negotiated-texts//roadmap//EN');
  });

  it('folds long lines with a leading space and they unfold to the whole text', () => {
    const folded = physical.findIndex((l) => l.startsWith('SUMMARY:Informal meeting'));
    expect(physical[folded + 1]!.startsWith(' ')).toBe(true);
    expect(prop(event('march3-1'), 'SUMMARY')).toBe(
      'SUMMARY:Informal meeting with Member States: roadmap\\, priorities\\; and a title long enough to be folded',
    );
  });

  it('escapes commas, semicolons, backslashes and line breaks in texts, and in the calendar name', () => {
    expect(prop(event('reading1-1'), 'DESCRIPTION')).toContain(
      'Two days are booked\\;\\nthe reading may conclude earlier\\, C:\\\\rooms.',
    );
    expect(prop(unfolded, 'X-WR-CALNAME')).toBe('X-WR-CALNAME:Roadmap: Progress Declaration\\, IMRF\\; 2022');
  });

  it('gives every sitting a stable, unique UID, a DTSTAMP in UTC and the entry version as SEQUENCE', () => {
    const uids = events.map((e) => prop(e, 'UID'));
    expect(new Set(uids).size).toBe(uids.length);
    expect(uids).toContain(`UID:${eventUid('imrf-2022', 'reading1-2')}`);
    expect(eventUid('imrf-2022', 'x')).toBe('x@imrf-2022.roadmap.negotiated-texts');
    for (const e of events) expect(prop(e, 'DTSTAMP')).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(prop(event('reading1-2'), 'SEQUENCE')).toBe('SEQUENCE:3');
    // Stamped when written or last changed, never with the (future) time the event is about.
    expect(prop(event('reading-r2-deadline'), 'DTSTAMP')).toBe('DTSTAMP:20220301T093000Z');
    expect(prop(event('reading1-2'), 'DTSTAMP')).toBe(
      `DTSTAMP:${entries.find((e) => e.id === 'reading1')!.updatedAt.replace(/[-:]|\.\d+/g, '')}`,
    );
    expect(prop(event('reading1-1'), 'STATUS')).toBe('STATUS:TENTATIVE');
    expect(prop(event('reading1-2'), 'LOCATION')).toBe('LOCATION:Conference Room 3');
  });

  it('writes timed sittings in the negotiation zone with its VTIMEZONE, before and after the clock change', () => {
    expect(unfolded).toContain('BEGIN:VTIMEZONE');
    expect(unfolded).toContain('TZID:America/New_York');
    expect(prop(event('march3-1'), 'DTSTART')).toBe('DTSTART;TZID=America/New_York:20220303T100000');
    expect(prop(event('march3-1'), 'DTEND')).toBe('DTEND;TZID=America/New_York:20220303T130000');
    expect(prop(event('comments-1'), 'DTSTART')).toBe('DTSTART;TZID=America/New_York:20220329T180000');
    expect(prop(event('comments-1'), 'DTEND')).toBeUndefined();
    expect(prop(event('reading-r2-deadline'), 'DTSTART')).toBe(
      'DTSTART;TZID=America/New_York:20220412T180000',
    );
  });

  it('makes day and week entries all-day events and leaves undated entries out', () => {
    expect(prop(event('zero-1'), 'DTSTART')).toBe('DTSTART;VALUE=DATE:20220317');
    expect(prop(event('zero-1'), 'DTEND')).toBe('DTEND;VALUE=DATE:20220318');
    expect(prop(event('informals-1'), 'DTSTART')).toBe('DTSTART;VALUE=DATE:20220425');
    expect(prop(event('informals-1'), 'DTEND')).toBe('DTEND;VALUE=DATE:20220430');
    expect(events.some((e) => prop(e, 'SUMMARY')?.includes('Not yet dated'))).toBe(false);
    expect(events).toHaveLength(7);
  });
});
