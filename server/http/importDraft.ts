/**
 * Importing a zero draft from Word, Akoma Ntoso or pasted text: a preview of what was
 * recognised, then the replacement of the draft — refused once a revision has been circulated.
 */
import express, { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import { paragraphsOfText, recognise } from '../../shared/importText.js';
import type { Accounts } from '../accounts/accounts.js';
import { AKN_UPLOAD_TYPES, type AknImporter } from '../import/aknImport.js';
import type { DocxImporter } from '../import/docxImport.js';
import { fileTooLarge, tooManyParagraphs } from '../import/docxLimits.js';
import type { DraftImport } from '../import/draftImport.js';
import { memberOf } from './access.js';
import { parseBody } from './validate.js';

/** The media type of a .docx upload. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The one route that takes a file (.docx or Akoma Ntoso XML) as its body instead of JSON. */
export const IMPORT_UPLOAD_PATH = /^\/api\/negotiations\/[^/]+\/import\/preview$/;

const TextBody = z.object({ text: z.string().min(1).max(500_000) }).strict();
const ReplaceBody = z
  .object({ doc: z.object({ type: z.literal('doc'), content: z.array(z.unknown()).max(5_000) }) })
  .strict();

/** `/api/negotiations/:id/import/preview` and `/api/negotiations/:id/import`. */
export function importRoutes(
  accounts: Accounts,
  drafts: DraftImport,
  importer: DocxImporter,
  akn: AknImporter,
): Router {
  const router = Router();
  const rawDocx = express.raw({ type: DOCX_TYPE, limit: importer.limits.fileBytes });
  const rawAkn = express.raw({ type: [...AKN_UPLOAD_TYPES], limit: akn.limits.fileBytes });
  const tooLarge = (err: unknown, bytes: number) =>
    (err as { type?: string } | undefined)?.type === 'entity.too.large'
      ? fileTooLarge({ fileBytes: bytes })
      : err;
  const upload: RequestHandler<{ id: string }> = (req, res, next) =>
    rawDocx(req, res, (err?: unknown) =>
      err
        ? next(tooLarge(err, importer.limits.fileBytes))
        : rawAkn(req, res, (e?: unknown) => next(e ? tooLarge(e, akn.limits.fileBytes) : undefined)),
    );
  const member = memberOf(accounts);
  const facilitator = (res: import('express').Response, id: string) => member(res, id, 'draft.import');

  router.post('/negotiations/:id/import/preview', upload, async (req, res) => {
    await facilitator(res, req.params.id);
    if (Buffer.isBuffer(req.body) && req.is(DOCX_TYPE) === false) {
      res.json(await akn.preview(req.body));
      return;
    }
    const paragraphs = Buffer.isBuffer(req.body)
      ? await importer.read(req.body)
      : paragraphsOfText(parseBody(TextBody, req.body).text);
    if (paragraphs.length > importer.limits.paragraphs)
      throw tooManyParagraphs(importer.limits, paragraphs.length);
    res.json(recognise(paragraphs));
  });

  router.post('/negotiations/:id/import', async (req, res) => {
    const m = await facilitator(res, req.params.id);
    const { doc } = parseBody(ReplaceBody, req.body);
    await drafts.replace(m, doc);
    res.json({ ok: true });
  });

  return router;
}
