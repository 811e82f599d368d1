/** The always-visible status line: connection, save state, errors and who is online. */
import { type Connection, DIVERGING_ERRORS } from './connection.js';
import { closeMessage, errorMessage, messages } from './i18n/messages.js';
import { PresenceList } from './PresenceList.js';
import { StatusIcon } from './StatusIcon.js';
import { useConnectionState } from './useConnection.js';

/** Refusals that signing in again cures. */
const SIGN_IN_CODES: ReadonlySet<string> = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

/** Props of `StatusBar`. */
export interface StatusBarProps {
  connection: Connection;
}

/** Shows the state of `connection` and the people present. */
export function StatusBar({ connection }: StatusBarProps) {
  const state = useConnectionState(connection);
  return (
    <div className="status-bar">
      <p
        className="connection-state"
        role="status"
        aria-live="polite"
        data-testid="connection-state"
        data-state={state.connection}
      >
        <StatusIcon status={state.connection} />
        <span>{messages.connection[state.connection]}</span>
      </p>
      <p className="save-state" data-testid="save-state" data-state={state.saved}>
        {messages.save[state.saved]}
      </p>
      <PresenceList peers={state.peers} />
      {state.refused && (
        <div
          className="notice error"
          role="alert"
          data-testid="connection-refused"
          data-code={state.refused.code}
        >
          <p>{errorMessage(state.refused.code, state.refused.message)}</p>
          <p>
            {!state.refused.final
              ? messages.connection.refused.passing
              : SIGN_IN_CODES.has(state.refused.code)
                ? messages.connection.refused.signIn
                : messages.connection.refused.noAccess}
          </p>
          {state.refused.final && (
            <button type="button" onClick={connection.retry}>
              {messages.connection.refused.retry}
            </button>
          )}
        </div>
      )}
      {state.closeCode !== undefined && (
        <div className="notice error" role="alert">
          <p>{closeMessage(state.closeCode)}</p>
        </div>
      )}
      {state.lastError && (
        <div className="notice error" role="alert">
          <p>{errorMessage(state.lastError.code, state.lastError.message)}</p>
          {DIVERGING_ERRORS.has(state.lastError.code) && (
            <p>
              {messages.connection.reloaded} <span className="detail">{state.lastError.message}</span>
            </p>
          )}
          <button type="button" onClick={connection.clearError}>
            {messages.errors.dismiss}
          </button>
        </div>
      )}
    </div>
  );
}
