/**
 * `/api/negotiations/:id/visit`: the caller's own last visit (whose it is comes from the session
 * only; there is no way to name another person).
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Accounts } from '../accounts/accounts.js';
import type { Visits } from '../visits/visits.js';
import { memberOf } from './access.js';
import { parseBody } from './validate.js';

/** A visit is recorded from the session alone: the body is empty. */
const VisitBody = z.object({}).strict();

/** The visit routes. */
export function visitRoutes(accounts: Accounts, visits: Visits): Router {
  const router = Router();
  const member = memberOf(accounts);

  router.get('/negotiations/:id/visit', async (req, res) => {
    const m = await member(res, req.params.id);
    res.json({ visit: await visits.last(m) });
  });

  router.put('/negotiations/:id/visit', async (req, res) => {
    const m = await member(res, req.params.id);
    parseBody(VisitBody, req.body);
    res.json(await visits.record(m));
  });

  return router;
}
