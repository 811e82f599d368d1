/**
 * Schemas of the answers of the readings, comparison and import API, each checked against the
 * shared type it carries, so that a server change that breaks the client fails the type check.
 */
import * as z from 'zod/mini';
import type { ComparisonBrief, RowBrief, SideBrief } from '../../shared/compareBrief.js';
import type { ResolvedProposal } from '../../shared/compilation.js';
import type { RenumberEntry } from '../../shared/numbering.js';
import type { Piece } from '../../shared/pieces.js';
import {
  PARAGRAPH_STATUSES,
  PROPOSAL_KINDS,
  PROPOSAL_STATUSES,
  type ProposalBrief,
  type ProposalView,
} from '../../shared/proposals.js';
import type { CanonicalSnapshot, SnapshotBlock } from '../../shared/snapshot.js';

const DelegationRefSchema = z.object({ code: z.string(), name: z.string() });

/** A proposal as published. */
export const ProposalViewSchema: z.ZodMiniType<ProposalView> = z.object({
  id: z.string(),
  pid: z.string(),
  kind: z.enum(PROPOSAL_KINDS),
  delegation: DelegationRefSchema,
  tabledBy: z.nullable(DelegationRefSchema),
  personName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  readingId: z.nullable(z.string()),
  status: z.enum(PROPOSAL_STATUSES),
  outdated: z.boolean(),
  version: z.number(),
  supporters: z.array(DelegationRefSchema),
  changes: z.array(z.object({ from: z.string(), to: z.string(), deleted: z.string(), inserted: z.string() })),
  text: z.string(),
  reservation: z.boolean(),
  byFacilitators: z.boolean(),
  appliedAt: z.nullable(z.string()),
});

/** A line of a renumbering table (`shared/numbering.ts`). */
export const RenumberEntrySchema: z.ZodMiniType<RenumberEntry> = z.object({
  pid: z.string(),
  from: z.string(),
  to: z.nullable(z.string()),
});

const BlockTypeSchema = z.enum(['title', 'section', 'preambular', 'operative']);

const SnapshotBlockSchema: z.ZodMiniType<SnapshotBlock> = z.object({
  type: BlockTypeSchema,
  pid: z.optional(z.string()),
  label: z.optional(z.string()),
  text: z.string(),
  runs: z.array(
    z.object({ text: z.string(), em: z.optional(z.literal(true)), strong: z.optional(z.literal(true)) }),
  ),
});

const ResolvedProposalSchema: z.ZodMiniType<ResolvedProposal> = z.object({
  proposal: ProposalViewSchema,
  ranges: z.nullable(z.array(z.object({ from: z.number(), to: z.number() }))),
  located: z.optional(z.nullable(z.array(z.object({ from: z.number(), to: z.number() })))),
});

/** A snapshot in canonical form. */
export const CanonicalSnapshotSchema: z.ZodMiniType<CanonicalSnapshot> = z.object({
  format: z.literal(1),
  negotiationId: z.string(),
  kind: z.enum(['revision', 'reading', 'live']),
  label: z.string(),
  takenAt: z.string(),
  blocks: z.array(SnapshotBlockSchema),
  proposals: z.array(ResolvedProposalSchema),
  paragraphStatuses: z.record(z.string(), z.enum(PARAGRAPH_STATUSES)),
  renumbering: z.optional(z.array(RenumberEntrySchema)),
});

const PieceSchema: z.ZodMiniType<Piece> = z.object({
  kind: z.enum(['text', 'del', 'ins']),
  text: z.string(),
  em: z.optional(z.literal(true)),
  strong: z.optional(z.literal(true)),
});

const SideBriefSchema: z.ZodMiniType<SideBrief> = z.object({
  pid: z.nullable(z.string()),
  label: z.nullable(z.string()),
  kind: BlockTypeSchema,
  pieces: z.array(PieceSchema),
});

/** A proposal as a comparison shows it. */
export const ProposalBriefSchema: z.ZodMiniType<ProposalBrief> = z.object({
  id: z.string(),
  kind: z.enum(PROPOSAL_KINDS),
  status: z.enum(PROPOSAL_STATUSES),
  delegation: DelegationRefSchema,
  tabledBy: z.nullable(DelegationRefSchema),
  supporters: z.array(DelegationRefSchema),
  text: z.string(),
  reservation: z.boolean(),
  byFacilitators: z.boolean(),
  changes: z.array(z.object({ deleted: z.string(), inserted: z.string() })),
});

const RowBriefSchema: z.ZodMiniType<RowBrief> = z.object({
  kind: z.enum(['unchanged', 'changed', 'added', 'deleted', 'moved', 'heading']),
  left: z.nullable(SideBriefSchema),
  right: z.nullable(SideBriefSchema),
  changed: z.boolean(),
  renumbered: z.boolean(),
  splitFrom: z.optional(z.string()),
  mergedInto: z.optional(z.string()),
  incorporated: z.array(ProposalBriefSchema),
  notRetained: z.array(ProposalBriefSchema),
  carried: z.array(ProposalBriefSchema),
});

const VersionSchema = z.object({
  label: z.string(),
  kind: z.enum(['revision', 'reading', 'live']),
  takenAt: z.string(),
});

/** A comparison of two versions, in brief (`shared/compareBrief.ts`). */
export const ComparisonBriefSchema: z.ZodMiniType<ComparisonBrief> = z.object({
  older: VersionSchema,
  newer: VersionSchema,
  rows: z.array(RowBriefSchema),
  summary: z.object({
    changed: z.number(),
    added: z.number(),
    deleted: z.number(),
    moved: z.number(),
    unchanged: z.number(),
    renumbered: z.number(),
  }),
  renumbering: z.nullable(z.array(RenumberEntrySchema)),
});

/** A recorded snapshot as the timeline lists it (without its text). */
export const SnapshotMetaSchema = z.object({
  id: z.string(),
  seq: z.number(),
  kind: z.enum(['revision', 'reading']),
  label: z.string(),
  takenAt: z.string(),
  takenBy: z.string(),
  hash: z.string(),
  prevHash: z.string(),
  proposalCounts: z.record(z.string(), z.number()),
  paragraphs: z.number(),
  /** For a revision circulated after another: the paragraphs whose number changed (or left the text). */
  renumbered: z.nullable(z.array(RenumberEntrySchema)),
});

/** A reading as the timeline lists it. */
export const ReadingSchema = z.object({
  id: z.string(),
  number: z.number(),
  label: z.string(),
  revisionId: z.string(),
  revisionLabel: z.string(),
  openedAt: z.string(),
  openedBy: z.string(),
  deadline: z.string(),
  closedAt: z.nullable(z.string()),
  closedBy: z.nullable(z.string()),
  snapshotId: z.nullable(z.string()),
});

/** The timeline of a negotiation. */
export const TimelineSchema = z.object({
  timeZone: z.string(),
  snapshots: z.array(SnapshotMetaSchema),
  readings: z.array(ReadingSchema),
});

/** A block of an imported document (ProseMirror JSON); kept whole, since it is sent back as is. */
const ImportBlockSchema = z.looseObject({
  type: z.string(),
  content: z.optional(z.array(z.looseObject({ text: z.optional(z.string()) }))),
});

/** What the server recognised in an imported text. */
export const ImportResultSchema = z.object({
  doc: z.looseObject({ type: z.literal('doc'), content: z.array(ImportBlockSchema) }),
  summary: z.object({
    title: z.string(),
    sections: z.number(),
    preambular: z.number(),
    operative: z.number(),
  }),
});
