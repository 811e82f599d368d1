/** Signing in by link and signing out, each stored with its audit entry as one unit of work. */
import type { Storage } from '../storage/storage.js';
import type { Accounts, Principal } from './accounts.js';
import type { AuditLog } from './audit.js';

/** What a redeemed sign-in link gives: the session's secret token and who signed in. */
export type SignedIn = Awaited<ReturnType<Accounts['signIn']>>;

/** The sign-in service. */
export class SignIns {
  constructor(
    private readonly storage: Storage,
    private readonly accounts: Accounts,
    private readonly audit: AuditLog,
  ) {}

  /** Redeems a sign-in link (see `Accounts.signIn`) and records the sign-in with it. */
  signIn(token: string, userAgent: string | null): Promise<SignedIn> {
    return this.storage.transaction(async () => {
      const result = await this.accounts.signIn(token, userAgent);
      await this.audit.write('signin', result.negotiationId, result.principal);
      return result;
    });
  }

  /** Ends the caller's session and records the sign-out with it. */
  signOut(principal: Principal): Promise<void> {
    return this.storage.transaction(async () => {
      await this.accounts.revokeSession(principal.session.id);
      await this.audit.write('signout', null, principal);
    });
  }
}
