/**
 * PostgreSQL and Redis for the cluster run, from the test harnesses: a fresh database on
 * `DATABASE_URL`'s server, or on a throwaway server started from the installed binaries (fsync
 * on); `REDIS_URL`, or a throwaway `redis-server`. Throwaway servers leave with the benchmark
 * however it ends.
 */
import { dropFreshDatabases, freshDatabase, startThrowawayPostgres } from '../../test/support/postgres.js';
import { startRedis } from '../../test/support/redis.js';

/** The services a cluster run uses. */
export interface ClusterServices {
  databaseUrl: string;
  redisUrl: string;
  /** How the report names them. */
  description: string;
  stop(): Promise<void>;
}

/** Starts (or finds) PostgreSQL and Redis for a cluster run. */
export async function clusterServices(keep: boolean): Promise<ClusterServices> {
  const configured = process.env.DATABASE_URL;
  const postgres = configured ? null : await startThrowawayPostgres();
  const databaseUrl = await freshDatabase(configured ?? postgres!.url);
  const redis = process.env.REDIS_URL ? null : await startRedis();
  const redisUrl = process.env.REDIS_URL ?? redis!.url;
  return {
    databaseUrl,
    redisUrl,
    description: `${configured ? 'a fresh database on DATABASE_URL' : 'a throwaway PostgreSQL (fsync on)'}, ${redis ? 'a throwaway Redis' : 'REDIS_URL'}`,
    async stop() {
      if (!keep && configured) await dropFreshDatabases();
      await postgres?.destroy();
      await redis?.stop();
    },
  };
}
