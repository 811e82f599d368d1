/**
 * Revisions, readings, snapshots, comparisons and the import of a draft over HTTP
 * (server/http/readings.ts, exports.ts, importDraft.ts). Word exports are downloaded with
 * `download.ts`.
 */
import * as z from 'zod/mini';
import { type Disposition, PROPOSAL_KINDS } from '../../shared/proposals.js';
import { getJson, negotiationApiPath, sendJson } from '../api.js';
import { RecordStampSchema } from './recordsApi.js';
import {
  CanonicalSnapshotSchema,
  ComparisonBriefSchema,
  ImportResultSchema,
  TimelineSchema,
} from './schemas.js';

/** The timeline: the negotiation's time zone, its recorded snapshots and its readings, oldest first. */
export type Timeline = z.infer<typeof TimelineSchema>;
/** A recorded snapshot as listed. */
export type SnapshotMeta = Timeline['snapshots'][number];
/** A reading as listed. */
export type ReadingEntry = Timeline['readings'][number];
/** What an import recognised. */
export type ImportResult = z.infer<typeof ImportResultSchema>;

const SnapshotAnswerSchema = z.object({
  snapshot: CanonicalSnapshotSchema,
  hash: z.nullable(z.string()),
  chain: RecordStampSchema,
});
/** A snapshot with the hash of its record (null for the live text) and the head of the chain of records. */
export type SnapshotAnswer = z.infer<typeof SnapshotAnswerSchema>;

const ComparisonAnswerSchema = z.object({ comparison: ComparisonBriefSchema });

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The media type an Akoma Ntoso upload is sent as (the server also takes XML's generic ones). */
const AKN_TYPE = 'application/akn+xml';

/** The negotiation's revisions and readings. */
export function fetchTimeline(negotiationId: string, signal?: AbortSignal): Promise<Timeline> {
  return getJson(negotiationApiPath(negotiationId, 'timeline'), TimelineSchema, signal);
}

/** A recorded snapshot, or the live text (`live`), in canonical form. */
export function fetchSnapshot(
  negotiationId: string,
  snapshotId: string,
  signal?: AbortSignal,
): Promise<SnapshotAnswer> {
  return getJson(negotiationApiPath(negotiationId, 'snapshots', snapshotId), SnapshotAnswerSchema, signal);
}

/** The comparison of two versions (snapshot ids or `live`), in brief. */
export async function fetchComparison(negotiationId: string, from: string, to: string, signal?: AbortSignal) {
  const path = `${negotiationApiPath(negotiationId, 'compare')}?${new URLSearchParams({ from, to })}`;
  return (await getJson(path, ComparisonAnswerSchema, signal)).comparison;
}

/** Co-facilitators: circulates the current text as the next revision. */
export function circulateRevision(negotiationId: string): Promise<unknown> {
  return sendJson('POST', negotiationApiPath(negotiationId, 'revisions'), {});
}

/** Co-facilitators: opens the next reading with a deadline (an ISO instant). */
export function openReading(negotiationId: string, deadline: string): Promise<unknown> {
  return sendJson('POST', negotiationApiPath(negotiationId, 'readings'), { deadline });
}

/** Co-facilitators: moves the deadline of the open reading. */
export function extendDeadline(negotiationId: string, readingId: string, deadline: string): Promise<unknown> {
  return sendJson('PUT', negotiationApiPath(negotiationId, 'readings', readingId, 'deadline'), { deadline });
}

const UndecidedSchema = z.object({
  proposals: z.array(
    z.object({
      id: z.string(),
      pid: z.string(),
      label: z.string(),
      kind: z.enum(PROPOSAL_KINDS),
      delegation: z.object({ code: z.string(), name: z.string() }),
      tabledBy: z.nullable(z.object({ code: z.string(), name: z.string() })),
      changes: z.array(z.object({ deleted: z.string(), inserted: z.string() })),
      excerpt: z.string(),
      outdated: z.boolean(),
      incorporable: z.boolean(),
    }),
  ),
});
/** An open proposal that closing its reading must decide. */
export type UndecidedProposal = z.infer<typeof UndecidedSchema>['proposals'][number];

/** Co-facilitators: the open proposals of a reading, with their paragraph's number now. */
export async function fetchUndecided(
  negotiationId: string,
  readingId: string,
  signal?: AbortSignal,
): Promise<UndecidedProposal[]> {
  const path = negotiationApiPath(negotiationId, 'readings', readingId, 'undecided');
  return (await getJson(path, UndecidedSchema, signal)).proposals;
}

/** Co-facilitators: closes a reading with a disposition for each open proposal, freezing its record. */
export function closeReading(
  negotiationId: string,
  readingId: string,
  dispositions: readonly { proposalId: string; disposition: Disposition }[],
): Promise<unknown> {
  return sendJson('POST', negotiationApiPath(negotiationId, 'readings', readingId, 'close'), {
    dispositions,
  });
}

/** A file to import: a Word document or an Akoma Ntoso XML file. */
export interface ImportFile {
  format: 'docx' | 'akn';
  file: File;
}

/** Co-facilitators: what the server recognises in a Word document, an Akoma Ntoso file or pasted text. */
export function previewImport(negotiationId: string, source: ImportFile | string): Promise<ImportResult> {
  const body =
    typeof source === 'string'
      ? { text: source }
      : new Blob([source.file], { type: source.format === 'akn' ? AKN_TYPE : DOCX_TYPE });
  return sendJson('POST', negotiationApiPath(negotiationId, 'import', 'preview'), body, ImportResultSchema);
}

/** Co-facilitators: replaces the draft with a previewed import (refused once a revision is circulated). */
export function replaceDraft(negotiationId: string, doc: ImportResult['doc']): Promise<unknown> {
  return sendJson('POST', negotiationApiPath(negotiationId, 'import'), { doc });
}
