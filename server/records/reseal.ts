/**
 * Signing chains as their records now stand, whatever was signed before: the way back to signed
 * records after an administrator has looked at what verification reports (a restore from a
 * backup, records written by a process without the key). The head then says `resealed` and
 * when, and browsers that remember an earlier history still warn about any difference.
 */
import type { Storage } from '../storage/storage.js';
import type { ChainSealer } from './sealer.js';

/** What was signed for one chain. */
export interface Resealed {
  chain: string;
  snapshots: number;
  audit: number;
}

/** Signs `chains` (every chain with records when none are named) as they stand. */
export async function resealChains(
  storage: Storage,
  sealer: ChainSealer,
  chains?: readonly string[],
): Promise<Resealed[]> {
  const out: Resealed[] = [];
  for (const chain of chains ?? (await storage.chains.chains())) {
    const [heads, snapshots, readings] = await Promise.all([
      storage.chains.heads(chain),
      storage.readings.listSnapshots(chain),
      storage.readings.listReadings(chain),
    ]);
    await storage.chains.putSignedHead(chain, sealer.reseal(chain, heads, snapshots, readings));
    out.push({ chain, snapshots: heads.snapshots.count, audit: heads.audit.count });
  }
  return out;
}
