/**
 * Importing a delegation's amendments from Word: `POST …/amendments/import/preview` takes the
 * .docx (tracked changes and comments) and answers what it would table; `POST …/amendments/import`
 * tables the reviewed batch in one unit of work. Delegates only; attribution from the session.
 */
import express, { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import type { Accounts } from '../accounts/accounts.js';
import { fileTooLarge, type ImportLimits } from '../import/docxLimits.js';
import { type AmendmentImport, MAX_IMPORT_ITEMS } from '../proposals/amendmentImport.js';
import { TableItem } from '../proposals/commands.js';
import type { ProposalQueries } from '../proposals/queries.js';
import { memberOf } from './access.js';
import { DOCX_TYPE } from './importDraft.js';
import { parseBody } from './validate.js';

/** The upload route of a Word file with tracked changes (a .docx body instead of JSON). */
export const AMENDMENT_UPLOAD_PATH = /^\/api\/negotiations\/[^/]+\/amendments\/import\/preview$/;
/** The tabling route, whose JSON body may be larger than others' (`MAX_IMPORT_BODY`). */
export const AMENDMENT_IMPORT_PATH = '/api/negotiations/:id/amendments/import';
/** Largest body of the tabling route: a batch of whole paragraphs. */
export const MAX_IMPORT_BODY = 4 * 1024 * 1024;

const ImportBody = z
  .object({
    items: z.array(TableItem).min(1),
    /** A group the caller's delegation belongs to, to table on its behalf. */
    delegation: z.string().min(2).max(12).optional(),
  })
  .strict();

/** The routes of amendment import. */
export function amendmentImportRoutes(
  accounts: Accounts,
  imports: AmendmentImport,
  queries: ProposalQueries,
  limits: ImportLimits,
): Router {
  const router = Router();
  const member = memberOf(accounts);
  const rawDocx = express.raw({ type: DOCX_TYPE, limit: limits.fileBytes });
  const upload: RequestHandler<{ id: string }> = (req, res, next) =>
    rawDocx(req, res, (err?: unknown) =>
      next((err as { type?: string } | undefined)?.type === 'entity.too.large' ? fileTooLarge(limits) : err),
    );

  router.post('/negotiations/:id/amendments/import/preview', upload, async (req, res) => {
    const m = await member(res, req.params.id, 'amendments.import');
    if (!Buffer.isBuffer(req.body))
      throw new AppError('INVALID_BODY', 'Send the Word document (.docx) itself as the body.');
    res.json(await imports.preview(m, req.body));
  });

  router.post('/negotiations/:id/amendments/import', async (req, res) => {
    const m = await member(res, req.params.id, 'amendments.import');
    const count = (req.body as { items?: unknown } | undefined)?.items;
    if (Array.isArray(count) && count.length > MAX_IMPORT_ITEMS)
      throw new AppError(
        'IMPORT_TOO_MANY_ITEMS',
        `At most ${MAX_IMPORT_ITEMS} proposals can be tabled at once; this batch has ${count.length}.`,
        { max: MAX_IMPORT_ITEMS },
      );
    const { items, delegation } = parseBody(ImportBody, req.body);
    const created = await imports.table(m, items, delegation);
    res.status(201).json({ proposals: await Promise.all(created.map((p) => queries.viewOf(p))) });
  });

  return router;
}
