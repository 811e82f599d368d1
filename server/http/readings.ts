/**
 * HTTP routes of revisions, readings and snapshots. Snapshots are records: every route that
 * would change one answers SNAPSHOT_IMMUTABLE.
 */
import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { renumberedEntries } from '../../shared/numbering.js';
import { DISPOSITIONS } from '../../shared/proposals.js';
import type { CanonicalSnapshot } from '../../shared/snapshot.js';
import type { Accounts } from '../accounts/accounts.js';
import { readingLabel } from '../readings/labels.js';
import type { Readings } from '../readings/readings.js';
import type { Records } from '../records/records.js';
import type { SnapshotRecord } from '../storage/records.js';
import type { Storage } from '../storage/storage.js';
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

/** A snapshot without its Yjs state and canonical text, for lists. */
export function snapshotMeta(s: SnapshotRecord, names: ReadonlyMap<string, string>) {
  const canonical = JSON.parse(s.canonical) as CanonicalSnapshot;
  const counts: Record<string, number> = {};
  for (const p of canonical.proposals) counts[p.proposal.status] = (counts[p.proposal.status] ?? 0) + 1;
  return {
    id: s.id,
    seq: s.seq,
    kind: s.kind,
    label: s.label,
    takenAt: s.takenAt,
    takenBy: names.get(s.takenBy) ?? s.takenBy,
    hash: s.hash,
    prevHash: s.prevHash,
    proposalCounts: counts,
    paragraphs: canonical.blocks.filter((b) => b.pid).length,
    renumbered: canonical.renumbering ? renumberedEntries(canonical.renumbering) : null,
  };
}

/** Loads a stored snapshot or the live text (`live`) in canonical form. */
export async function loadSnapshot(
  storage: Storage,
  readings: Readings,
  negotiationId: string,
  id: string,
): Promise<CanonicalSnapshot> {
  if (id === 'live') return readings.live(negotiationId);
  const s = await storage.readings.getSnapshot(id);
  if (!s || s.negotiationId !== negotiationId) throw new AppError('NOT_FOUND', 'No such snapshot.');
  return JSON.parse(s.canonical) as CanonicalSnapshot;
}

/** `/api/negotiations/:id/{timeline,revisions,readings,snapshots,verify,records/heads}`; the last two are server/records/. */
export function readingRoutes(
  storage: Storage,
  accounts: Accounts,
  readings: Readings,
  records: Records,
): Router {
  const router = Router();
  const member = memberOf(accounts);

  router.get('/negotiations/:id/timeline', async (req, res) => {
    await member(res, req.params.id);
    const negotiation = (await storage.getNegotiation(req.params.id))!;
    const snapshots = await storage.readings.listSnapshots(req.params.id);
    const people = await storage.accounts.listParticipants(req.params.id);
    const names = new Map(people.map((p) => [p.personId, p.name]));
    const labels = new Map(snapshots.map((s) => [s.id, s.label]));
    res.json({
      timeZone: negotiation.timeZone,
      snapshots: snapshots.map((s) => snapshotMeta(s, names)),
      readings: (await storage.readings.listReadings(req.params.id)).map((r) => ({
        id: r.id,
        number: r.number,
        label: readingLabel(r.number),
        revisionId: r.revisionId,
        revisionLabel: labels.get(r.revisionId) ?? '',
        openedAt: r.openedAt,
        openedBy: names.get(r.openedBy) ?? r.openedBy,
        deadline: r.deadline,
        closedAt: r.closedAt,
        closedBy: r.closedBy ? (names.get(r.closedBy) ?? r.closedBy) : null,
        snapshotId: r.snapshotId,
      })),
    });
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
    const snapshot = await loadSnapshot(storage, readings, req.params.id, req.params.snapshotId);
    const stored =
      req.params.snapshotId === 'live'
        ? undefined
        : await storage.readings.getSnapshot(req.params.snapshotId);
    res.json({ snapshot, hash: stored?.hash ?? null, chain: await records.stamp(req.params.id) });
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
