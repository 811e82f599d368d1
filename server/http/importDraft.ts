/**
 * Importing a zero draft from Word or pasted text: a preview of what was recognised, then the
 * replacement of the draft — refused once a revision has been circulated.
 */
import express, { type RequestHandler, Router } from 'express';
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import { z } from 'zod';
import { draftParagraphs } from '../../shared/anchors.js';
import { AppError } from '../../shared/errors.js';
import { importedTextProblem, paragraphsOfText, recognise } from '../../shared/importText.js';
import { draftDocName } from '../../shared/protocol.js';
import { DRAFT_FRAGMENT, schema } from '../../shared/schema.js';
import type { Accounts } from '../accounts/accounts.js';
import type { AuditLog } from '../accounts/audit.js';
import type { Rooms } from '../collab/rooms.js';
import type { DocxImporter } from '../import/docxImport.js';
import { fileTooLarge, tooManyParagraphs } from '../import/docxLimits.js';
import type { Storage } from '../storage/storage.js';
import { memberOf } from './access.js';
import { parseBody } from './validate.js';

/** The media type of a .docx upload. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The one route that takes a .docx body instead of JSON. */
export const IMPORT_UPLOAD_PATH = /^\/api\/negotiations\/[^/]+\/import\/preview$/;

const TextBody = z.object({ text: z.string().min(1).max(500_000) }).strict();
const ReplaceBody = z
  .object({ doc: z.object({ type: z.literal('doc'), content: z.array(z.unknown()).max(5_000) }) })
  .strict();

/** `/api/negotiations/:id/import/preview` and `/api/negotiations/:id/import`. */
export function importRoutes(
  storage: Storage,
  accounts: Accounts,
  rooms: Rooms,
  audit: AuditLog,
  importer: DocxImporter,
): Router {
  const router = Router();
  const rawDocx = express.raw({ type: DOCX_TYPE, limit: importer.limits.fileBytes });
  const upload: RequestHandler<{ id: string }> = (req, res, next) =>
    rawDocx(req, res, (err?: unknown) =>
      next(
        (err as { type?: string } | undefined)?.type === 'entity.too.large'
          ? fileTooLarge(importer.limits)
          : err,
      ),
    );
  const member = memberOf(accounts);
  const facilitator = (res: import('express').Response, id: string) => member(res, id, 'draft.import');

  router.post('/negotiations/:id/import/preview', upload, async (req, res) => {
    await facilitator(res, req.params.id);
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
    if ((await storage.readings.listSnapshots(req.params.id)).length > 0) {
      throw new AppError(
        'DRAFT_CIRCULATED',
        'The draft has already been circulated; start the next revision by editing it.',
      );
    }
    const problem = importedTextProblem(doc);
    if (problem) throw new AppError('INVALID_TEXT', problem);
    try {
      schema.nodeFromJSON(doc).check();
    } catch (err) {
      throw new AppError('INVALID_BODY', `The document does not fit the schema: ${(err as Error).message}`);
    }
    const agreed = new Set(
      (await storage.proposals.paragraphStatuses(req.params.id))
        .filter((s) => s.status === 'agreed-ad-ref')
        .map((s) => s.pid),
    );
    await rooms.withRoom(draftDocName(req.params.id), (room) => {
      // Replacing the draft would remove agreed paragraphs: they must be reopened first.
      const locked = draftParagraphs(room.doc).filter((p) => agreed.has(p.pid));
      if (locked.length > 0)
        throw new AppError(
          'PARAGRAPH_AGREED',
          'Some paragraphs of the draft are agreed ad referendum: reopen them before replacing the draft.',
          { pids: locked.map((p) => p.pid) },
        );
      return room.serverChange((ydoc) =>
        prosemirrorJSONToYXmlFragment(schema, doc, ydoc.getXmlFragment(DRAFT_FRAGMENT)),
      );
    });
    await audit.record('draft.imported', req.params.id, m, { blocks: doc.content.length });
    res.json({ ok: true });
  });

  return router;
}
