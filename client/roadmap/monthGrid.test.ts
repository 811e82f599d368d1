import { describe, expect, it } from 'vitest';
import { currentMonth, monthGrid, monthLabel, shiftMonth } from './monthGrid.js';

describe('monthGrid', () => {
  it('lays March 2022 out in five weeks from Monday 28 February', () => {
    const weeks = monthGrid('2022-03');
    expect(weeks).toHaveLength(5);
    expect(weeks[0]![0]).toEqual({ date: '2022-02-28', day: 28, inMonth: false });
    expect(weeks[0]![1]).toEqual({ date: '2022-03-01', day: 1, inMonth: true });
    expect(weeks[4]![6]).toEqual({ date: '2022-04-03', day: 3, inMonth: false });
  });

  it('starts on the 1st when it is a Monday', () => {
    expect(monthGrid('2022-08')[0]![0]!.date).toBe('2022-08-01');
  });
});

describe('shiftMonth and monthLabel', () => {
  it('moves across years', () => {
    expect(shiftMonth('2022-12', 1)).toBe('2023-01');
    expect(shiftMonth('2022-01', -1)).toBe('2021-12');
    expect(shiftMonth('2022-03', 2)).toBe('2022-05');
    expect(monthLabel('2022-03')).toBe('March 2022');
  });
});

describe('currentMonth', () => {
  it('is the month of now in the negotiation zone', () => {
    const now = new Date('2026-12-01T03:00:00Z');
    expect(currentMonth('Europe/Zurich', now)).toBe('2026-12');
    expect(currentMonth('America/New_York', now)).toBe('2026-11');
  });
});
