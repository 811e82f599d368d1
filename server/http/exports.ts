/**
 * Comparison, Word and Akoma Ntoso export of snapshots (or the live text): thin routes over the
 * pure comparison in shared/compare.ts, the .docx writer in server/export/docx.ts and the AKN
 * writer in server/export/akn.ts.
 */
import { Router } from 'express';
import { z } from 'zod';
import { compareSnapshots } from '../../shared/compare.js';
import { briefComparison } from '../../shared/compareBrief.js';
import { delegationRef } from '../../shared/proposals.js';
import { liveContext, shownInCompilation } from '../../shared/shownProposals.js';
import { localDateAt } from '../../shared/time.js';
import type { Accounts } from '../accounts/accounts.js';
import { AKN_TYPE, snapshotToAkn } from '../export/akn.js';
import type { Negotiations } from '../negotiations.js';
import type { Readings } from '../readings/readings.js';
import type { Snapshots } from '../readings/snapshots.js';
import { memberOf } from './access.js';
import { parseBody } from './validate.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ref = z.string().min(1).max(40);
const CompareQuery = z.object({ from: ref, to: ref }).strict();
const ExportQuery = z.object({ mode: z.enum(['clean', 'compilation']).default('clean') }).strict();
const NoQuery = z.object({}).strict();

/**
 * `/api/negotiations/:id/compare`, `/export/:snapshotId.docx`, `/export/compare.docx`,
 * `/export/:snapshotId.akn.xml`.
 */
export function exportRoutes(
  negotiations: Negotiations,
  accounts: Accounts,
  readings: Readings,
  snapshots: Snapshots,
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
    const { older, newer } = await snapshots.comparisonPair(req.params.id, q.from, q.to);
    // In brief: what the compare page shows, less than half of the full comparison's size.
    res.json({ comparison: briefComparison(compareSnapshots(older, newer)) });
  });

  router.get('/negotiations/:id/export/compare.docx', async (req, res) => {
    await member(res, req.params.id);
    const q = parseBody(CompareQuery, req.query);
    const negotiation = await negotiations.get(req.params.id);
    const { older, newer } = await snapshots.comparisonPair(req.params.id, q.from, q.to);
    const { comparisonToDocx, exportFileName } = await import('../export/docx.js');
    const data = await comparisonToDocx(compareSnapshots(older, newer), {
      title: negotiation.title,
      olderLabel: older.label,
      newerLabel: newer.label,
      stamp: await snapshots.exportStamp(req.params.id, [q.from, q.to]),
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
    const negotiation = await negotiations.get(req.params.id);
    const snapshot = await snapshots.canonical(req.params.id, req.params.snapshotId);
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
      stamp: await snapshots.exportStamp(req.params.id, [req.params.snapshotId]),
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

  router.get('/negotiations/:id/export/:snapshotId.akn.xml', async (req, res) => {
    await member(res, req.params.id);
    parseBody(NoQuery, req.query);
    const negotiation = await negotiations.get(req.params.id);
    const snapshot = await snapshots.canonical(req.params.id, req.params.snapshotId);
    const live =
      snapshot.kind === 'live' ? liveContext(await readings.negotiationState(req.params.id)) : null;
    // The lifecycle lists the revisions and readings up to the exported one (all, for the live text).
    const timeline = (await snapshots.timeline(req.params.id)).snapshots;
    const upTo = timeline.findIndex((s) => s.id === req.params.snapshotId);
    const history = (upTo < 0 ? timeline : timeline.slice(0, upTo + 1)).map((s) => ({
      id: s.id,
      kind: s.kind,
      label: s.label,
      takenAt: s.takenAt,
      takenBy: s.takenBy,
    }));
    const xml = snapshotToAkn(snapshot, {
      negotiationId: negotiation.id,
      title: negotiation.title,
      timeZone: negotiation.timeZone,
      createdAt: negotiation.createdAt,
      facilitatorDelegations: negotiation.facilitatorDelegations.map(delegationRef),
      history,
      snapshotId: req.params.snapshotId,
      shown: shownInCompilation(snapshot.kind, live),
      exportedAt: new Date().toISOString(),
    });
    const { exportFileName } = await import('../export/docx.js');
    const name = exportFileName({
      negotiationTitle: negotiation.title,
      label: snapshot.label,
      date: localDateAt(snapshot.takenAt, negotiation.timeZone),
      extension: 'akn.xml',
    });
    res.setHeader('Content-Type', `${AKN_TYPE}; charset=utf-8`);
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.send(xml);
  });

  return router;
}
