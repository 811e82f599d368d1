/** The people present in the document, yourself included. */
import { useId } from 'react';
import { messages } from './i18n/messages.js';
import type { Peer } from './presence.js';

/** Props of `PresenceList`. */
export interface PresenceListProps {
  peers: readonly Peer[];
}

/** "Online": a colour dot, name and delegation per person, yours marked "(you)". */
export function PresenceList({ peers }: PresenceListProps) {
  const headingId = useId();
  return (
    <section className="presence" aria-labelledby={headingId}>
      <h2 id={headingId} className="presence-heading">
        {messages.presence.heading}
      </h2>
      <ul data-testid="presence-list" className="presence-list">
        {peers.map((peer) => {
          // Observers without a delegation are told apart by their role.
          const affiliation = peer.delegationName ?? (peer.role ? messages.roles[peer.role] : null);
          return (
            <li key={peer.clientId} data-self={peer.self || undefined}>
              <span className="presence-dot" style={{ backgroundColor: peer.color }} aria-hidden="true" />
              <span className="presence-name">{peer.name}</span>
              {affiliation && (
                <span className="presence-delegation">
                  <span className="visually-hidden">, </span>
                  {affiliation}
                </span>
              )}
              {peer.self && <span className="presence-you"> {messages.presence.you}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
