/**
 * `GET /api/collab/:doc/access`: whether the collaboration socket of document `doc` would be
 * opened for this request now, and if not why, with the stable code the upgrade was refused with.
 * Browsers never see the HTTP status of a refused WebSocket upgrade (only a closed socket), so
 * the client asks here after a failed connection and tells the person instead of retrying
 * forever. It runs the upgrade's own authorisation and socket cap (`CollabEndpoint.check`).
 */
import { Router } from 'express';
import type { CollabEndpoint } from '../collab/websocket.js';

/** The route. */
export function collabAccessRoutes(collab: CollabEndpoint): Router {
  const router = Router();

  router.get('/collab/:doc/access', async (req, res) => {
    const decision = await collab.check(req, req.params.doc);
    if (decision.ok) {
      res.json({ ok: true, canWrite: decision.identity.canWrite });
      return;
    }
    res.status(decision.status).json({ error: { code: decision.code, message: decision.message } });
  });

  return router;
}
