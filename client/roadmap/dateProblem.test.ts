import { describe, expect, it } from 'vitest';
import { ROADMAP_DATE_REASONS } from '../../shared/roadmap.js';
import { formDateProblem } from './dateProblem.js';

describe('formDateProblem', () => {
  it('names the field as the form shows it and says what is wrong', () => {
    expect(
      formDateProblem({
        path: 'slots.1.end',
        slot: 2,
        field: 'end',
        reason: 'end-before-start',
        value: '2022-04-12T10:00',
        timeZone: 'America/New_York',
      }),
    ).toEqual({
      text: 'End of date 2: The end must come after the start.',
      sitting: 1,
      field: 'end',
      reason: 'end-before-start',
    });
  });

  it('gives the format sentence only when the format was wrong', () => {
    const format = /YYYY-MM-DD/;
    for (const reason of ROADMAP_DATE_REASONS) {
      const text = formDateProblem({
        slot: 1,
        field: 'start',
        reason,
        value: '2022-03-13T02:30',
        timeZone: 'UTC',
      })?.text;
      expect(text, reason).toMatch(/^Start of date 1: \S/);
      expect(text).not.toMatch(/slots\./);
      if (reason === 'malformed') expect(text).toMatch(format);
      else expect(text, reason).not.toMatch(format);
    }
    expect(formDateProblem({ slot: null, field: null, reason: 'no-dates' })?.text).toBe(
      'Dates: Give at least one date.',
    );
  });

  it('states nothing for details it does not know', () => {
    expect(formDateProblem(undefined)).toBeNull();
    expect(formDateProblem({ path: 'slots.0.start' })).toBeNull();
    expect(formDateProblem({ reason: 'later' })).toBeNull();
  });
});
