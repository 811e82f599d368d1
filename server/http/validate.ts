/**
 * Validation of request bodies and parameters with zod, failing with INVALID_BODY, or with the
 * code a field's check names (text fields: INVALID_TEXT, INVISIBLE_TEXT).
 */
import { z } from 'zod';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import {
  describeTextProblem,
  normalizeText,
  type TextRules,
  textProblem,
} from '../../shared/textValidation.js';

/** What a custom issue carries so that `parseBody` answers with a code of its own. */
interface CodedParams {
  appCode: ErrorCode;
  details?: Record<string, unknown>;
}

/** Parses `input` with `schema` or throws a readable INVALID_BODY error. */
export function parseBody<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    const coded = issue.code === 'custom' ? (issue.params as CodedParams | undefined) : undefined;
    throw new AppError(coded?.appCode ?? 'INVALID_BODY', `${where}${issue.message}`, coded?.details);
  }
  return result.data;
}

/** Options of `textField`. */
export interface TextFieldOptions extends TextRules {
  /** Fewest characters after trimming (1 by default). */
  min?: number;
  max: number;
  /** Stored as NFC with line feeds (true by default); false keeps the characters as sent. */
  normalize?: boolean;
}

/**
 * A text field: trimmed, of bounded length, checked by `shared/textValidation.ts` (refused with
 * INVALID_TEXT naming the character, or INVISIBLE_TEXT) and normalised for storage.
 */
export function textField(opts: TextFieldOptions) {
  return z
    .string()
    .trim()
    .min(opts.min ?? 1)
    .max(opts.max)
    .transform((raw, ctx) => {
      const text = opts.normalize === false ? raw : normalizeText(raw, opts);
      const problem = textProblem(text, opts);
      if (!problem) return text;
      const params: CodedParams = {
        appCode: problem.kind === 'invisible' ? 'INVISIBLE_TEXT' : 'INVALID_TEXT',
        details: { ...problem },
      };
      ctx.issues.push({ code: 'custom', message: describeTextProblem(problem), input: raw, params });
      return z.NEVER;
    });
}
