/**
 * The app shell: the sign-in page works without a session; every other page needs one, and
 * shows "You are not signed in" without it. Picks the page for the current path.
 */
import { useEffect } from 'react';
import { AppHeader } from './AppHeader.js';
import { AccessPage } from './access/AccessPage.js';
import { AmendmentImportPage } from './amendments/AmendmentImportPage.js';
import { AuditPage } from './audit/AuditPage.js';
import { ErrorNotice } from './ErrorNotice.js';
import { HomePage } from './HomePage.js';
import { messages } from './i18n/messages.js';
import { InputsPage } from './inputs/InputsPage.js';
import { Link } from './Link.js';
import { MyProposalsPage } from './myProposals/MyProposalsPage.js';
import { NegotiationPage } from './NegotiationPage.js';
import { PageHeading } from './PageHeading.js';
import { ParticipantsPage } from './participants/ParticipantsPage.js';
import { ReadingsPage } from './readings/ReadingsPage.js';
import { RoadmapPage } from './roadmap/RoadmapPage.js';
import { matchRoute, type Route, usePath } from './routing.js';
import { accountFor } from './session/account.js';
import { SignedOutPage } from './session/SignedOutPage.js';
import { SignInPage } from './session/SignInPage.js';
import { session } from './session/session.js';
import type { Me } from './session/sessionApi.js';
import { useSession } from './session/useSession.js';
import { useDocumentTitle } from './useDocumentTitle.js';

/** The whole client. */
export function App() {
  const route = matchRoute(usePath());
  const state = useSession();
  const needsSession = route.page !== 'signin';

  useEffect(() => {
    if (needsSession) session.ensureLoaded();
  }, [needsSession]);

  if (!needsSession) return <SignInPage />;
  switch (state.status) {
    case 'loading':
      return (
        <>
          <AppHeader />
          <main className="page narrow" aria-busy="true">
            <p>{messages.loading}</p>
          </main>
        </>
      );
    case 'failed':
      return (
        <>
          <AppHeader />
          <main className="page narrow">
            <ErrorNotice error={state.error} onRetry={() => void session.refresh()} />
          </main>
        </>
      );
    case 'signedOut':
      return <SignedOutPage reason={state.reason} />;
    case 'signedIn':
      return <SignedInPage route={route} me={state.me} />;
  }
}

interface SignedInPageProps {
  route: Exclude<Route, { page: 'signin' }>;
  me: Me;
}

function SignedInPage({ route, me }: SignedInPageProps) {
  switch (route.page) {
    case 'home':
      return <HomePage me={me} />;
    case 'negotiation':
      // Keyed so that moving to another negotiation starts from a fresh page and connection.
      return <NegotiationPage key={route.id} id={route.id} me={me} />;
    case 'participants':
      return <ParticipantsPage key={route.id} id={route.id} me={me} />;
    case 'audit':
      return <AuditPage key={route.id} id={route.id} me={me} />;
    case 'access':
      return <AccessPage key={route.id} id={route.id} me={me} />;
    case 'roadmap':
      return <RoadmapPage key={route.id} id={route.id} me={me} />;
    case 'inputs':
      return <InputsPage key={route.id} id={route.id} me={me} />;
    case 'amendments':
      return <AmendmentImportPage key={route.id} id={route.id} me={me} />;
    case 'mine':
      return <MyProposalsPage key={route.id} id={route.id} me={me} />;
    case 'timeline':
    case 'compare':
    case 'import':
    case 'snapshot':
    case 'print':
      return <ReadingsPage route={route} me={me} />;
    case 'notFound':
      return <NotFound me={me} />;
  }
}

function NotFound({ me }: { me: Me }) {
  useDocumentTitle(messages.negotiation.notFound);
  return (
    <>
      <AppHeader account={accountFor(me)} />
      <main className="page narrow">
        <PageHeading>{messages.negotiation.notFound}</PageHeading>
        <p>
          <Link href="/">{messages.negotiation.allNegotiations}</Link>
        </p>
      </main>
    </>
  );
}
