/** A negotiation's text page: loads the negotiation, then opens its draft. */
import { lazy, Suspense } from 'react';
import { AppHeader } from './AppHeader.js';
import { ErrorNotice } from './ErrorNotice.js';
import { messages } from './i18n/messages.js';
import { Link } from './Link.js';
import { fetchNegotiation } from './negotiationsApi.js';
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
