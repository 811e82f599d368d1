/**
 * `/n/:id/participants`, for co-facilitators: invite people, hand out and revoke sign-in links,
 * end sessions. A server administrator who is not a co-facilitator only invites people here. The
 * server decides who may see what; others get its refusal.
 */
import { useId, useRef, useState } from 'react';
import { ApiError } from '../api.js';
import { useConfirm } from '../ConfirmDialog.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { errorMessage, messages } from '../i18n/messages.js';
import { NegotiationFrame } from '../NegotiationHeader.js';
import { canManage, type Negotiation } from '../negotiationsApi.js';
import type { Me } from '../session/sessionApi.js';
import { useRequest } from '../useRequest.js';
import { InviteForm } from './InviteForm.js';
import { IssuedLinkPanel } from './IssuedLinkPanel.js';
import { type ParticipantActions, ParticipantsTable } from './ParticipantsTable.js';
import {
  endSession,
  fetchParticipants,
  type IssuedLink,
  issueLink,
  type Participant,
  revokeLink,
} from './participantsApi.js';

/** Props of `ParticipantsPage`. */
export interface ParticipantsPageProps {
  id: string;
  me: Me;
}

/** The participants page of a negotiation. */
export function ParticipantsPage({ id, me }: ParticipantsPageProps) {
  return (
    <NegotiationFrame id={id} me={me} current="participants" heading={messages.participants.heading}>
      {(negotiation) =>
        canManage(negotiation.me) ? (
          <Participants negotiation={negotiation} />
        ) : (
          <InviteOnly negotiation={negotiation} />
        )
      }
    </NegotiationFrame>
  );
}

type Status = { text: string; error: boolean } | null;

function Participants({ negotiation }: { negotiation: Negotiation }) {
  const m = messages.participants;
  const [request, retry, reload] = useRequest(
    (signal) => fetchParticipants(negotiation.id, signal),
    negotiation.id,
  );
  const [issued, setIssued] = useState<{ name: string; link: IssuedLink } | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [confirmation, confirm] = useConfirm();
  const busy = useRef(false);
  const inviteHeadingId = useId();

  /** Runs one action at a time, reports its outcome in the status line, and reloads the table. */
  const run = async (action: () => Promise<string>) => {
    if (busy.current) return;
    busy.current = true;
    setStatus(null);
    try {
      setStatus({ text: await action(), error: false });
    } catch (error) {
      setStatus({ text: errorMessage(error instanceof ApiError ? error.code : 'INTERNAL'), error: true });
    } finally {
      busy.current = false;
      reload();
    }
  };

  /** After a row's button went away (a revoked link, an ended session), keep the focus in that row. */
  const focusRow = (personId: string) => {
    document.querySelector<HTMLElement>(`tr[data-person="${CSS.escape(personId)}"] .new-link`)?.focus();
  };

  const showLink = (name: string, link: IssuedLink, text: string) => {
    setIssued({ name, link });
    return text;
  };

  const actions: ParticipantActions = {
    newLink: (p: Participant) =>
      void run(async () =>
        showLink(p.name, await issueLink(negotiation.id, p.personId), m.linkIssued(p.name)),
      ),
    revokeLink: async (p, linkId) => {
      if (!(await confirm({ message: m.confirmRevoke(p.name), confirmLabel: m.revoke }))) return;
      await run(async () => ((await revokeLink(negotiation.id, linkId)) ? m.revoked(p.name) : m.alreadyDone));
      focusRow(p.personId);
    },
    endSession: async (p, sessionId) => {
      if (!(await confirm({ message: m.confirmEndSession(p.name), confirmLabel: m.endSession }))) return;
      await run(async () =>
        (await endSession(negotiation.id, sessionId)) ? m.sessionEnded(p.name) : m.alreadyDone,
      );
      focusRow(p.personId);
    },
  };

  if (request.status === 'loading') return <p aria-busy="true">{m.loading}</p>;
  if (request.status === 'failed') return <ErrorNotice error={request.error} onRetry={retry} />;
  return (
    <>
      <div role="status" className="status-message" data-testid="participants-status">
        {status && !status.error && <p className="notice success">{status.text}</p>}
      </div>
      <div role="alert" className="status-message">
        {status?.error && <p className="notice error">{status.text}</p>}
      </div>
      {issued && (
        <IssuedLinkPanel
          key={issued.link.invitationId}
          name={issued.name}
          link={issued.link}
          onDismiss={() => setIssued(null)}
        />
      )}
      <section className="panel" aria-labelledby={inviteHeadingId}>
        <h2 id={inviteHeadingId}>{messages.invite.heading}</h2>
        <InviteForm
          negotiationId={negotiation.id}
          onInvited={(name, link) => {
            setStatus({ text: showLink(name, link, messages.invite.invited(name)), error: false });
            reload();
          }}
        />
      </section>
      <ParticipantsTable participants={request.value} actions={actions} />
      {confirmation}
    </>
  );
}

/** A server administrator's part of the page: invitations only (the list is the co-facilitators'). */
function InviteOnly({ negotiation }: { negotiation: Negotiation }) {
  const [issued, setIssued] = useState<{ name: string; link: IssuedLink } | null>(null);
  const inviteHeadingId = useId();
  return (
    <>
      <div role="status" className="status-message" data-testid="participants-status">
        {issued && <p className="notice success">{messages.invite.invited(issued.name)}</p>}
      </div>
      {issued && (
        <IssuedLinkPanel
          key={issued.link.invitationId}
          name={issued.name}
          link={issued.link}
          onDismiss={() => setIssued(null)}
        />
      )}
      <section className="panel" aria-labelledby={inviteHeadingId}>
        <h2 id={inviteHeadingId}>{messages.invite.heading}</h2>
        <p className="hint">{messages.invite.adminOnly}</p>
        <InviteForm
          negotiationId={negotiation.id}
          roles={['facilitator']}
          onInvited={(name, link) => setIssued({ name, link })}
        />
      </section>
    </>
  );
}
