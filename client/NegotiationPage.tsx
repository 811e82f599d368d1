/** A negotiation's text page: loads the negotiation, then opens its draft. */
import { lazy, Suspense } from 'react';
import { AppHeader } from './AppHeader.js';
import { ErrorNotice } from './ErrorNotice.js';
import { messages } from './i18n/messages.js';
import { Link } from './Link.js';
import { fetchNegotiation, type Negotiation, takesPart } from './negotiationsApi.js';
import { participantsPath } from './routing.js';
import { accountFor } from './session/account.js';
import type { Me } from './session/sessionApi.js';
import { useDocumentTitle } from './useDocumentTitle.js';
import { useRequest } from './useRequest.js';

// The editor (ProseMirror, Yjs) loads only when a draft is opened, keeping the start page light.
const DraftWorkspace = lazy(async () => ({ default: (await import('./DraftWorkspace.js')).DraftWorkspace }));

/** Props of `NegotiationPage`. */
export interface NegotiationPageProps {
  id: string;
  me: Me;
}

/** The page of one negotiation's text. */
export function NegotiationPage({ id, me }: NegotiationPageProps) {
  const [request, retry] = useRequest((signal) => fetchNegotiation(id, signal), id);
  useDocumentTitle(request.status === 'done' ? request.value.title : null);

  if (request.status !== 'done') {
    return (
      <>
        <AppHeader account={accountFor(me)} />
        <main className="page narrow">
          {request.status === 'loading' ? (
            <p aria-busy="true">{messages.negotiation.loading}</p>
          ) : (
            <ErrorNotice error={request.error} onRetry={retry} />
          )}
          <p>
            <Link href="/">{messages.negotiation.allNegotiations}</Link>
          </p>
        </main>
      </>
    );
  }
  if (!takesPart(request.value.me)) return <NotTakingPart me={me} negotiation={request.value} />;
  const loading = (
    <>
      <AppHeader account={accountFor(me, request.value)} />
      <main className="page narrow">
        <p aria-busy="true">{messages.negotiation.loading}</p>
      </main>
    </>
  );
  return (
    <Suspense fallback={loading}>
      <DraftWorkspace negotiation={request.value} me={me} />
    </Suspense>
  );
}

/** What a server administrator who does not take part sees instead of the text. */
function NotTakingPart({ me, negotiation }: { me: Me; negotiation: Negotiation }) {
  return (
    <>
      <AppHeader account={accountFor(me, negotiation)} />
      <main className="page narrow">
        <h1>{negotiation.title}</h1>
        <p className="notice" data-testid="not-taking-part">
          {messages.negotiation.adminNotTakingPart}
        </p>
        <p>
          <Link href={participantsPath(negotiation.id)}>{messages.negotiation.inviteFromHere}</Link>
        </p>
      </main>
    </>
  );
}
