/**
 * The chain head of the negotiation's records as a printout carries it: its short hash, how many
 * records it covers, and whether the server's key signed it; with the shown record's own hash.
 */
import { type RecordStamp, shortHash } from '../../shared/records.js';
import { messages } from '../i18n/messages.js';
import './records.css';

/** Props of `ChainStamp`. */
export interface ChainStampProps {
  chain: RecordStamp;
  /** The shown record's hash (none for the live text). */
  hash: string | null;
}

/** The stamp. */
export function ChainStamp({ chain, hash }: ChainStampProps) {
  const m = messages.records.stamp;
  return (
    <footer className={chain.signed ? 'chain-stamp' : 'chain-stamp unsigned'} data-testid="chain-stamp">
      {hash && (
        <p>
          {messages.readings.snapshot.hash}: <code>{hash}</code>
        </p>
      )}
      <p>
        <span title={`${m.head}: ${chain.head}`}>{m.line(shortHash(chain.head), chain.records)}</span>
        {' · '}
        {chain.signed ? m.signed(chain.keyId) : m.notSigned}
      </p>
    </footer>
  );
}
