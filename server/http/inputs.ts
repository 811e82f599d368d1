/** HTTP routes of guiding questions and written inputs: thin adapters over `Inputs`. */
import { Router } from 'express';
import { z } from 'zod';
import type { Accounts } from '../accounts/accounts.js';
import {
  EditInputBody,
  type Inputs,
  inputView,
  QuestionBody,
  SubmitInputBody,
  VisibilityBody,
} from '../inputs/inputs.js';
import type { Negotiations } from '../negotiations.js';
import { memberOf } from './access.js';
import { parseBody } from './validate.js';

const ReadingQuery = z.object({ readingId: z.string().min(1).max(64).optional() });

/** `/api/negotiations/:id/questions`, `/inputs…`. */
export function inputRoutes(negotiations: Negotiations, accounts: Accounts, inputs: Inputs): Router {
  const router = Router();
  const member = memberOf(accounts);

  router.post('/negotiations/:id/questions', async (req, res) => {
    const m = await member(res, req.params.id);
    res.status(201).json({ question: await inputs.addQuestion(m, parseBody(QuestionBody, req.body)) });
  });

  router.get('/negotiations/:id/inputs', async (req, res) => {
    const m = await member(res, req.params.id);
    const { readingId } = parseBody(ReadingQuery, req.query);
    res.json(await inputs.overview(m, readingId));
  });

  router.post('/negotiations/:id/inputs', async (req, res) => {
    const m = await member(res, req.params.id);
    const created = await inputs.submit(m, parseBody(SubmitInputBody, req.body));
    res.status(201).json({ input: inputView(created) });
  });

  router.put('/negotiations/:id/inputs/settings', async (req, res) => {
    const m = await member(res, req.params.id);
    const { stakeholderInputsVisible } = parseBody(VisibilityBody, req.body);
    await inputs.setStakeholderVisibility(m, stakeholderInputsVisible);
    res.json({ stakeholderInputsVisible });
  });

  router.get('/negotiations/:id/inputs/compilation', async (req, res) => {
    const m = await member(res, req.params.id);
    const { readingId } = parseBody(ReadingQuery, req.query);
    res.json(await inputs.compilation(m, readingId));
  });

  router.get('/negotiations/:id/inputs/compilation.docx', async (req, res) => {
    const m = await member(res, req.params.id);
    const { readingId } = parseBody(ReadingQuery, req.query);
    const { reading, timeZone, compilation } = await inputs.compilation(m, readingId);
    const negotiation = await negotiations.get(req.params.id);
    const { compilationDocx } = await import('../inputs/docx.js');
    const bytes = await compilationDocx({
      negotiationTitle: negotiation.title,
      readingLabel: reading?.label ?? 'No reading',
      deadline: reading?.deadline ?? new Date().toISOString(),
      timeZone,
      compiledAt: new Date(),
      compilation,
    });
    const name = `written-inputs-${req.params.id}-${reading ? `reading-${reading.number}` : 'none'}.docx`;
    res
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .set('Content-Disposition', `attachment; filename="${name}"`)
      .set('Cache-Control', 'private, no-store')
      .send(bytes);
  });

  router.patch('/negotiations/:id/inputs/:inputId', async (req, res) => {
    const m = await member(res, req.params.id);
    const updated = await inputs.edit(m, req.params.inputId, parseBody(EditInputBody, req.body));
    res.json({ input: inputView(updated) });
  });

  router.get('/negotiations/:id/inputs/:inputId/history', async (req, res) => {
    const m = await member(res, req.params.id);
    const versions = await inputs.history(m, req.params.inputId);
    res.json({
      versions: versions.map((v) => ({
        version: v.version,
        text: v.text,
        editedAt: v.editedAt,
        personName: v.personName,
      })),
    });
  });

  return router;
}
