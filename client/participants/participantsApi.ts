/**
 * The participants page's calls (PROTOCOL.md: the list, links and sessions for co-facilitators;
 * invitations for administrators too) and a delegation's view of its own people's sign-ins.
 */
import * as z from 'zod/mini';
import { getJson, negotiationApiPath, type Role, RoleSchema, sendJson } from '../api.js';

const LinkStateSchema = z.enum(['pending', 'used', 'expired', 'revoked']);

/** Where a sign-in link stands. */
export type LinkState = z.infer<typeof LinkStateSchema>;

const ParticipantSchema = z.object({
  personId: z.string(),
  name: z.string(),
  role: RoleSchema,
  delegation: z.nullable(z.string()),
  delegationName: z.nullable(z.string()),
  sessions: z.array(
    z.object({
      id: z.string(),
      createdAt: z.string(),
      expiresAt: z.string(),
      userAgent: z.nullable(z.string()),
      /** True for the caller's own session (this browser). */
      current: z.optional(z.boolean()),
    }),
  ),
  links: z.array(
    z.object({
      id: z.string(),
      createdAt: z.string(),
      /** Who issued it; null when the server did (set-up). */
      createdBy: z.optional(z.nullable(z.string())),
      expiresAt: z.string(),
      state: LinkStateSchema,
    }),
  ),
});

/** A person taking part, with their open sessions and sign-in links. */
export type Participant = z.infer<typeof ParticipantSchema>;

const ParticipantsSchema = z.object({ participants: z.array(ParticipantSchema) });
const AccessSchema = z.object({ people: z.array(ParticipantSchema) });

const IssuedLinkSchema = z.object({
  invitationId: z.string(),
  personId: z.string(),
  expiresAt: z.string(),
  /** The sign-in address with the secret token; the server shows it only in this answer. */
  url: z.string(),
});

/** A sign-in link just created. */
export type IssuedLink = z.infer<typeof IssuedLinkSchema>;

const RevokedSchema = z.object({ revoked: z.boolean() });

/** Whom to invite. */
export interface Invitation {
  name: string;
  role: Role;
  delegation: string | null;
  expiresInHours: number;
}

/** The people of a negotiation. */
export async function fetchParticipants(negotiationId: string, signal?: AbortSignal): Promise<Participant[]> {
  return (await getJson(negotiationApiPath(negotiationId, 'participants'), ParticipantsSchema, signal))
    .participants;
}

/** The caller's own people (their delegation's, or only themselves) with their links and sessions. */
export async function fetchAccess(negotiationId: string, signal?: AbortSignal): Promise<Participant[]> {
  return (await getJson(negotiationApiPath(negotiationId, 'access'), AccessSchema, signal)).people;
}

/** Adds a person to the negotiation and creates their first sign-in link. */
export function invite(negotiationId: string, invitation: Invitation): Promise<IssuedLink> {
  return sendJson('POST', negotiationApiPath(negotiationId, 'invitations'), invitation, IssuedLinkSchema);
}

/** A new sign-in link for someone who already takes part. */
export function issueLink(
  negotiationId: string,
  personId: string,
  expiresInHours?: number,
): Promise<IssuedLink> {
  const body = expiresInHours === undefined ? {} : { expiresInHours };
  return sendJson(
    'POST',
    negotiationApiPath(negotiationId, 'participants', personId, 'links'),
    body,
    IssuedLinkSchema,
  );
}

/** Revokes a sign-in link; false when it was no longer pending. */
export async function revokeLink(negotiationId: string, invitationId: string): Promise<boolean> {
  const path = negotiationApiPath(negotiationId, 'invitations', invitationId);
  return (await sendJson('DELETE', path, undefined, RevokedSchema)).revoked;
}

/** Ends a session at once (its sockets close); false when it had already ended. */
export async function endSession(negotiationId: string, sessionId: string): Promise<boolean> {
  const path = negotiationApiPath(negotiationId, 'sessions', sessionId);
  return (await sendJson('DELETE', path, undefined, RevokedSchema)).revoked;
}
