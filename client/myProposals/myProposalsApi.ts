/** Reading the list of one's delegation's proposals (`GET …/proposals/mine`). */
import * as z from 'zod/mini';
import { MY_PROPOSAL_RELATIONS, type MyProposalsResponse } from '../../shared/myProposals.js';
import { PROPOSAL_KINDS, PROPOSAL_STATUSES } from '../../shared/proposals.js';
import { getJson, negotiationApiPath } from '../api.js';

const DelegationRefSchema = z.object({ code: z.string(), name: z.string() });
const nullableString = z.nullable(z.string());

const ResponseSchema: z.ZodMiniType<MyProposalsResponse> = z.object({
  delegation: z.string(),
  proposals: z.array(
    z.object({
      id: z.string(),
      pid: z.string(),
      kind: z.enum(PROPOSAL_KINDS),
      status: z.enum(PROPOSAL_STATUSES),
      outdated: z.boolean(),
      delegation: DelegationRefSchema,
      tabledBy: z.nullable(DelegationRefSchema),
      supporters: z.array(DelegationRefSchema),
      text: z.string(),
      reservation: z.boolean(),
      byFacilitators: z.boolean(),
      changes: z.array(z.object({ deleted: z.string(), inserted: z.string() })),
      createdAt: z.string(),
      updatedAt: z.string(),
      readingId: nullableString,
      carriedFrom: z.optional(z.string()),
      relation: z.enum(MY_PROPOSAL_RELATIONS),
      readingLabel: nullableString,
      readingNumber: z.nullable(z.number()),
      paragraphLabel: nullableString,
      tabledAsLabel: nullableString,
    }),
  ),
});

/** The proposals the session's delegation tabled or supports, across readings. */
export function fetchMyProposals(negotiationId: string, signal?: AbortSignal): Promise<MyProposalsResponse> {
  return getJson(negotiationApiPath(negotiationId, 'proposals', 'mine'), ResponseSchema, signal);
}
