/** HTTP routes of proposals: thin adapters over `ProposalCommands`. */
import { Router } from 'express';
import { AppError } from '../../shared/errors.js';
import type { Accounts } from '../accounts/accounts.js';
import type { ProposalCommands } from '../proposals/commands.js';
import { EditBody, ParagraphStatusBody, StatusBody, TableBody } from '../proposals/commands.js';
import type { Publication } from '../proposals/publication.js';
import { proposalView } from '../proposals/views.js';
import type { ProposalRecord } from '../storage/records.js';
import type { Storage } from '../storage/storage.js';
import { memberOf } from './access.js';
import { parseBody } from './validate.js';

/** `/api/negotiations/:id/proposals…` and `/paragraphs/:pid/status`. */
export function proposalRoutes(
  storage: Storage,
  accounts: Accounts,
  commands: ProposalCommands,
  publication: Publication,
): Router {
  const router = Router();
  const member = memberOf(accounts);
  const view = async (p: ProposalRecord) => proposalView(p, await storage.proposals.supportsOf([p.id]));

  router.get('/negotiations/:id/proposals', async (req, res) => {
    await member(res, req.params.id);
    res.json({ proposals: await publication.views(req.params.id) });
  });

  router.post('/negotiations/:id/proposals', async (req, res) => {
    const m = await member(res, req.params.id);
    const created = await commands.table(m, parseBody(TableBody, req.body));
    res.status(201).json({ proposal: await view(created) });
  });

  router.patch('/negotiations/:id/proposals/:proposalId', async (req, res) => {
    const m = await member(res, req.params.id);
    const updated = await commands.edit(m, req.params.proposalId, parseBody(EditBody, req.body));
    res.json({ proposal: await view(updated) });
  });

  router.get('/negotiations/:id/proposals/:proposalId/history', async (req, res) => {
    await member(res, req.params.id);
    const p = await storage.proposals.get(req.params.proposalId);
    if (!p || p.negotiationId !== req.params.id)
      throw new AppError('PROPOSAL_NOT_FOUND', 'No such proposal in this negotiation.');
    res.json({ versions: await storage.proposals.history(p.id) });
  });

  router.post('/negotiations/:id/proposals/:proposalId/withdraw', async (req, res) => {
    const m = await member(res, req.params.id);
    res.json({ proposal: await view(await commands.withdraw(m, req.params.proposalId)) });
  });

  router.put('/negotiations/:id/proposals/:proposalId/support', async (req, res) => {
    const m = await member(res, req.params.id);
    const p = await commands.setSupport(m, req.params.proposalId, true);
    res.json({ proposal: await view((await storage.proposals.get(p.id))!) });
  });

  router.delete('/negotiations/:id/proposals/:proposalId/support', async (req, res) => {
    const m = await member(res, req.params.id);
    const p = await commands.setSupport(m, req.params.proposalId, false);
    res.json({ proposal: await view((await storage.proposals.get(p.id))!) });
  });

  router.put('/negotiations/:id/proposals/:proposalId/status', async (req, res) => {
    const m = await member(res, req.params.id);
    const { status } = parseBody(StatusBody, req.body);
    res.json({ proposal: await view(await commands.setStatus(m, req.params.proposalId, status)) });
  });

  router.post('/negotiations/:id/proposals/:proposalId/apply', async (req, res) => {
    const m = await member(res, req.params.id);
    res.json({ proposal: await view(await commands.apply(m, req.params.proposalId)) });
  });

  router.put('/negotiations/:id/paragraphs/:pid/status', async (req, res) => {
    const m = await member(res, req.params.id);
    const { status } = parseBody(ParagraphStatusBody, req.body);
    await commands.setParagraphStatus(m, req.params.pid, status);
    res.json({ pid: req.params.pid, status });
  });

  return router;
}
