/**
 * The participants page's API (people, sign-in links, sessions, audit log: co-facilitators; an
 * administrator invites) and a delegation's view of its own people's links and sessions.
 */
import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { type Accounts, LINK_TTL_HOURS } from '../accounts/accounts.js';
import type { AuditLog } from '../accounts/audit.js';
import { accessRows } from '../accounts/people.js';
import { isOwnPerson, requireAccessOf, requireInvitableRole } from '../policies/ownership.js';
import type { Storage } from '../storage/storage.js';
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
  storage: Storage,
  accounts: Accounts,
  audit: AuditLog,
  revoked: SessionRevoked,
): Router {
  const router = Router();
  const member = memberOf(accounts);
  const linkUrl = (origin: string, token: string) => `${origin}/signin#${token}`;

  router.get('/negotiations/:id/participants', async (req, res) => {
    const m = await member(res, req.params.id, 'participants.list');
    res.json({ participants: await accessRows(storage, accounts, m, () => true) });
  });

  // A delegation's own people, the sign-in links issued for them (by whom) and their sessions.
  router.get('/negotiations/:id/access', async (req, res) => {
    const m = await member(res, req.params.id, 'access.own');
    res.json({ people: await accessRows(storage, accounts, m, (p) => isOwnPerson(m, p)) });
  });

  router.post('/negotiations/:id/invitations', async (req, res) => {
    const s = await subjectOf(accounts, res, req.params.id, 'invitation.create');
    const body = parseBody(InviteBody, req.body);
    requireInvitableRole(s, body.role);
    const link = await accounts.invite({ negotiationId: req.params.id, ...body, by: s.principal });
    await audit.record('invitation.created', req.params.id, s, {
      invitationId: link.invitationId,
      name: body.name,
      role: body.role,
      delegation: body.delegation,
    });
    res.status(201).json({ ...link, url: linkUrl(linkBase(req), link.token) });
  });

  router.post('/negotiations/:id/participants/:personId/links', async (req, res) => {
    const m = await member(res, req.params.id, 'link.issue');
    const body = parseBody(LinkBody, req.body);
    if (!(await storage.accounts.getParticipant(req.params.id, req.params.personId))) {
      throw new AppError('NOT_FOUND', 'No such participant in this negotiation.');
    }
    const link = await accounts.issueLink(
      req.params.personId,
      req.params.id,
      m.principal,
      body.expiresInHours,
    );
    await audit.record('invitation.created', req.params.id, m, {
      invitationId: link.invitationId,
      personId: link.personId,
    });
    res.status(201).json({ ...link, url: linkUrl(linkBase(req), link.token) });
  });

  router.delete('/negotiations/:id/invitations/:invitationId', async (req, res) => {
    const m = await member(res, req.params.id, 'access.own');
    const inv = await storage.accounts.getInvitation(req.params.invitationId);
    const person = inv && (await storage.accounts.getParticipant(req.params.id, inv.personId));
    if (!inv || inv.negotiationId !== req.params.id || !person)
      throw new AppError('NOT_FOUND', 'No such sign-in link.');
    requireAccessOf(m, person, 'link.revoke');
    const done = await storage.accounts.revokeInvitation(inv.id, new Date().toISOString());
    if (done) await audit.record('invitation.revoked', req.params.id, m, { invitationId: inv.id });
    res.json({ revoked: done });
  });

  router.delete('/negotiations/:id/sessions/:sessionId', async (req, res) => {
    const m = await member(res, req.params.id, 'access.own');
    const session = await storage.accounts.getSession(req.params.sessionId);
    const person = session && (await storage.accounts.getParticipant(req.params.id, session.personId));
    if (!session || !person) throw new AppError('NOT_FOUND', 'No such session in this negotiation.');
    requireAccessOf(m, person, 'session.revoke');
    const done = await storage.accounts.revokeSession(session.id, new Date().toISOString());
    revoked(session.id);
    if (done)
      await audit.record('session.revoked', req.params.id, m, {
        sessionId: session.id,
        personId: session.personId,
      });
    res.json({ revoked: done });
  });

  router.get('/negotiations/:id/audit', async (req, res) => {
    await member(res, req.params.id, 'audit.read');
    const entries = await storage.audit.list(req.params.id, 500);
    res.json({ entries });
  });

  return router;
}
