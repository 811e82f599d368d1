import { describe, expect, it } from 'vitest';
import { deadlineInstant, defaultDeadline, formatInZone, localDeadlineAt, twoTimes } from './zonedTime.js';

const NY = 'America/New_York';
const BEFORE = Date.parse('2022-03-01T00:00:00Z');

describe('deadlines typed in the negotiation’s time zone', () => {
  it('turns 6 PM in New York into the instant, in summer and winter time', () => {
    expect(deadlineInstant({ date: '2022-03-29', time: '18:00' }, NY, BEFORE)).toEqual({
      ok: true,
      instant: '2022-03-29T22:00:00Z',
    });
    expect(deadlineInstant({ date: '2022-03-10', time: '18:00' }, NY, BEFORE)).toEqual({
      ok: true,
      instant: '2022-03-10T23:00:00Z',
    });
  });

  it('refuses malformed, skipped and past times', () => {
    expect(deadlineInstant({ date: '', time: '18:00' }, NY, BEFORE)).toEqual({
      ok: false,
      problem: 'malformed',
    });
    expect(deadlineInstant({ date: '2022-03-13', time: '02:30' }, NY, BEFORE)).toEqual({
      ok: false,
      problem: 'skipped',
    });
    expect(deadlineInstant({ date: '2022-02-01', time: '18:00' }, NY, BEFORE)).toEqual({
      ok: false,
      problem: 'past',
    });
  });

  it('reads an instant back as typed there, and proposes 18:00 a week later', () => {
    expect(localDeadlineAt('2022-03-29T22:00:00Z', NY)).toEqual({ date: '2022-03-29', time: '18:00' });
    expect(defaultDeadline(NY, 7, BEFORE)).toEqual({ date: '2022-03-07', time: '18:00' });
  });

  it('names the zone’s clock time and city, and leaves it out for a reader in that zone', () => {
    expect(formatInZone('2022-03-29T22:00:00Z', NY)).toBe('Tue 29 Mar 2022, 18:00 EDT in New York');
    expect(twoTimes('2022-03-29T22:00:00Z', NY, NY).zoned).toBeNull();
    expect(twoTimes('2022-03-29T22:00:00Z', NY, 'Europe/London').zoned).toBe('18:00 EDT in New York');
    expect(twoTimes('2022-03-30T02:00:00Z', NY, 'Europe/London').zoned).toBe(
      'Tue 29 Mar 2022, 22:00 EDT in New York',
    );
  });
});
