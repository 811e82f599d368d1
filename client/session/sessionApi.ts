/** Sign-in, sign-out and "who am I" over HTTP (PROTOCOL.md, "Sessions"). */
import * as z from 'zod/mini';
import { getJson, RoleSchema, sendJson } from '../api.js';

const PersonSchema = z.object({ id: z.string(), name: z.string(), isAdmin: z.boolean() });

/** A signed-in person. */
export type Person = z.infer<typeof PersonSchema>;

const ParticipationSchema = z.object({
  negotiationId: z.string(),
  role: RoleSchema,
  delegation: z.nullable(z.string()),
  delegationName: z.nullable(z.string()),
});

/** A person's part in one negotiation. */
export type Participation = z.infer<typeof ParticipationSchema>;

const MeSchema = z.object({ person: PersonSchema, participations: z.array(ParticipationSchema) });

/** The signed-in person and the negotiations they take part in (`GET /api/me`). */
export type Me = z.infer<typeof MeSchema>;

const SignInSchema = z.object({ person: PersonSchema, negotiationId: z.nullable(z.string()) });

/** What redeeming a sign-in link gives: the person, and the negotiation the link was for. */
export type SignInResult = z.infer<typeof SignInSchema>;

/** The calls the session store makes; replaceable in tests. */
export interface SessionApi {
  me(): Promise<Me>;
  signIn(token: string): Promise<SignInResult>;
  signOut(): Promise<void>;
}

/** The real HTTP calls. */
export const httpSessionApi: SessionApi = {
  me: () => getJson('/api/me', MeSchema),
  signIn: (token) => sendJson('POST', '/api/auth/signin', { token }, SignInSchema),
  async signOut() {
    await sendJson('POST', '/api/auth/signout');
  },
};
