/** Negotiations over HTTP: the list a person sees, one negotiation as opened, creation by administrators. */
import * as z from 'zod/mini';
import { getJson, negotiationApiPath, RoleSchema, sendJson } from './api.js';

const SummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  stage: z.string(),
  /** Null for an administrator who does not take part. */
  role: z.nullable(RoleSchema),
  delegation: z.nullable(z.string()),
});

/** A negotiation as listed on the home page, with the caller's part in it. */
export type NegotiationSummary = z.infer<typeof SummarySchema>;

const ListSchema = z.object({ negotiations: z.array(SummarySchema) });

const MeSchema = z.object({
  personId: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  /** Null for a server administrator who does not take part: they see the description and invite. */
  role: z.nullable(RoleSchema),
  delegation: z.nullable(z.string()),
  delegationName: z.nullable(z.string()),
  /** False when this person may only read the text. */
  canEditText: z.boolean(),
});

/** The caller as a participant of one negotiation. */
export type NegotiationMe = z.infer<typeof MeSchema>;

const NegotiationSchema = z.object({
  id: z.string(),
  title: z.string(),
  timeZone: z.string(),
  stage: z.string(),
  /** Name of the collaboration document of the base text. */
  docName: z.string(),
  facilitatorDelegations: z.array(z.object({ code: z.string(), name: z.string() })),
  me: MeSchema,
});

/** A negotiation as opened. */
export type Negotiation = z.infer<typeof NegotiationSchema>;

const CreatedSchema = z.object({ id: z.string(), title: z.string() });

/** What an administrator fills in to create a negotiation. */
export interface NewNegotiation {
  title: string;
  /** IANA time zone of the negotiation's meetings and deadlines. */
  timeZone: string;
  /** Codes of the co-facilitating delegations (1 to 4). */
  facilitatorDelegations: string[];
}

/** The negotiations the caller takes part in (administrators: all). */
export async function fetchNegotiations(signal?: AbortSignal): Promise<NegotiationSummary[]> {
  return (await getJson('/api/negotiations', ListSchema, signal)).negotiations;
}

/** One negotiation, with the caller's role in it and the name of its collaboration document. */
export function fetchNegotiation(id: string, signal?: AbortSignal): Promise<Negotiation> {
  return getJson(negotiationApiPath(id), NegotiationSchema, signal);
}

/** Creates a negotiation (administrators only). */
export function createNegotiation(input: NewNegotiation): Promise<{ id: string; title: string }> {
  return sendJson('POST', '/api/negotiations', input, CreatedSchema);
}

/** True when the caller may manage participants and read the audit log of the negotiation. */
export function canManage(me: Pick<NegotiationMe, 'role'>): boolean {
  return me.role === 'facilitator';
}

/** True when the caller may invite people (co-facilitators; server administrators). */
export function canInvite(me: Pick<NegotiationMe, 'role' | 'isAdmin'>): boolean {
  return me.role === 'facilitator' || me.isAdmin;
}

/** True when the caller takes part (an administrator who does not sees only the invitations). */
export function takesPart(me: Pick<NegotiationMe, 'role'>): boolean {
  return me.role !== null;
}
