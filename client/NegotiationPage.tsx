/** A negotiation's page: loads it, asks for a name if needed, then opens the draft. */
import { lazy, Suspense } from 'react';
import { fetchNegotiation } from './api.js';
import { ErrorNotice } from './ErrorNotice.js';
import { messages } from './i18n/messages.js';
import { Link } from './Link.js';
import { NameForm } from './NameForm.js';
import { useDocumentTitle } from './useDocumentTitle.js';
import { useDisplayName } from './useIdentity.js';
import { useRequest } from './useRequest.js';

// The editor (ProseMirror, Yjs) loads only when a draft is opened, keeping the start page light.
const DraftWorkspace = lazy(async () => ({ default: (await import('./DraftWorkspace.js')).DraftWorkspace }));

/** Props of `NegotiationPage`. */
export interface NegotiationPageProps {
  id: string;
}

/** The page of one negotiation. */
export function NegotiationPage({ id }: NegotiationPageProps) {
  const [request, retry] = useRequest((signal) => fetchNegotiation(id, signal), id);
  const name = useDisplayName();
  useDocumentTitle(request.status === 'done' ? request.value.title : null);

  if (request.status !== 'done') {
    return (
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
    );
  }
  if (name === null) {
    return (
      <main className="page narrow">
        <h1>{request.value.title}</h1>
        <NameForm heading={messages.identity.formHeading} submitLabel={messages.identity.submit} />
        <p>
          <Link href="/">{messages.negotiation.allNegotiations}</Link>
        </p>
      </main>
    );
  }
  return (
    <Suspense
      fallback={
        <main className="page narrow">
          <p aria-busy="true">{messages.negotiation.loading}</p>
        </main>
      }
    >
      <DraftWorkspace negotiation={request.value} name={name} />
    </Suspense>
  );
}
