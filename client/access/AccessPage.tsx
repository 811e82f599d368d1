/**
 * `/n/:id/access`, for every participant: the sign-in links issued for their own people (their
 * delegation's, or only themselves) with who issued them and when, and their open sessions, any
 * of which they can revoke or end. A delegation sees here when someone was given a way to act in
 * its name. Built from the participants page's table.
 */
import { useEffect, useState } from 'react';
import { ApiError } from '../api.js';
import { useConfirm } from '../ConfirmDialog.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { errorMessage, messages } from '../i18n/messages.js';
import { NegotiationFrame } from '../NegotiationHeader.js';
import type { Negotiation } from '../negotiationsApi.js';
import { type ParticipantActions, ParticipantsTable } from '../participants/ParticipantsTable.js';
import { endSession, fetchAccess, revokeLink } from '../participants/participantsApi.js';
import type { Me } from '../session/sessionApi.js';
import { useRequest } from '../useRequest.js';
import { markLinksSeen } from './accessAlerts.js';

/** Props of `AccessPage`. */
export interface AccessPageProps {
  id: string;
  me: Me;
}

/** The sign-ins page of a negotiation. */
export function AccessPage({ id, me }: AccessPageProps) {
  return (
    <NegotiationFrame id={id} me={me} current="access" heading={messages.access.heading}>
      {(negotiation) => <Access negotiation={negotiation} />}
    </NegotiationFrame>
  );
}

function Access({ negotiation }: { negotiation: Negotiation }) {
  const a = messages.access;
  const m = messages.participants;
  const [request, retry, reload] = useRequest(
    (signal) => fetchAccess(negotiation.id, signal),
    negotiation.id,
  );
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [confirmation, confirm] = useConfirm();

  // Whatever this page shows has been seen: the header's alert about it goes.
  useEffect(() => {
    if (request.status === 'done') markLinksSeen(negotiation.id, negotiation.me.personId, request.value);
  }, [request, negotiation.id, negotiation.me.personId]);

  const run = async (action: () => Promise<string>) => {
    setStatus(null);
    try {
      setStatus({ text: await action(), error: false });
    } catch (error) {
      setStatus({ text: errorMessage(error instanceof ApiError ? error.code : 'INTERNAL'), error: true });
    } finally {
      reload();
    }
  };

  const actions: ParticipantActions = {
    revokeLink: async (p, linkId) => {
      if (!(await confirm({ message: m.confirmRevoke(p.name), confirmLabel: m.revoke }))) return;
      await run(async () => ((await revokeLink(negotiation.id, linkId)) ? m.revoked(p.name) : m.alreadyDone));
    },
    endSession: async (p, sessionId) => {
      if (!(await confirm({ message: m.confirmEndSession(p.name), confirmLabel: m.endSession }))) return;
      await run(async () =>
        (await endSession(negotiation.id, sessionId)) ? m.sessionEnded(p.name) : m.alreadyDone,
      );
    },
  };

  if (request.status === 'loading') return <p aria-busy="true">{a.loading}</p>;
  if (request.status === 'failed') return <ErrorNotice error={request.error} onRetry={retry} />;
  return (
    <>
      <p className="hint">{a.intro(negotiation.me.delegationName ?? a.yourself)}</p>
      <div role="status" className="status-message" data-testid="access-status">
        {status && !status.error && <p className="notice success">{status.text}</p>}
      </div>
      <div role="alert" className="status-message">
        {status?.error && <p className="notice error">{status.text}</p>}
      </div>
      <ParticipantsTable
        participants={request.value}
        actions={actions}
        caption={a.caption(request.value.length)}
      />
      {confirmation}
    </>
  );
}
