/** Sign-in by link, sign-out, and who am I. */
import { Router } from 'express';
import { z } from 'zod';
import { delegationByCode } from '../../shared/delegations.js';
import { AppError } from '../../shared/errors.js';
import type { Accounts } from '../accounts/accounts.js';
import type { AuditLog } from '../accounts/audit.js';
import { SignInLimiter } from '../accounts/signInLimiter.js';
import type { SignIns } from '../accounts/signIns.js';
import { clearSessionCookie, principalOf, setSessionCookie } from './session.js';
import { parseBody } from './validate.js';

const SignInBody = z.object({ token: z.string().min(10).max(200) }).strict();

/** `/api/auth/*` and `/api/me`. */
export function authRoutes({
  accounts,
  signIns,
  audit,
  onSignOut,
  failures = new SignInLimiter(),
}: {
  accounts: Accounts;
  signIns: SignIns;
  audit: AuditLog;
  /** Ends the signed-out session's sockets (on every process). */
  onSignOut: (sessionId: string) => void;
  /** Failed sign-ins per address and overall, shared by every process when Redis links them. */
  failures?: SignInLimiter;
}): Router {
  const router = Router();

  router.post('/auth/signin', async (req, res) => {
    const ip = req.ip ?? 'unknown';
    try {
      // A valid link always works: it is redeemed before the limiter, which counts only failures.
      const { token } = parseBody(SignInBody, req.body);
      const result = await signIns.signIn(token, req.get('user-agent') ?? null);
      setSessionCookie(req, res, result.sessionToken);
      res.json({ person: publicPerson(result.principal.person), negotiationId: result.negotiationId });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (!(await failures.fail(ip)))
        throw new AppError(
          'RATE_LIMITED',
          'Too many failed sign-in attempts. Please wait a minute and try again.',
        );
      await audit.record('signin.refused', null, null, { code: err.code, ip });
      throw err;
    }
  });

  router.post('/auth/signout', async (_req, res) => {
    const principal = res.locals.principal as Awaited<ReturnType<Accounts['authenticate']>> | undefined;
    if (principal) {
      await signIns.signOut(principal);
      onSignOut(principal.session.id);
    }
    clearSessionCookie(res);
    res.json({ ok: true });
  });

  router.get('/me', async (_req, res) => {
    const principal = principalOf(res);
    const participations = await accounts.participations(principal.person.id);
    res.json({
      person: publicPerson(principal.person),
      participations: participations.map((p) => ({
        negotiationId: p.negotiationId,
        role: p.role,
        delegation: p.delegation,
        delegationName: p.delegation ? (delegationByCode(p.delegation)?.name ?? p.delegation) : null,
      })),
    });
  });

  return router;
}

function publicPerson(p: { id: string; name: string; isAdmin: boolean }) {
  return { id: p.id, name: p.name, isAdmin: p.isAdmin };
}
