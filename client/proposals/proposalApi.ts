/** The proposal commands of the HTTP API (PROTOCOL.md). Results arrive through the board. */
import * as z from 'zod/mini';
import type { ParagraphStatus, ProposalKind, ProposalStatus } from '../../shared/proposals.js';
import { getJson, sendJson } from '../api.js';

/** What a delegation tables. */
export interface TableInput {
  kind: ProposalKind;
  pid: string;
  text?: string;
  baseText?: string;
  reservation?: boolean;
  /** The caller's delegation or one of its groups. */
  delegation?: string;
}

/** The whole paragraph texts an amendment was written as: what its editor starts from. */
export interface AmendmentWords {
  text: string;
  baseText: string;
}

/** The part of a proposal's history the editor reads; versions come oldest first. */
const HistorySchema = z.object({
  versions: z.array(z.object({ content: z.object({ text: z.string(), baseText: z.string() }) })),
});

const base = (negotiationId: string) => `/api/negotiations/${encodeURIComponent(negotiationId)}`;
const one = (negotiationId: string, id: string) =>
  `${base(negotiationId)}/proposals/${encodeURIComponent(id)}`;

/** Proposal commands of one negotiation. */
export function proposalApi(negotiationId: string) {
  return {
    table: (input: TableInput) => sendJson('POST', `${base(negotiationId)}/proposals`, input),
    edit: (id: string, text: string, baseText?: string) =>
      sendJson('PATCH', one(negotiationId, id), baseText === undefined ? { text } : { text, baseText }),
    /** The words of a proposal's latest version (its published view has only the changes). */
    words: async (id: string): Promise<AmendmentWords> => {
      const { versions } = await getJson(`${one(negotiationId, id)}/history`, HistorySchema);
      const { text, baseText } = versions.at(-1)!.content;
      return { text, baseText };
    },
    withdraw: (id: string) => sendJson('POST', `${one(negotiationId, id)}/withdraw`),
    support: (id: string) => sendJson('PUT', `${one(negotiationId, id)}/support`),
    unsupport: (id: string) => sendJson('DELETE', `${one(negotiationId, id)}/support`),
    setStatus: (id: string, status: ProposalStatus) =>
      sendJson('PUT', `${one(negotiationId, id)}/status`, { status }),
    apply: (id: string) => sendJson('POST', `${one(negotiationId, id)}/apply`),
    setParagraphStatus: (pid: string, status: ParagraphStatus) =>
      sendJson('PUT', `${base(negotiationId)}/paragraphs/${encodeURIComponent(pid)}/status`, { status }),
  };
}

/** The commands object of `proposalApi`. */
export type ProposalApi = ReturnType<typeof proposalApi>;
