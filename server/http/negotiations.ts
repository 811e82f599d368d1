/** HTTP routes about negotiations: the list a person sees, one negotiation, creation by admins. */
import { Router } from 'express';
import { z } from 'zod';
import { delegationByCode } from '../../shared/delegations.js';
import { draftDocName } from '../../shared/protocol.js';
import type { Accounts } from '../accounts/accounts.js';
import { type Negotiations, stageOf } from '../negotiations.js';
import { allowed, authorize } from '../policies/policies.js';
import { subjectOf } from './access.js';
import { principalOf } from './session.js';
import { parseBody, textField } from './validate.js';

const CreateBody = z
  .object({
    title: textField({ min: 3, max: 300 }),
    timeZone: z.string().min(1).max(64),
    facilitatorDelegations: z.array(z.string().min(2).max(10)).min(1).max(4),
  })
  .strict();

/** `/api/negotiations…` */
export function negotiationRoutes(negotiations: Negotiations, accounts: Accounts): Router {
  const router = Router();

  router.get('/negotiations', async (_req, res) => {
    const visible = await negotiations.visibleTo(principalOf(res));
    res.json({
      negotiations: visible.map(({ negotiation: n, participant }) => ({
        id: n.id,
        title: n.title,
        stage: stageOf(n),
        role: participant?.role ?? null,
        delegation: participant?.delegation ?? null,
      })),
    });
  });

  router.get('/negotiations/:id', async (req, res) => {
    const principal = principalOf(res);
    // A server administrator who takes no part sees the description only (role null).
    const { participant } = await subjectOf(accounts, res, req.params.id, 'negotiation.describe');
    const n = await negotiations.get(req.params.id);
    res.json({
      id: n.id,
      title: n.title,
      timeZone: n.timeZone,
      stage: stageOf(n),
      docName: draftDocName(n.id),
      facilitatorDelegations: n.facilitatorDelegations.map((code) => ({
        code,
        name: delegationByCode(code)?.name ?? code,
      })),
      me: {
        personId: principal.person.id,
        name: principal.person.name,
        isAdmin: principal.person.isAdmin,
        role: participant?.role ?? null,
        delegation: participant?.delegation ?? null,
        delegationName: participant?.delegation
          ? (delegationByCode(participant.delegation)?.name ?? null)
          : null,
        canEditText: allowed({ principal, participant }, 'text.edit'),
      },
    });
  });

  router.post('/negotiations', async (req, res) => {
    const principal = principalOf(res);
    // Refused before the body is read: an outsider learns nothing of what it should hold.
    authorize({ principal, participant: null }, 'negotiation.create');
    const n = await negotiations.create(principal, parseBody(CreateBody, req.body));
    res.status(201).json({ id: n.id, title: n.title });
  });

  return router;
}
