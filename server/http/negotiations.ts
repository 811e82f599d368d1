/** HTTP routes about negotiations. */
import { Router } from 'express';
import { AppError } from '../../shared/errors.js';
import { draftDocName } from '../../shared/protocol.js';
import type { Storage } from '../storage/storage.js';

/** `GET /api/negotiations` and `GET /api/negotiations/:id`. */
export function negotiationRoutes(storage: Storage): Router {
  const router = Router();
  router.get('/negotiations', async (_req, res) => {
    const list = await storage.listNegotiations();
    res.json({ negotiations: list.map((n) => ({ id: n.id, title: n.title })) });
  });
  router.get('/negotiations/:id', async (req, res) => {
    const n = await storage.getNegotiation(req.params.id);
    if (!n) throw new AppError('NOT_FOUND', 'No such negotiation.');
    res.json({ id: n.id, title: n.title, docName: draftDocName(n.id) });
  });
  return router;
}
