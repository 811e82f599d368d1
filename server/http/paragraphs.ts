/**
 * `/api/negotiations/:id/paragraphs`: the paragraphs of the live text in order with their numbers
 * as the reading numbers them (bis/ter for those added since the latest revision), for pages that
 * do not hold the text, such as the notifications on the timeline.
 */
import { Router } from 'express';
import type { Accounts } from '../accounts/accounts.js';
import type { Readings } from '../readings/readings.js';
import { memberOf } from './access.js';

/** The paragraph routes. */
export function paragraphRoutes(accounts: Accounts, readings: Readings): Router {
  const router = Router();
  const member = memberOf(accounts);

  router.get('/negotiations/:id/paragraphs', async (req, res) => {
    await member(res, req.params.id);
    res.json({ paragraphs: await readings.paragraphLabels(req.params.id) });
  });

  return router;
}
