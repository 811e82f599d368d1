/** The checks of a written input's text: trimmed, not empty, not too long, only characters a record may hold. */
import { AppError } from '../../shared/errors.js';
import { INPUT_LIMITS } from '../../shared/inputs.js';
import { describeTextProblem, normalizeText, textProblem } from '../../shared/textValidation.js';

/** The trimmed text of an input in NFC; refuses an empty, oversized or unstorable one. */
export function checkText(raw: string): string {
  const clean = normalizeText(raw.trim(), { multiline: true });
  if (clean.length === 0) throw new AppError('INPUT_EMPTY', 'The input is empty.');
  if (clean.length > INPUT_LIMITS.text)
    throw new AppError(
      'INPUT_TOO_LONG',
      `The input has ${clean.length} characters; at most ${INPUT_LIMITS.text} are accepted.`,
      { max: INPUT_LIMITS.text, length: clean.length },
    );
  const problem = textProblem(clean, { multiline: true });
  if (problem)
    throw new AppError(
      problem.kind === 'invisible' ? 'INVISIBLE_TEXT' : 'INVALID_TEXT',
      describeTextProblem(problem, 'text'),
      { ...problem },
    );
  return clean;
}
