/** The participants page's API: people, sign-in links, sessions, audit log (co-facilitators only). */
import { Router } from 'express';
import { z } from 'zod';
import { delegationByCode } from '../../shared/delegations.js';
import { AppError } from '../../shared/errors.js';
import { type Accounts, LINK_TTL_HOURS } from '../accounts/accounts.js';
import type { AuditLog } from '../accounts/audit.js';
import type { Storage } from '../storage/storage.js';
import { linkBase } from './links.js';
import { principalOf } from './session.js';
import { parseBody } from './validate.js';

const InviteBody = z
  .object({
    name: z.string().trim().min(2).max(120),
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
  const linkUrl = (origin: string, token: string) => `${origin}/signin#${token}`;

  router.get('/negotiations/:id/participants', async (req, res) => {
    await accounts.facilitator(principalOf(res), req.params.id);
    const people = await storage.accounts.listParticipants(req.params.id);
    const sessions = await storage.accounts.listSessions(people.map((p) => p.personId));
    const invitations = await storage.accounts.listInvitations(req.params.id);
    const now = new Date();
    res.json({
      participants: people.map((p) => ({
        personId: p.personId,
        name: p.name,
        role: p.role,
        delegation: p.delegation,
        delegationName: p.delegation ? (delegationByCode(p.delegation)?.name ?? p.delegation) : null,
        sessions: sessions
          .filter((s) => s.personId === p.personId && accounts.isLive(s))
          .map((s) => ({ id: s.id, createdAt: s.createdAt, expiresAt: s.expiresAt, userAgent: s.userAgent })),
        links: invitations
          .filter((i) => i.personId === p.personId)
          .map((i) => ({
            id: i.id,
            createdAt: i.createdAt,
            expiresAt: i.expiresAt,
            state: i.revokedAt
              ? 'revoked'
              : i.usedAt
                ? 'used'
                : new Date(i.expiresAt) <= now
                  ? 'expired'
                  : 'pending',
          })),
      })),
    });
  });

  router.post('/negotiations/:id/invitations', async (req, res) => {
    const m = await accounts.facilitator(principalOf(res), req.params.id);
    const body = parseBody(InviteBody, req.body);
    const link = await accounts.invite({ negotiationId: req.params.id, ...body, by: m.principal });
    await audit.record('invitation.created', req.params.id, m, {
      invitationId: link.invitationId,
      name: body.name,
      role: body.role,
      delegation: body.delegation,
    });
    res.status(201).json({ ...link, url: linkUrl(linkBase(req), link.token) });
  });

  router.post('/negotiations/:id/participants/:personId/links', async (req, res) => {
    const m = await accounts.facilitator(principalOf(res), req.params.id);
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
    const m = await accounts.facilitator(principalOf(res), req.params.id);
    const inv = await storage.accounts.getInvitation(req.params.invitationId);
    if (!inv || inv.negotiationId !== req.params.id) throw new AppError('NOT_FOUND', 'No such sign-in link.');
    const done = await storage.accounts.revokeInvitation(inv.id, new Date().toISOString());
    if (done) await audit.record('invitation.revoked', req.params.id, m, { invitationId: inv.id });
    res.json({ revoked: done });
  });

  router.delete('/negotiations/:id/sessions/:sessionId', async (req, res) => {
    const m = await accounts.facilitator(principalOf(res), req.params.id);
    const session = await storage.accounts.getSession(req.params.sessionId);
    if (!session || !(await storage.accounts.getParticipant(req.params.id, session.personId))) {
      throw new AppError('NOT_FOUND', 'No such session in this negotiation.');
    }
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
    await accounts.facilitator(principalOf(res), req.params.id);
    const entries = await storage.audit.list(req.params.id, 500);
    res.json({ entries });
  });

  return router;
}
