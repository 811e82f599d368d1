/** The app shell: picks the page for the current path. */
import { HomePage } from './HomePage.js';
import { messages } from './i18n/messages.js';
import { Link } from './Link.js';
import { NegotiationPage } from './NegotiationPage.js';
import { matchRoute, usePath } from './routing.js';
import { useDocumentTitle } from './useDocumentTitle.js';

/** The whole client. */
export function App() {
  const route = matchRoute(usePath());
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'negotiation':
      // Keyed so that moving to another negotiation starts from a fresh page and connection.
      return <NegotiationPage key={route.id} id={route.id} />;
    case 'notFound':
      return <NotFound />;
  }
}

function NotFound() {
  useDocumentTitle(messages.negotiation.notFound);
  return (
    <main className="page narrow">
      <h1>{messages.negotiation.notFound}</h1>
      <p>
        <Link href="/">{messages.negotiation.allNegotiations}</Link>
      </p>
    </main>
  );
}
