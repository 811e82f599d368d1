/** HTTP routes of proposals: thin adapters over `ProposalCommands` and `ProposalQueries`. */
import { Router } from 'express';
import type { Accounts } from '../accounts/accounts.js';
import type { ProposalCommands } from '../proposals/commands.js';
import { EditBody, ParagraphStatusBody, StatusBody, TableBody } from '../proposals/commands.js';
import type { ProposalQueries } from '../proposals/queries.js';
import { memberOf } from './access.js';
import { parseBody } from './validate.js';

/** `/api/negotiations/:id/proposals…` and `/paragraphs/:pid/status`. */
export function proposalRoutes(
  accounts: Accounts,
  commands: ProposalCommands,
  queries: ProposalQueries,
): Router {
  const router = Router();
  const member = memberOf(accounts);
  const view = queries.viewOf.bind(queries);

  router.get('/negotiations/:id/proposals', async (req, res) => {
    await member(res, req.params.id);
    res.json({ proposals: await queries.views(req.params.id) });
  });

  // Whose list it is comes from the session: any query parameter naming a delegation is ignored.
  router.get('/negotiations/:id/proposals/mine', async (req, res) => {
    res.json(await queries.mine(await member(res, req.params.id)));
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
    res.json({ versions: await queries.history(req.params.id, req.params.proposalId) });
  });

  router.post('/negotiations/:id/proposals/:proposalId/withdraw', async (req, res) => {
    const m = await member(res, req.params.id);
    res.json({ proposal: await view(await commands.withdraw(m, req.params.proposalId)) });
  });

  router.put('/negotiations/:id/proposals/:proposalId/support', async (req, res) => {
    const m = await member(res, req.params.id);
    const p = await commands.setSupport(m, req.params.proposalId, true);
    res.json({ proposal: await queries.current(req.params.id, p.id) });
  });

  router.delete('/negotiations/:id/proposals/:proposalId/support', async (req, res) => {
    const m = await member(res, req.params.id);
    const p = await commands.setSupport(m, req.params.proposalId, false);
    res.json({ proposal: await queries.current(req.params.id, p.id) });
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
