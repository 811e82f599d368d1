/** React bindings of `connection.ts`: open a connection for a component's lifetime and read its state. */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { type Connection, type ConnectionState, createConnection } from './connection.js';
import type { ServerError } from './extensionMessages.js';
import type { LocalUser } from './presence.js';

/**
 * A connection to `docName` that lives as long as the calling component (null until opened).
 * Changing `user` updates how this client shows itself; it does not reconnect. A connection
 * that is not `writable` never sends a change (`ConnectionOptions.writable`). When the server
 * refuses a change the local copy already holds (`diverged`), the connection is replaced by a
 * fresh one, which starts from the server's text and shows the refusal.
 */
export function useConnection(docName: string, user: LocalUser, writable: boolean): Connection | null {
  const [connection, setConnection] = useState<Connection | null>(null);
  const [generation, setGeneration] = useState(0);
  const carried = useRef<ServerError | undefined>(undefined);
  const latestUser = useRef(user);

  // Declared first so that, in one commit, the user is current before a connection opens.
  useEffect(() => {
    latestUser.current = user;
    connection?.setUser(user);
  }, [connection, user]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation opens a new connection
  useEffect(() => {
    const initialError = carried.current;
    carried.current = undefined;
    const opened = createConnection(docName, latestUser.current, {
      writable,
      ...(initialError ? { initialError } : {}),
    });
    setConnection(opened);
    const unsubscribe = opened.subscribe((state) => {
      if (!state.diverged) return;
      carried.current = state.lastError;
      unsubscribe();
      setGeneration((g) => g + 1);
    });
    return () => {
      unsubscribe();
      opened.destroy();
      setConnection(null);
    };
  }, [docName, writable, generation]);

  return connection;
}

/** The state of `connection`, re-rendering on every change. */
export function useConnectionState(connection: Connection): ConnectionState {
  return useSyncExternalStore(connection.subscribe, connection.getState);
}
