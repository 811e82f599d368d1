/** React bindings of `connection.ts`: open a connection for a component's lifetime and read its state. */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { type Connection, type ConnectionState, createConnection } from './connection.js';
import type { LocalUser } from './presence.js';

/**
 * A connection to `docName` that lives as long as the calling component (null until opened).
 * Changing `user` updates how this client shows itself; it does not reconnect. A connection
 * that is not `writable` never sends a change (`ConnectionOptions.writable`).
 */
export function useConnection(docName: string, user: LocalUser, writable: boolean): Connection | null {
  const [connection, setConnection] = useState<Connection | null>(null);
  const latestUser = useRef(user);

  // Declared first so that, in one commit, the user is current before a connection opens.
  useEffect(() => {
    latestUser.current = user;
    connection?.setUser(user);
  }, [connection, user]);

  useEffect(() => {
    const opened = createConnection(docName, latestUser.current, { writable });
    setConnection(opened);
    return () => {
      opened.destroy();
      setConnection(null);
    };
  }, [docName, writable]);

  return connection;
}

/** The state of `connection`, re-rendering on every change. */
export function useConnectionState(connection: Connection): ConnectionState {
  return useSyncExternalStore(connection.subscribe, connection.getState);
}
