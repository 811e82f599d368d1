/** The session cookie and the per-request principal. */
import { parse as parseCookies } from 'cookie';
import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '../../shared/errors.js';
import type { Accounts, Principal } from '../accounts/accounts.js';
import { SESSION_TTL_MS } from '../accounts/accounts.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'nte_session';

/** The session token carried by a request's cookies, if any. */
export function sessionTokenOf(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  return parseCookies(cookieHeader)[SESSION_COOKIE];
}

/** Sets the HttpOnly, SameSite session cookie. */
export function setSessionCookie(req: Request, res: Response, token: string): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
    maxAge: SESSION_TTL_MS,
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Resolves the principal of a request, or throws UNAUTHENTICATED / SESSION_EXPIRED. */
export function principalOf(res: Response): Principal {
  const p = res.locals.principal as Principal | undefined;
  if (!p)
    throw (
      (res.locals.authError as AppError | undefined) ?? new AppError('UNAUTHENTICATED', 'Please sign in.')
    );
  return p;
}

/** Middleware: attaches the principal (when the cookie is valid) to `res.locals`. */
export function loadPrincipal(accounts: Accounts): RequestHandler {
  return async (req, res, next) => {
    const token = sessionTokenOf(req.headers.cookie);
    if (token) {
      try {
        res.locals.principal = await accounts.authenticate(token);
      } catch (err) {
        res.locals.authError = err;
      }
    }
    next();
  };
}
