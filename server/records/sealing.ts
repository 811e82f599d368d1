/** The server's signing key and sealer as `main.ts`, the admin commands and the tests set them up. */
import type { Logger } from '../logger.js';
import { ChainSealer, type SealRefusal } from './sealer.js';
import { loadSigningKey, type SigningKey } from './signingKey.js';

/** Where the key is and whether to create it when missing (`config.ts`). */
export interface KeyConfig {
  signingKeyFile: string;
  createSigningKey: boolean;
}

/** Loads the configured signing key, logging a key created now or a key file others can read. */
export function loadServerKey(config: KeyConfig, log: Logger): SigningKey {
  const key = loadSigningKey(config.signingKeyFile, {
    create: config.createSigningKey,
    onEvent: (e) =>
      e.event === 'created'
        ? log.warn('signing-key.created', {
            file: e.file,
            note: 'keep this file outside the data directory and its backups; production mounts it (SIGNING_KEY_FILE)',
          })
        : log.warn('signing-key.readable-by-others', { file: e.file, mode: e.mode }),
  });
  log.info('signing-key.loaded', { keyId: key.keyId });
  return key;
}

/** A sealer with `key` that logs each refusal once per chain and reason (they repeat on every append). */
export function serverSealer(key: SigningKey, log: Logger, now?: () => Date): ChainSealer {
  const told = new Set<string>();
  const onRefused = (chain: string, reason: SealRefusal) => {
    if (told.has(`${chain}\n${reason}`)) return;
    told.add(`${chain}\n${reason}`);
    log.error('records.head-not-signed', {
      chain,
      reason,
      note: 'the stored records differ from the head this server signed; see GET /api/negotiations/:id/verify',
    });
  };
  return new ChainSealer(key, now ? { now, onRefused } : { onRefused });
}
