/**
 * Who is signed in at this browser, as the server says (`GET /api/me`). A plain observable store,
 * like `connection.ts`: React subscribes with `useSession`, nothing else keeps an identity.
 * The session itself is an HttpOnly cookie the page never sees.
 */
import { isSignedOutError } from '../api.js';
import { httpSessionApi, type Me, type SessionApi, type SignInResult } from './sessionApi.js';

/**
 * Why nobody is signed in: `none` (never was, in this page), `ended` (the session expired or
 * was ended by a co-facilitator while the page was open), `signedOut` (the person signed out).
 */
export type SignedOutReason = 'none' | 'ended' | 'signedOut';

/** Where the session stands. Replaced as a whole on every change. */
export type SessionState =
  | { status: 'loading' }
  | { status: 'signedIn'; me: Me }
  | { status: 'signedOut'; reason: SignedOutReason }
  | { status: 'failed'; error: unknown };

/** The session store. */
export interface Session {
  getState(): SessionState;
  /** Calls `listener` after every change; returns a function that unsubscribes. */
  subscribe(listener: () => void): () => void;
  /** Asks the server who is signed in; only the latest answer counts. */
  refresh(): Promise<void>;
  /** Asks the server who is signed in, unless it was asked already. */
  ensureLoaded(): void;
  /**
   * Redeems a sign-in link, then loads the person. Calling it again with the same token while the
   * first call runs or after it succeeded returns the same promise, so that a re-rendered page
   * never spends a single-use link twice.
   */
  signIn(token: string): Promise<SignInResult>;
  /** Ends the session on the server; rejects (and stays signed in) when the server cannot be told. */
  signOut(): Promise<void>;
}

/** A session store over `api`. */
export function createSession(api: SessionApi = httpSessionApi): Session {
  const listeners = new Set<() => void>();
  const signIns = new Map<string, Promise<SignInResult>>();
  let state: SessionState = { status: 'loading' };
  let latest = 0;

  const set = (next: SessionState) => {
    state = next;
    for (const listener of listeners) listener();
  };

  const refresh = async () => {
    const seq = ++latest;
    const wasSignedIn = state.status === 'signedIn';
    if (!wasSignedIn) set({ status: 'loading' });
    try {
      const me = await api.me();
      if (seq === latest) set({ status: 'signedIn', me });
    } catch (error) {
      if (seq !== latest) return;
      if (isSignedOutError(error)) set({ status: 'signedOut', reason: wasSignedIn ? 'ended' : 'none' });
      else set({ status: 'failed', error });
    }
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh,
    ensureLoaded() {
      if (latest === 0) void refresh();
    },
    signIn(token) {
      let pending = signIns.get(token);
      if (!pending) {
        pending = api.signIn(token).then(
          async (result) => {
            await refresh();
            return result;
          },
          (error: unknown) => {
            // Let "Try again" ask the server again (a spent link is refused again anyway).
            signIns.delete(token);
            throw error;
          },
        );
        signIns.set(token, pending);
      }
      return pending;
    },
    async signOut() {
      await api.signOut();
      latest++;
      set({ status: 'signedOut', reason: 'signedOut' });
    },
  };
}

/** The session of this page. */
export const session: Session = createSession();
