import { describe, expect, it } from 'vitest';
import {
  countdown,
  instantOf,
  isLocalDate,
  isLocalDateTime,
  isTimeZone,
  localDateTimeAt,
  localDateTimeProblem,
  mondayOf,
  offsetMinutes,
  zoneAbbreviation,
  zonedParts,
} from './time.js';

const NY = 'America/New_York';

describe('time zones', () => {
  it('knows IANA zones and refuses made-up ones', () => {
    expect(isTimeZone(NY)).toBe(true);
    expect(isTimeZone('Europe/Zurich')).toBe(true);
    expect(isTimeZone('Asia/Dhaka')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('Europe/Geneva')).toBe(false); // Geneva keeps Zurich's time
    expect(isTimeZone('UTC+25')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('turns New York wall-clock times into instants across the EST to EDT change (13 March 2022)', () => {
    // Before the change: EST, UTC−5. After: EDT, UTC−4.
    expect(instantOf('2022-03-03T10:00', NY)).toBe('2022-03-03T15:00:00Z');
    expect(instantOf('2022-03-22T10:00', NY)).toBe('2022-03-22T14:00:00Z');
    expect(instantOf('2022-03-29T18:00', NY)).toBe('2022-03-29T22:00:00Z');
    expect(zoneAbbreviation('2022-03-03T15:00:00Z', NY)).toBe('EST');
    expect(zoneAbbreviation('2022-03-29T22:00:00Z', NY)).toBe('EDT');
    expect(offsetMinutes('2022-03-13T06:59:00Z', NY)).toBe(-300);
    expect(offsetMinutes('2022-03-13T07:00:00Z', NY)).toBe(-240);
  });

  it('and back again at the EDT to EST change (6 November 2022)', () => {
    expect(instantOf('2022-11-04T10:00', NY)).toBe('2022-11-04T14:00:00Z');
    expect(instantOf('2022-11-07T10:00', NY)).toBe('2022-11-07T15:00:00Z');
    expect(zoneAbbreviation('2022-11-07T15:00:00Z', NY)).toBe('EST');
  });

  it('refuses a time in the hour skipped when the clocks go forward, and malformed values', () => {
    expect(localDateTimeProblem('2022-03-13T02:30', NY)).toBe('skipped');
    expect(localDateTimeProblem('2022-03-13T03:30', NY)).toBeNull();
    expect(localDateTimeProblem('2022-03-13T02:30', 'Europe/Zurich')).toBeNull();
    expect(localDateTimeProblem('2022-02-30T10:00', NY)).toBe('malformed');
    expect(localDateTimeProblem('2022-03-29 18:00', NY)).toBe('malformed');
    expect(localDateTimeProblem('2022-03-29T24:00', NY)).toBe('malformed');
    expect(localDateTimeProblem('2022-03-29T18:00:00Z', NY)).toBe('malformed');
    expect(isLocalDateTime('2022-03-29T6:00')).toBe(false);
    expect(isLocalDate('2022-04-31')).toBe(false);
    expect(isLocalDate('2022-04-30')).toBe(true);
  });

  it('shows the first-reading deadline (6 PM EDT, 29 March 2022) in other zones', () => {
    const deadline = instantOf('2022-03-29T18:00', NY);
    expect(zonedParts(deadline, NY)).toEqual({
      date: 'Tue 29 Mar 2022',
      time: '18:00',
      zone: 'EDT',
      localDate: '2022-03-29',
    });
    // Geneva (Europe/Zurich) moved to summer time on 27 March: midnight the next day, CEST.
    expect(zonedParts(deadline, 'Europe/Zurich')).toMatchObject({
      date: 'Wed 30 Mar 2022',
      time: '00:00',
      zone: 'CEST',
    });
    expect(localDateTimeAt(deadline, 'Asia/Dhaka')).toBe('2022-03-30T04:00');
    expect(localDateTimeAt(deadline, 'Asia/Tokyo')).toBe('2022-03-30T07:00');
    expect(localDateTimeAt(deadline, 'UTC')).toBe('2022-03-29T22:00');
  });

  it('keeps the gap between New York and Geneva at five hours in the weeks their changes differ', () => {
    // 22 March 2022: New York already on EDT, Geneva still on CET.
    expect(localDateTimeAt(instantOf('2022-03-22T10:00', NY), 'Europe/Zurich')).toBe('2022-03-22T15:00');
    // 4 April 2022: both on summer time, six hours apart again.
    expect(localDateTimeAt(instantOf('2022-04-04T10:00', NY), 'Europe/Zurich')).toBe('2022-04-04T16:00');
  });

  it('finds the Monday of a week', () => {
    expect(mondayOf('2022-04-25')).toBe('2022-04-25');
    expect(mondayOf('2022-04-28')).toBe('2022-04-25');
    expect(mondayOf('2022-05-01')).toBe('2022-04-25');
  });
});

describe('countdown', () => {
  it('splits the time left into days, hours, minutes and seconds', () => {
    const now = Date.parse('2022-03-27T20:00:00Z');
    expect(countdown(now, Date.parse('2022-03-29T22:00:00Z'))).toEqual({
      past: false,
      days: 2,
      hours: 2,
      minutes: 0,
      seconds: 0,
    });
    expect(countdown(now, now + 61_500)).toMatchObject({ days: 0, hours: 0, minutes: 1, seconds: 1 });
  });

  it('stops at zero once the moment has passed', () => {
    expect(countdown(10_000, 5_000)).toEqual({ past: true, days: 0, hours: 0, minutes: 0, seconds: 0 });
  });
});
