/**
 * The cluster run's negotiations, seeded into PostgreSQL through the real services as the
 * single-process run's is into SQLite (`seed/negotiation.ts`), signed with the key the cluster's
 * processes will use. The first has seats for the resync measurement too.
 */
import { ChainSealer } from '../../server/records/sealer.js';
import type { SigningKey } from '../../server/records/signingKey.js';
import { openPostgresStorage } from '../../server/storage/postgres/postgres.js';
import type { BenchOptions } from '../options.js';
import type { SeedMeta } from '../seed/meta.js';
import { seedNegotiation } from '../seed/negotiation.js';

/** Negotiations seeded at once (each is mostly a sequence of commands waiting for PostgreSQL). */
const AT_ONCE = 3;

/** Id of the cluster run's negotiation `i` (from 0). */
export function clusterNegotiationId(i: number): string {
  return `bench-cluster-${String(i + 1).padStart(2, '0')}`;
}

/** Seeds `opts.clusterNegotiations` negotiations; returns their descriptions in order. */
export async function seedClusterNegotiations(
  databaseUrl: string,
  key: SigningKey,
  opts: BenchOptions,
  log: (line: string) => void,
): Promise<SeedMeta[]> {
  const storage = await openPostgresStorage(databaseUrl, { sealer: new ChainSealer(key) });
  try {
    const metas: SeedMeta[] = [];
    const queue = Array.from({ length: opts.clusterNegotiations }, (_, i) => i);
    const worker = async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        metas[i] = await seedNegotiation(storage, clusterNegotiationId(i), {
          paragraphs: opts.paragraphs,
          proposals: opts.clusterProposals,
          delegations: opts.delegations,
          closedReadings: 1,
          seats: i === 0 ? Math.max(opts.clusterClients, opts.resyncClients) : opts.clusterClients,
        });
        log(`  ${clusterNegotiationId(i)} seeded in ${metas[i]!.seedSeconds.toFixed(1)} s`);
      }
    };
    await Promise.all(Array.from({ length: AT_ONCE }, worker));
    return metas;
  } finally {
    await storage.close();
  }
}
