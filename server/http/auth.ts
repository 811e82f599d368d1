/** Sign-in by link, sign-out, and who am I. */
import { Router } from 'express';
import { z } from 'zod';
import { delegationByCode } from '../../shared/delegations.js';
import { AppError } from '../../shared/errors.js';
import type { Accounts } from '../accounts/accounts.js';
import type { AuditLog } from '../accounts/audit.js';
import type { Storage } from '../storage/storage.js';
import { TokenBucket } from '../tokenBucket.js';
import { clearSessionCookie, principalOf, setSessionCookie } from './session.js';
import { parseBody } from './validate.js';

/** Failed sign-in attempts allowed per client address. */
export const SIGNIN_RATE = { perSecond: 0.2, burst: 10 } as const;

const SignInBody = z.object({ token: z.string().min(10).max(200) }).strict();

/** `/api/auth/*` and `/api/me`. */
export function authRoutes(
  accounts: Accounts,
  storage: Storage,
  audit: AuditLog,
  onSignOut: (sessionId: string) => void,
): Router {
  const router = Router();
  const buckets = new Map<string, TokenBucket>();

  router.post('/auth/signin', async (req, res) => {
    const ip = req.ip ?? 'unknown';
    if (buckets.size > 10_000) buckets.clear();
    const bucket = buckets.get(ip) ?? new TokenBucket(SIGNIN_RATE.perSecond, SIGNIN_RATE.burst);
    buckets.set(ip, bucket);
    // Failed attempts use up the budget; while it is empty, every attempt from that address waits.
    if (!bucket.available())
      throw new AppError('RATE_LIMITED', 'Too many sign-in attempts. Please wait a minute and try again.');
    const { token } = parseBody(SignInBody, req.body);
    try {
      const result = await accounts.signIn(token, req.get('user-agent') ?? null);
      setSessionCookie(req, res, result.sessionToken);
      await audit.record('signin', result.negotiationId, result.principal);
      res.json({ person: publicPerson(result.principal.person), negotiationId: result.negotiationId });
    } catch (err) {
      bucket.take();
      if (err instanceof AppError) await audit.record('signin.refused', null, null, { code: err.code, ip });
      throw err;
    }
  });

  router.post('/auth/signout', async (_req, res) => {
    const principal = res.locals.principal as Awaited<ReturnType<Accounts['authenticate']>> | undefined;
    if (principal) {
      await storage.accounts.revokeSession(principal.session.id, new Date().toISOString());
      await audit.record('signout', null, principal);
      onSignOut(principal.session.id);
    }
    clearSessionCookie(res);
    res.json({ ok: true });
  });

  router.get('/me', async (_req, res) => {
    const principal = principalOf(res);
    const participations = await storage.accounts.participationsOf(principal.person.id);
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
