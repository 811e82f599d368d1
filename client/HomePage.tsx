/** The start page: the negotiations this browser can open. */
import { fetchNegotiations } from './api.js';
import { ErrorNotice } from './ErrorNotice.js';
import { messages } from './i18n/messages.js';
import { Link } from './Link.js';
import { negotiationPath } from './routing.js';
import { useDocumentTitle } from './useDocumentTitle.js';
import { useRequest } from './useRequest.js';

/** Lists negotiations, each linking to its draft. */
export function HomePage() {
  useDocumentTitle(messages.home.heading);
  const [request, retry] = useRequest(fetchNegotiations, 'negotiations');
  return (
    <main className="page narrow">
      <h1>{messages.home.heading}</h1>
      {request.status === 'loading' && <p aria-busy="true">{messages.home.loading}</p>}
      {request.status === 'failed' && <ErrorNotice error={request.error} onRetry={retry} />}
      {request.status === 'done' &&
        (request.value.length === 0 ? (
          <p>{messages.home.empty}</p>
        ) : (
          <ul className="negotiation-list">
            {request.value.map((negotiation) => (
              <li key={negotiation.id}>
                <Link href={negotiationPath(negotiation.id)}>{negotiation.title}</Link>
              </li>
            ))}
          </ul>
        ))}
    </main>
  );
}
