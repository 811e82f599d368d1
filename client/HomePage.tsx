/** The start page: the negotiations the signed-in person takes part in, and for administrators a way to create one. */
import { useId, useState } from 'react';
import { delegationByCode } from '../shared/delegations.js';
import { AppHeader } from './AppHeader.js';
import { ErrorNotice } from './ErrorNotice.js';
import { messages, stageLabel } from './i18n/messages.js';
import { Link } from './Link.js';
import { NewNegotiationForm } from './NewNegotiationForm.js';
import { fetchNegotiations, type NegotiationSummary } from './negotiationsApi.js';
import { PageHeading } from './PageHeading.js';
import { RoleBadge } from './RoleBadge.js';
import { negotiationPath, participantsPath } from './routing.js';
import { accountFor } from './session/account.js';
import type { Me } from './session/sessionApi.js';
import { useDocumentTitle } from './useDocumentTitle.js';
import { useRequest } from './useRequest.js';

/** Props of `HomePage`. */
export interface HomePageProps {
  me: Me;
}

/** Lists negotiations, each linking to its text. */
export function HomePage({ me }: HomePageProps) {
  useDocumentTitle(messages.home.heading);
  const [request, retry, reload] = useRequest(fetchNegotiations, 'negotiations');
  const [created, setCreated] = useState<{ id: string; title: string } | null>(null);
  const newHeadingId = useId();
  const isAdmin = me.person.isAdmin;
  return (
    <>
      <AppHeader account={accountFor(me)} />
      <main className="page narrow">
        <PageHeading>{messages.home.heading}</PageHeading>
        <div role="status" className="status-message">
          {created && (
            <p className="notice success">
              {messages.newNegotiation.created(created.title)}{' '}
              <Link href={participantsPath(created.id)}>{messages.newNegotiation.inviteNext}</Link>
            </p>
          )}
        </div>
        {request.status === 'loading' && <p aria-busy="true">{messages.home.loading}</p>}
        {request.status === 'failed' && <ErrorNotice error={request.error} onRetry={retry} />}
        {request.status === 'done' &&
          (request.value.length === 0 ? (
            <p>{messages.home.empty}</p>
          ) : (
            <ul className="negotiation-list" data-testid="negotiation-list">
              {request.value.map((negotiation) => (
                <NegotiationItem key={negotiation.id} negotiation={negotiation} isAdmin={isAdmin} />
              ))}
            </ul>
          ))}
        {isAdmin && (
          <section className="panel" aria-labelledby={newHeadingId}>
            <h2 id={newHeadingId}>{messages.newNegotiation.heading}</h2>
            <p className="hint">{messages.newNegotiation.intro}</p>
            <NewNegotiationForm
              onCreated={(negotiation) => {
                setCreated(negotiation);
                reload();
              }}
            />
          </section>
        )}
      </main>
    </>
  );
}

interface NegotiationItemProps {
  negotiation: NegotiationSummary;
  isAdmin: boolean;
}

function NegotiationItem({ negotiation, isAdmin }: NegotiationItemProps) {
  const { id, title, stage, role, delegation } = negotiation;
  const delegationName = delegation ? (delegationByCode(delegation)?.name ?? delegation) : null;
  return (
    <li className="negotiation-card" data-negotiation={id}>
      <h2>
        <Link href={negotiationPath(id)}>{title}</Link>
      </h2>
      <dl className="facts">
        <div>
          <dt>{messages.home.stage}</dt>
          <dd>{stageLabel(stage)}</dd>
        </div>
        <div>
          <dt>{messages.home.yourRole}</dt>
          <dd>
            {role ? (
              <>
                <RoleBadge role={role} />
                {delegationName && <span className="card-delegation"> {delegationName}</span>}
              </>
            ) : (
              messages.home.adminOnly
            )}
          </dd>
        </div>
      </dl>
      {(role === 'facilitator' || isAdmin) && (
        <p className="card-links">
          <Link href={participantsPath(id)}>{messages.home.participants}</Link>
        </p>
      )}
    </li>
  );
}
