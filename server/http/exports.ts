/**
 * Comparison and Word export of snapshots (or the live text): thin routes over the pure
 * comparison in shared/compare.ts and the .docx writer in server/export/docx.ts.
 */
import { Router } from 'express';
import { z } from 'zod';
import { compareSnapshots } from '../../shared/compare.js';
import { briefComparison } from '../../shared/compareBrief.js';
import { liveContext, shownInCompilation } from '../../shared/shownProposals.js';
import type { CanonicalSnapshot } from '../../shared/snapshot.js';
import type { Accounts } from '../accounts/accounts.js';
import type { ExportStamp } from '../export/recordStamp.js';
import type { Readings } from '../readings/readings.js';
import type { Records } from '../records/records.js';
import type { Storage } from '../storage/storage.js';
import { memberOf } from './access.js';
import { loadSnapshot } from './readings.js';
import { parseBody } from './validate.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ref = z.string().min(1).max(40);
const CompareQuery = z.object({ from: ref, to: ref }).strict();
const ExportQuery = z.object({ mode: z.enum(['clean', 'compilation']).default('clean') }).strict();

/**
 * The two snapshots of a comparison, each carrying the proposals of the readings held between
 * them, so that changes link to the proposals they came from and the older side lists those not
 * retained (a revision itself records no proposals).
 */
async function comparisonPair(
  storage: Storage,
  readings: Readings,
  negotiationId: string,
  from: string,
  to: string,
) {
  const [older, newer] = await Promise.all([
    loadSnapshot(storage, readings, negotiationId, from),
    loadSnapshot(storage, readings, negotiationId, to),
  ]);
  // A reading's snapshot is taken as it closes: the readings closed in between name the
  // snapshots to load (not every snapshot's text). The newer side, when a reading, is among
  // them, its proposals at hand.
  const closed = (await storage.readings.listReadings(negotiationId)).filter(
    (r) => r.closedAt !== null && r.closedAt > older.takenAt && r.closedAt <= newer.takenAt,
  );
  const between = (
    await Promise.all(
      closed.map(async ({ snapshotId }) => {
        if (snapshotId === null) return [];
        if (snapshotId === to) return newer.proposals;
        return (await loadSnapshot(storage, readings, negotiationId, snapshotId)).proposals;
      }),
    )
  ).flat();
  const merge = (own: CanonicalSnapshot['proposals']) => {
    const byId = new Map(between.map((p) => [p.proposal.id, p]));
    for (const p of own) byId.set(p.proposal.id, p);
    return [...byId.values()];
  };
  return {
    older: { ...older, proposals: merge(older.proposals) },
    newer: { ...newer, proposals: merge(newer.proposals) },
  };
}

/** The chain head, and the hashes of the exported records (`live` has none), for an export. */
async function exportStamp(
  storage: Storage,
  records: Records,
  negotiationId: string,
  ids: readonly string[],
): Promise<ExportStamp> {
  const stored = await Promise.all(
    ids.filter((id) => id !== 'live').map((id) => storage.readings.getSnapshot(id)),
  );
  return {
    chain: await records.stamp(negotiationId),
    records: stored.flatMap((s) => (s ? [{ label: s.label, hash: s.hash }] : [])),
  };
}

/** `/api/negotiations/:id/compare`, `/export/:snapshotId.docx`, `/export/compare.docx`. */
export function exportRoutes(
  storage: Storage,
  accounts: Accounts,
  readings: Readings,
  records: Records,
): Router {
  const router = Router();
  const member = memberOf(accounts);
  const sendDocx = (res: import('express').Response, name: string, data: Buffer) => {
    res.setHeader('Content-Type', DOCX_TYPE);
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.send(data);
  };

  router.get('/negotiations/:id/compare', async (req, res) => {
    await member(res, req.params.id);
    const q = parseBody(CompareQuery, req.query);
    const { older, newer } = await comparisonPair(storage, readings, req.params.id, q.from, q.to);
    // In brief: what the compare page shows, less than half of the full comparison's size.
    res.json({ comparison: briefComparison(compareSnapshots(older, newer)) });
  });

  router.get('/negotiations/:id/export/compare.docx', async (req, res) => {
    await member(res, req.params.id);
    const q = parseBody(CompareQuery, req.query);
    const negotiation = (await storage.getNegotiation(req.params.id))!;
    const { older, newer } = await comparisonPair(storage, readings, req.params.id, q.from, q.to);
    const { comparisonToDocx, exportFileName } = await import('../export/docx.js');
    const data = await comparisonToDocx(compareSnapshots(older, newer), {
      title: negotiation.title,
      olderLabel: older.label,
      newerLabel: newer.label,
      stamp: await exportStamp(storage, records, req.params.id, [q.from, q.to]),
    });
    sendDocx(
      res,
      exportFileName({
        negotiationTitle: negotiation.title,
        label: `${older.label}-vs-${newer.label}`,
        date: newer.takenAt,
        suffix: 'comparison',
      }),
      data,
    );
  });

  router.get('/negotiations/:id/export/:snapshotId.docx', async (req, res) => {
    await member(res, req.params.id);
    const { mode } = parseBody(ExportQuery, req.query);
    const negotiation = (await storage.getNegotiation(req.params.id))!;
    const snapshot = await loadSnapshot(storage, readings, req.params.id, req.params.snapshotId);
    // A closed reading's compilation shows every proposal of the reading with its outcome; the
    // live text's, the live proposals and the traces of the current reading's incorporations.
    const live =
      snapshot.kind === 'live' ? liveContext(await readings.negotiationState(req.params.id)) : null;
    const { snapshotToDocx, exportFileName } = await import('../export/docx.js');
    const data = await snapshotToDocx(snapshot, {
      mode,
      title: negotiation.title,
      timeZone: negotiation.timeZone,
      shown: shownInCompilation(snapshot.kind, live),
      stamp: await exportStamp(storage, records, req.params.id, [req.params.snapshotId]),
    });
    sendDocx(
      res,
      exportFileName({
        negotiationTitle: negotiation.title,
        label: snapshot.label,
        date: snapshot.takenAt,
        ...(mode === 'compilation' ? { suffix: 'compilation' } : {}),
      }),
      data,
    );
  });

  return router;
}
