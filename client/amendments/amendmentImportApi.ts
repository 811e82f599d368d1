/**
 * Importing a delegation's amendments from Word over HTTP (server/http/amendmentImport.ts): the
 * .docx sent for a preview of the proposals it makes, then the reviewed batch tabled at once.
 */
import * as z from 'zod/mini';
import {
  IMPORT_KINDS,
  type ImportItemBody,
  type ImportPreview,
  UNMATCHED_REASONS,
} from '../../shared/amendmentImport.js';
import { negotiationApiPath, sendJson } from '../api.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Largest .docx the server accepts (`IMPORT_LIMITS.fileBytes`). */
export const MAX_DOCX_BYTES = 10 * 1024 * 1024;

const ChangeSchema = z.object({
  from: z.number(),
  to: z.number(),
  deleted: z.string(),
  inserted: z.string(),
});
const nullableString = z.nullable(z.string());

const PreviewSchema = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(IMPORT_KINDS),
      pid: z.string(),
      label: z.string(),
      before: z.string(),
      after: z.string(),
      changes: z.array(ChangeSchema),
      text: z.optional(z.string()),
      quoted: z.optional(z.string()),
      matchedBy: z.enum(['label', 'text']),
      documentLabel: nullableString,
      alreadyTabled: z.optional(z.string()),
      author: nullableString,
      date: nullableString,
    }),
  ),
  unmatched: z.array(
    z.object({
      kind: z.enum(['revision', 'paragraph', 'comment']),
      label: nullableString,
      text: z.string(),
      reason: z.enum(UNMATCHED_REASONS),
      author: nullableString,
      date: nullableString,
    }),
  ),
});

const TabledSchema = z.object({ proposals: z.array(z.object({ id: z.string(), pid: z.string() })) });

/** Sends `file` for a preview of the proposals its tracked changes and comments make. */
export function previewAmendments(negotiationId: string, file: File): Promise<ImportPreview> {
  return sendJson(
    'POST',
    negotiationApiPath(negotiationId, 'amendments', 'import', 'preview'),
    new Blob([file], { type: DOCX_TYPE }),
    PreviewSchema,
  );
}

/** Tables the reviewed items for the caller's delegation (or the group `delegation`), all or none. */
export function tableAmendments(
  negotiationId: string,
  items: readonly ImportItemBody[],
  delegation?: string,
): Promise<{ proposals: { id: string; pid: string }[] }> {
  return sendJson(
    'POST',
    negotiationApiPath(negotiationId, 'amendments', 'import'),
    { items, ...(delegation ? { delegation } : {}) },
    TabledSchema,
  );
}
