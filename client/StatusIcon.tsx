/** Small shapes telling connection states apart without relying on colour. */
import type { ConnectionStatus } from './connection.js';

/** Props of `StatusIcon`. */
export interface StatusIconProps {
  status: ConnectionStatus;
}

/** A decorative icon for a connection status (the text next to it says the same in words). */
export function StatusIcon({ status }: StatusIconProps) {
  return (
    <svg
      className="status-icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      {status === 'connected' && <circle cx="8" cy="8" r="6" fill="currentColor" />}
      {(status === 'connecting' || status === 'reconnecting') && (
        <circle
          cx="8"
          cy="8"
          r="5.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeDasharray="4 3"
          className="spin"
        />
      )}
      {status === 'offline' && (
        <>
          <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <line x1="3" y1="13" x2="13" y2="3" stroke="currentColor" strokeWidth="2" />
        </>
      )}
      {status === 'closed' && (
        <path d="M3 3 L13 13 M13 3 L3 13" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
      )}
    </svg>
  );
}
