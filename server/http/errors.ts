/** Express handlers that turn every failure into a JSON error with a stable code. */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../../shared/errors.js';
import type { Principal } from '../accounts/accounts.js';
import type { AuditLog } from '../accounts/audit.js';
import type { Logger } from '../logger.js';

/** The type of the error `express.json` is given for a body that is not UTF-8. */
export const NOT_UTF8 = 'body.not.utf8';

/** 404 for any route nobody answered. */
export const notFound: RequestHandler = (req, res) => {
  res.status(404).json(new AppError('NOT_FOUND', `No such endpoint: ${req.method} ${req.path}`).toBody());
};

/** Converts thrown errors (including body-parser's) into JSON; never leaks a stack trace. */
export function errorHandler(log: Logger, audit: AuditLog): ErrorRequestHandler {
  return async (err: unknown, req, res, _next) => {
    const appError = toAppError(err);
    if (appError.code === 'INTERNAL') {
      log.error('http.error', {
        method: req.method,
        path: req.path,
        error: (err as Error)?.stack ?? String(err),
      });
    }
    const principal = res.locals.principal as Principal | undefined;
    if (appError.status === 403 && principal) {
      // An outsider's request belongs to no negotiation's log: the id in the path may name none
      // (it would open an audit chain for any string), and logging it under one would tell it exists.
      const negotiationId =
        appError.code === 'NOT_PARTICIPANT'
          ? null
          : (/^\/api\/negotiations\/([^/]+)/.exec(req.originalUrl)?.[1] ?? null);
      await audit.record('request.refused', negotiationId, principal, {
        method: req.method,
        path: req.originalUrl,
        code: appError.code,
      });
    }
    res.status(appError.status).json(appError.toBody());
  };
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const type = (err as { type?: string } | null)?.type;
  if (type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large.');
  if (type === NOT_UTF8) return new AppError('INVALID_TEXT', 'The request body is not valid UTF-8.');
  if (type === 'entity.parse.failed')
    return new AppError('INVALID_BODY', 'The request body is not valid JSON.');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new AppError('INVALID_BODY', 'The request body encoding is not supported.');
  }
  // Express's router fails to decode a malformed `%` in a route parameter with a URIError.
  if (err instanceof URIError) return new AppError('MALFORMED_URL', 'The request address is malformed.');
  const status = (err as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return new AppError('BAD_REQUEST', 'The server could not understand the request.');
  return new AppError('INTERNAL', 'Something went wrong on the server.');
}
