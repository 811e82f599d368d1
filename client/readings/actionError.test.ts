import { describe, expect, it } from 'vitest';
import { ApiError } from '../api.js';
import { errorMessage } from '../i18n/messages.js';
import { actionErrorMessage } from './actionError.js';

describe('actionErrorMessage', () => {
  it('names a passed deadline in the reader’s time and in the negotiation’s', () => {
    const error = new ApiError('PROPOSAL_DEADLINE_PASSED', 'server words', 409, {
      deadline: '2022-04-08T22:00:00.000Z',
      timeZone: 'America/New_York',
    });
    const text = actionErrorMessage(error);
    expect(text).toMatch(/^The deadline for proposals in this reading passed on .+ your time/);
    expect(text).toContain('Fri 8 Apr 2022, 18:00 EDT in New York');
  });

  it('falls back to the code’s message without usable details', () => {
    expect(actionErrorMessage(new ApiError('PROPOSAL_DEADLINE_PASSED', '', 409))).toBe(
      errorMessage('PROPOSAL_DEADLINE_PASSED'),
    );
    expect(actionErrorMessage(new ApiError('READING_OPEN', '', 409))).toBe(errorMessage('READING_OPEN'));
    expect(actionErrorMessage(new Error('boom'))).toBe(errorMessage('INTERNAL'));
  });
});
