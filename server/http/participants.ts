/**
 * The participants page's API (people, sign-in links, sessions, audit log: co-facilitators; an
 * administrator invites) and a delegation's view of its own people's links and sessions.
 */
import { Router } from 'express';
import { z } from 'zod';
import { type Accounts, LINK_TTL_HOURS } from '../accounts/accounts.js';
import type { AuditLog } from '../accounts/audit.js';
import type { Participants } from '../accounts/participants.js';
import { memberOf, subjectOf } from './access.js';
import { linkBase } from './links.js';
import { parseBody, textField } from './validate.js';

const InviteBody = z
  .object({
    name: textField({ min: 2, max: 120 }),
    role: z.enum(['facilitator', 'delegate', 'observer']),
    delegation: z.string().min(2).max(10).nullable(),
    expiresInHours: z.number().int().min(1).max(LINK_TTL_HOURS.max).optional(),
  })
  .strict();

const LinkBody = z
  .object({ expiresInHours: z.number().int().min(1).max(LINK_TTL_HOURS.max).optional() })
  .strict();

/** Called when a session is revoked, to close its open sockets at once. */
export type SessionRevoked = (sessionId: string) => void;

/** `/api/negotiations/:id/participants`, `/invitations`, `/sessions`, `/audit`. */
export function participantRoutes(
  accounts: Accounts,
  participants: Participants,
  audit: AuditLog,
  revoked: SessionRevoked,
): Router {
  const router = Router();
  const member = memberOf(accounts);
  const linkUrl = (origin: string, token: string) => `${origin}/signin#${token}`;

  router.get('/negotiations/:id/participants', async (req, res) => {
    const m = await member(res, req.params.id, 'participants.list');
    res.json({ participants: await participants.everyone(m) });
  });

  // A delegation's own people, the sign-in links issued for them (by whom) and their sessions.
  router.get('/negotiations/:id/access', async (req, res) => {
    const m = await member(res, req.params.id, 'access.own');
    res.json({ people: await participants.own(m) });
  });

  router.post('/negotiations/:id/invitations', async (req, res) => {
    const s = await subjectOf(accounts, res, req.params.id, 'invitation.create');
    const link = await participants.invite(s, req.params.id, parseBody(InviteBody, req.body));
    res.status(201).json({ ...link, url: linkUrl(linkBase(req), link.token) });
  });

  router.post('/negotiations/:id/participants/:personId/links', async (req, res) => {
    const m = await member(res, req.params.id, 'link.issue');
    const body = parseBody(LinkBody, req.body);
    const link = await participants.issueLink(m, req.params.personId, body.expiresInHours);
    res.status(201).json({ ...link, url: linkUrl(linkBase(req), link.token) });
  });

  router.delete('/negotiations/:id/invitations/:invitationId', async (req, res) => {
    const m = await member(res, req.params.id, 'access.own');
    res.json({ revoked: await participants.revokeInvitation(m, req.params.invitationId) });
  });

  router.delete('/negotiations/:id/sessions/:sessionId', async (req, res) => {
    const m = await member(res, req.params.id, 'access.own');
    const done = await participants.revokeSession(m, req.params.sessionId);
    // Its sockets close once the revocation is stored (and at once if it already was).
    revoked(req.params.sessionId);
    res.json({ revoked: done });
  });

  router.get('/negotiations/:id/audit', async (req, res) => {
    await member(res, req.params.id, 'audit.read');
    const entries = await audit.list(req.params.id, 500);
    res.json({ entries });
  });

  return router;
}
