/** The proposal commands of the HTTP API (PROTOCOL.md). Results arrive through the board. */
import type { ParagraphStatus, ProposalKind, ProposalStatus } from '../../shared/proposals.js';
import { sendJson } from '../api.js';

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

const base = (negotiationId: string) => `/api/negotiations/${encodeURIComponent(negotiationId)}`;
const one = (negotiationId: string, id: string) =>
  `${base(negotiationId)}/proposals/${encodeURIComponent(id)}`;

/** Proposal commands of one negotiation. */
export function proposalApi(negotiationId: string) {
  return {
    table: (input: TableInput) => sendJson('POST', `${base(negotiationId)}/proposals`, input),
    edit: (id: string, text: string, baseText?: string) =>
      sendJson('PATCH', one(negotiationId, id), baseText === undefined ? { text } : { text, baseText }),
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
