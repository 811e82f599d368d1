/**
 * Authorisation of collaboration WebSockets, from the session cookie and the Origin header only.
 * Runs at the HTTP upgrade, before any document is loaded.
 */
import type { IncomingMessage } from 'node:http';
import { delegationByCode } from '../../shared/delegations.js';
import { AppError } from '../../shared/errors.js';
import { colorFor, type PresenceUser } from '../../shared/presence.js';
import type { Accounts } from '../accounts/accounts.js';
import { type OriginPolicy, originAllowed } from '../http/crossSite.js';
import { sessionTokenOf } from '../http/session.js';
import { parseDocName } from '../negotiations.js';
import { allowed } from '../policies/policies.js';
import type { AuthorizeUpgrade, UpgradeDecision } from './websocket.js';

/** The upgrade authoriser: session → negotiation membership → rights and presence identity. */
export function sessionAuthorizer(accounts: Accounts, origins: OriginPolicy): AuthorizeUpgrade {
  return async (req: IncomingMessage, docName: string): Promise<UpgradeDecision> => {
    if (!originAllowed(req, origins)) {
      return {
        ok: false,
        status: 403,
        code: 'ORIGIN_REFUSED',
        message: 'Connections from this origin are not allowed.',
      };
    }
    try {
      const principal = await accounts.authenticate(sessionTokenOf(req.headers.cookie));
      const parsed = parseDocName(docName);
      if (!parsed) return { ok: false, status: 404, code: 'NOT_FOUND', message: 'No such document.' };
      const { negotiationId } = parsed;
      const { participant } = await accounts.membership(principal, negotiationId);
      const delegationName = participant.delegation
        ? (delegationByCode(participant.delegation)?.name ?? null)
        : null;
      const presence: PresenceUser = {
        name: principal.person.name,
        color: colorFor(participant.delegation ?? principal.person.id),
        role: participant.role,
        delegation: participant.delegation,
        delegationName,
        personId: principal.person.id,
      };
      return {
        ok: true,
        docName,
        identity: {
          // The proposals document is written by the server only.
          canWrite: parsed.kind === 'draft' && allowed({ principal, participant }, 'text.edit'),
          presence,
          label: `${principal.person.name} (${participant.role}${participant.delegation ? `, ${participant.delegation}` : ''})`,
          sessionId: principal.session.id,
          personId: principal.person.id,
          negotiationId,
          delegation: participant.delegation,
        },
      };
    } catch (err) {
      if (err instanceof AppError) {
        const status = err.status === 401 ? 401 : 403;
        return { ok: false, status, code: err.code, message: err.message };
      }
      throw err;
    }
  };
}
