/**
 * `/signin#<token>`: redeems a personal sign-in link. The token travels in the fragment, so it
 * never reaches server logs or Referer headers; the page removes it from the address at once,
 * posts it, and goes to the negotiation the link was for.
 */
import { useEffect, useState } from 'react';
import { AppHeader } from '../AppHeader.js';
import { ApiError, isRetryable } from '../api.js';
import { errorMessage, messages } from '../i18n/messages.js';
import { Link } from '../Link.js';
import { PageHeading } from '../PageHeading.js';
import { navigate, negotiationPath } from '../routing.js';
import { useDocumentTitle } from '../useDocumentTitle.js';
import { session } from './session.js';

type SignInState = { status: 'working' } | { status: 'failed'; error: unknown };

/** The readable reason a sign-in failed. */
export function signInErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return messages.errors.unknown;
  // A token of the wrong shape is refused as a malformed body; for the reader it is a bad link.
  const code = error.code === 'INVALID_BODY' ? 'LINK_INVALID' : error.code;
  return messages.signIn.errors[code] ?? errorMessage(code);
}

/** Reads the token once, before anything can change the address. */
function tokenFromAddress(): string {
  const raw = location.hash.replace(/^#/, '');
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}

/** The sign-in page. */
export function SignInPage() {
  const [token] = useState(tokenFromAddress);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<SignInState>({ status: 'working' });
  useDocumentTitle(messages.signIn.title);

  useEffect(() => {
    // The link is single-use and secret: keep it out of the address bar and the history.
    if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` changes only to ask the server again.
  useEffect(() => {
    if (token === '') return;
    let current = true;
    setState({ status: 'working' });
    session.signIn(token).then(
      ({ negotiationId }) => {
        if (current) navigate(negotiationId ? negotiationPath(negotiationId) : '/', { replace: true });
      },
      (error: unknown) => {
        if (current) setState({ status: 'failed', error });
      },
    );
    return () => {
      current = false;
    };
  }, [token, attempt]);

  const failed = token === '' || state.status === 'failed';
  return (
    <>
      <AppHeader />
      <main className="page narrow" aria-busy={!failed}>
        {failed ? (
          <>
            <PageHeading>{messages.signIn.failed}</PageHeading>
            <div className="notice error" role="alert" data-testid="signin-error">
              <p>{state.status === 'failed' ? signInErrorMessage(state.error) : messages.signIn.noToken}</p>
            </div>
            <p>{messages.signIn.askForLink}</p>
            <div className="form-actions">
              {state.status === 'failed' && isRetryable(state.error) && (
                <button type="button" onClick={() => setAttempt((n) => n + 1)}>
                  {messages.signIn.retry}
                </button>
              )}
              <Link href="/">{messages.signIn.home}</Link>
            </div>
          </>
        ) : (
          <PageHeading>{messages.signIn.inProgress}</PageHeading>
        )}
      </main>
    </>
  );
}
