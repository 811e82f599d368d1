/**
 * Token buckets kept in Redis, shared by every process (see `buckets.ts`): one script takes the
 * tokens of a call atomically, on Redis's clock. While Redis is away the buckets of this process
 * answer instead (each process then bounds what it sees on its own, as a single server does).
 */
import type { createClient } from '@redis/client';
import type { Logger } from '../logger.js';
import { type BucketDraw, LocalBuckets, type TokenBuckets } from './buckets.js';

/**
 * KEYS: the buckets, in order; ARGV: each bucket's rate (tokens a second) and burst. Takes one
 * token from each in turn and stops at the first without one (returning 0); returns 1 when every
 * one gave a token. A bucket is a hash of its tokens and when they were counted, and expires once
 * it would be full again.
 */
const TAKE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i, key in ipairs(KEYS) do
  local rate = tonumber(ARGV[2 * i - 1])
  local burst = tonumber(ARGV[2 * i])
  local stored = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = tonumber(stored[1]) or burst
  local at = tonumber(stored[2]) or now
  tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
  if tokens < 1 then return 0 end
  tokens = tokens - 1
  redis.call('HSET', key, 'tokens', tostring(tokens), 'at', tostring(now))
  redis.call('PEXPIRE', key, math.ceil((burst - tokens) * 1000 / rate) + 1000)
end
return 1
`;

/** Token buckets in Redis, with this process's own as the fallback. */
export class RedisBuckets implements TokenBuckets {
  private readonly fallback = new LocalBuckets();

  constructor(
    private readonly client: ReturnType<typeof createClient>,
    private readonly log: Logger,
    /** Prefix of the buckets' keys. */
    private readonly prefix: string,
  ) {}

  async take(draws: readonly BucketDraw[]): Promise<boolean> {
    try {
      const answer = await this.client.eval(TAKE_SCRIPT, {
        keys: draws.map((d) => this.prefix + d.key),
        arguments: draws.flatMap((d) => [String(d.rate.perSecond), String(d.rate.burst)]),
      });
      return answer === 1;
    } catch (err) {
      this.log.debug('cluster.buckets-local', { error: (err as Error).message });
      return this.fallback.takeNow(draws);
    }
  }
}
