/**
 * HTTP routes of revisions, readings and snapshots. Snapshots are records: every route that
 * would change one answers SNAPSHOT_IMMUTABLE.
 */
import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { DISPOSITIONS } from '../../shared/proposals.js';
import type { Accounts } from '../accounts/accounts.js';
import type { Readings } from '../readings/readings.js';
import { type Snapshots, snapshotMeta } from '../readings/snapshots.js';
import type { Records } from '../records/records.js';
import { memberOf } from './access.js';
import { parseBody } from './validate.js';

const DeadlineBody = z.object({ deadline: z.iso.datetime({ offset: true }) }).strict();
const VerifyQuery = z
  .object({ auditAt: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional() })
  .strict();

/** Body of "close a reading": a disposition for each of its open proposals, each named once. */
export const CloseBody = z
  .object({
    dispositions: z
      .array(z.object({ proposalId: z.string().min(1).max(64), disposition: z.enum(DISPOSITIONS) }).strict())
      .max(10_000)
      .refine((list) => new Set(list.map((d) => d.proposalId)).size === list.length, {
        message: 'each proposal may be named only once',
      })
      .default([]),
  })
  .strict();

/** `/api/negotiations/:id/{timeline,revisions,readings,snapshots,verify,records/heads}`; the last two are server/records/. */
export function readingRoutes(
  accounts: Accounts,
  readings: Readings,
  snapshots: Snapshots,
  records: Records,
): Router {
  const router = Router();
  const member = memberOf(accounts);

  router.get('/negotiations/:id/timeline', async (req, res) => {
    await member(res, req.params.id);
    res.json(await snapshots.timeline(req.params.id));
  });

  router.post('/negotiations/:id/revisions', async (req, res) => {
    const m = await member(res, req.params.id);
    parseBody(z.object({}).strict(), req.body);
    const s = await readings.circulate(m);
    res
      .status(201)
      .json({ snapshot: snapshotMeta(s, new Map([[m.principal.person.id, m.principal.person.name]])) });
  });

  router.post('/negotiations/:id/readings', async (req, res) => {
    const m = await member(res, req.params.id);
    const { deadline } = parseBody(DeadlineBody, req.body);
    res.status(201).json({ reading: await readings.open(m, new Date(deadline)) });
  });

  router.put('/negotiations/:id/readings/:readingId/deadline', async (req, res) => {
    const m = await member(res, req.params.id);
    const { deadline } = parseBody(DeadlineBody, req.body);
    res.json({ reading: await readings.extend(m, req.params.readingId, new Date(deadline)) });
  });

  router.get('/negotiations/:id/readings/:readingId/undecided', async (req, res) => {
    const m = await member(res, req.params.id);
    res.json({ proposals: await readings.undecided(m, req.params.readingId) });
  });

  router.post('/negotiations/:id/readings/:readingId/close', async (req, res) => {
    const m = await member(res, req.params.id);
    const { dispositions } = parseBody(CloseBody, req.body);
    const s = await readings.close(m, req.params.readingId, dispositions);
    res.json({ snapshot: snapshotMeta(s, new Map([[m.principal.person.id, m.principal.person.name]])) });
  });

  router.get('/negotiations/:id/snapshots/:snapshotId', async (req, res) => {
    await member(res, req.params.id);
    res.json(await snapshots.withHash(req.params.id, req.params.snapshotId));
  });

  router.all('/negotiations/:id/snapshots/:snapshotId', async (_req, _res) => {
    throw new AppError(
      'SNAPSHOT_IMMUTABLE',
      'A circulated revision or closed reading is a record and cannot be changed.',
    );
  });

  router.get('/negotiations/:id/verify', async (req, res) => {
    await member(res, req.params.id);
    const { auditAt } = parseBody(VerifyQuery, req.query);
    res.json(await records.verify(req.params.id, auditAt));
  });

  router.get('/negotiations/:id/records/heads', async (req, res) => {
    await member(res, req.params.id);
    const { auditAt } = parseBody(VerifyQuery, req.query);
    res.json(await records.heads(req.params.id, auditAt));
  });

  return router;
}
