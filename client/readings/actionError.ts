/**
 * Readable messages of failed actions. A passed deadline is named in the reader's time and in
 * the negotiation's (the server sends `details: { deadline, timeZone }` with the error).
 */
import * as z from 'zod/mini';
import { ApiError } from '../api.js';
import { formatLocalDateTime } from '../dateTime.js';
import { errorMessage, messages } from '../i18n/messages.js';
import { formatInZone } from './zonedTime.js';

const DeadlineDetails = z.object({ deadline: z.string(), timeZone: z.string() });

const DEADLINE_CODES: Record<string, 'proposals' | 'inputs'> = {
  PROPOSAL_DEADLINE_PASSED: 'proposals',
  INPUT_DEADLINE_PASSED: 'inputs',
};

/** The message of any thrown value from an API call, with the deadline spelt out when one passed. */
export function actionErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return errorMessage('INTERNAL');
  const what = Object.hasOwn(DEADLINE_CODES, error.code) ? DEADLINE_CODES[error.code] : undefined;
  const details = DeadlineDetails.safeParse(error.details);
  if (what && details.success && !Number.isNaN(Date.parse(details.data.deadline))) {
    const { deadline, timeZone } = details.data;
    try {
      return messages.readings.deadlinePassed(
        what,
        formatLocalDateTime(deadline),
        formatInZone(deadline, timeZone),
      );
    } catch {
      // An unknown time zone: the plain message below still says what happened.
    }
  }
  return errorMessage(error.code);
}
