/** Validation of request bodies and parameters with zod, failing with INVALID_BODY. */
import type { z } from 'zod';
import { AppError } from '../../shared/errors.js';

/** Parses `input` with `schema` or throws a readable INVALID_BODY error. */
export function parseBody<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new AppError('INVALID_BODY', `${where}${issue.message}`);
  }
  return result.data;
}
