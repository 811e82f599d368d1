/**
 * Token buckets by key: a sustained rate and a burst. `LocalBuckets` keeps them in this process;
 * `redisBuckets.ts` keeps them in Redis, shared by every process.
 */
import { TokenBucket } from '../tokenBucket.js';

/** A bucket's sustained rate (tokens a second) and size. */
export interface BucketRate {
  perSecond: number;
  burst: number;
}

/** One bucket to draw on: its key and its rate. */
export interface BucketDraw {
  key: string;
  rate: BucketRate;
}

/** Token buckets by key. */
export interface TokenBuckets {
  /**
   * Takes one token from each bucket of `draws`, in order, stopping at the first that has none
   * (those after it are not drawn on); true when every one gave a token.
   */
  take(draws: readonly BucketDraw[]): Promise<boolean>;
}

/** Buckets tracked at once by `LocalBuckets`; beyond it the oldest are forgotten. */
export const MAX_LOCAL_BUCKETS = 10_000;

/** Token buckets in this process's memory. */
export class LocalBuckets implements TokenBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  async take(draws: readonly BucketDraw[]): Promise<boolean> {
    return this.takeNow(draws);
  }

  /** `take`, answered at once. */
  takeNow(draws: readonly BucketDraw[]): boolean {
    for (const { key, rate } of draws) if (!this.bucket(key, rate).take()) return false;
    return true;
  }

  private bucket(key: string, rate: BucketRate): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= MAX_LOCAL_BUCKETS) this.buckets.delete(this.buckets.keys().next().value!);
      bucket = new TokenBucket(rate.perSecond, rate.burst);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
