/** Who is signed in, in the header: name, role badge, delegation, and "Sign out". */
import { useState } from 'react';
import { messages } from '../i18n/messages.js';
import { RoleBadge } from '../RoleBadge.js';
import { navigate } from '../routing.js';
import type { Account } from './account.js';
import { session } from './session.js';

/** Props of `AccountControl`. */
export interface AccountControlProps {
  account: Account;
}

/** The signed-in person and a sign-out button. */
export function AccountControl({ account }: AccountControlProps) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const signOut = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await session.signOut();
      navigate('/', { replace: true });
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };
  const badge = account.role ?? (account.isAdmin ? 'admin' : null);
  return (
    <div className="account" data-testid="account">
      <p className="account-who">
        <span className="visually-hidden">{messages.account.signedInAs} </span>
        <span className="account-name" data-testid="account-name">
          {account.name}
        </span>
        {badge && (
          <>
            <span className="visually-hidden">, </span>
            <RoleBadge role={badge} />
          </>
        )}
        {account.delegationName && (
          <>
            <span className="visually-hidden">, </span>
            <span className="account-delegation" data-testid="account-delegation">
              {account.delegationName}
            </span>
          </>
        )}
      </p>
      <button type="button" className="sign-out" onClick={signOut} disabled={busy}>
        {busy ? messages.account.signingOut : messages.account.signOut}
      </button>
      {failed && (
        <p className="account-error" role="alert">
          {messages.account.signOutFailed}
        </p>
      )}
    </div>
  );
}
