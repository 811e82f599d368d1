/** React binding of the session store. */
import { useSyncExternalStore } from 'react';
import { session as pageSession, type Session, type SessionState } from './session.js';

/** The current session state, re-rendering on every change. */
export function useSession(session: Session = pageSession): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}
