/** React bindings of `connection.ts`: open a connection for a component's lifetime and read its state. */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { type Connection, type ConnectionState, createConnection } from './connection.js';
import type { Identity } from './identity.js';

/**
 * A connection to `docName` that lives as long as the calling component (null until opened).
 * Changing `identity` updates how this client appears; it does not reconnect.
 */
export function useConnection(docName: string, identity: Identity): Connection | null {
  const [connection, setConnection] = useState<Connection | null>(null);
  const latestIdentity = useRef(identity);

  // Declared first so that, in one commit, the identity is current before a connection opens.
  useEffect(() => {
    latestIdentity.current = identity;
    connection?.setUser(identity);
  }, [connection, identity]);

  useEffect(() => {
    const opened = createConnection(docName, latestIdentity.current);
    setConnection(opened);
    return () => {
      opened.destroy();
      setConnection(null);
    };
  }, [docName]);

  return connection;
}

/** The state of `connection`, re-rendering on every change. */
export function useConnectionState(connection: Connection): ConnectionState {
  return useSyncExternalStore(connection.subscribe, connection.getState);
}
