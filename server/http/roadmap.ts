/**
 * HTTP routes of the roadmap: thin adapters over `Roadmap`, plus its iCalendar export (with the
 * session cookie) and subscription (with a secret per-person address calendar applications can poll).
 */
import type { Request } from 'express';
import { Router } from 'express';
import { slotSpans } from '../../shared/roadmap.js';
import type { Accounts } from '../accounts/accounts.js';
import type { Negotiations } from '../negotiations.js';
import { type Roadmap, RoadmapEntryBody } from '../roadmap/roadmap.js';
import { memberOf } from './access.js';
import { sendJsonIfChanged } from './conditional.js';
import { linkBase } from './links.js';
import { parseBody } from './validate.js';

const pagePath = (id: string) => `/n/${encodeURIComponent(id)}/roadmap`;

/** `/api/negotiations/:id/roadmap…` and `/api/calendar/:token.ics`. */
export function roadmapRoutes(negotiations: Negotiations, accounts: Accounts, roadmap: Roadmap): Router {
  const router = Router();
  const member = memberOf(accounts);

  const calendar = async (req: Request, negotiationId: string) => {
    const negotiation = await negotiations.get(negotiationId);
    const view = await roadmap.view(negotiationId);
    const { roadmapCalendar } = await import('../roadmap/ics.js');
    return roadmapCalendar({
      negotiationId,
      title: negotiation.title,
      timeZone: view.timeZone,
      entries: view.entries,
      readings: view.readings,
      pageUrl: `${linkBase(req)}${pagePath(negotiationId)}`,
      generatedAt: new Date(),
    });
  };

  router.get('/negotiations/:id/roadmap', async (req, res) => {
    await member(res, req.params.id);
    const view = await roadmap.view(req.params.id);
    // Open pages ask again with If-None-Match (useRoadmapChanges): 304 while it is the same.
    sendJsonIfChanged(req, res, {
      ...view,
      entries: view.entries.map((e) => ({ ...e, spans: slotSpans(e, view.timeZone) })),
    });
  });

  router.get('/negotiations/:id/roadmap/next', async (req, res) => {
    await member(res, req.params.id);
    res.json(await roadmap.next(req.params.id));
  });

  router.post('/negotiations/:id/roadmap', async (req, res) => {
    const m = await member(res, req.params.id);
    res.status(201).json({ entry: await roadmap.create(m, parseBody(RoadmapEntryBody, req.body)) });
  });

  router.put('/negotiations/:id/roadmap/:entryId', async (req, res) => {
    const m = await member(res, req.params.id);
    res.json({ entry: await roadmap.update(m, req.params.entryId, parseBody(RoadmapEntryBody, req.body)) });
  });

  router.delete('/negotiations/:id/roadmap/:entryId', async (req, res) => {
    const m = await member(res, req.params.id);
    await roadmap.remove(m, req.params.entryId);
    res.json({ deleted: true });
  });

  router.get('/negotiations/:id/roadmap.ics', async (req, res) => {
    await member(res, req.params.id);
    res
      .type('text/calendar; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="roadmap-${req.params.id}.ics"`)
      .set('Cache-Control', 'private, no-store')
      .send(await calendar(req, req.params.id));
  });

  router.post('/negotiations/:id/roadmap/feed', async (req, res) => {
    const m = await member(res, req.params.id);
    const token = await roadmap.createFeed(m);
    const url = `${linkBase(req)}/api/calendar/${token}.ics`;
    res.status(201).json({ url, webcalUrl: url.replace(/^https?:/, 'webcal:') });
  });

  router.get('/calendar/:token.ics', async (req, res) => {
    const negotiationId = await roadmap.negotiationOfFeed(req.params.token);
    res
      .type('text/calendar; charset=utf-8')
      .set('Cache-Control', 'private, max-age=300')
      .send(await calendar(req, negotiationId));
  });

  return router;
}
