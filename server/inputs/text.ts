/** The checks of a written input's text: trimmed, not empty, not too long. */
import { AppError } from '../../shared/errors.js';
import { INPUT_LIMITS } from '../../shared/inputs.js';

/** The trimmed text of an input; refuses an empty or oversized one. */
export function checkText(raw: string): string {
  const clean = raw.trim();
  if (clean.length === 0) throw new AppError('INPUT_EMPTY', 'The input is empty.');
  if (clean.length > INPUT_LIMITS.text)
    throw new AppError(
      'INPUT_TOO_LONG',
      `The input has ${clean.length} characters; at most ${INPUT_LIMITS.text} are accepted.`,
      { max: INPUT_LIMITS.text, length: clean.length },
    );
  return clean;
}
