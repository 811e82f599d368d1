/**
 * Bounds on failed sign-in attempts. Only failures are counted and only failures are refused: a
 * valid link is redeemed before the limiter is asked, so one person behind a shared address (a
 * delegation's NAT, a conference network) cannot lock the others out by trying wrong links. Each
 * address has its own budget, and all addresses together share a larger one that caps the work
 * (and the audit entries) a distributed attempt can cause.
 */
import { TokenBucket } from '../tokenBucket.js';

/** Failed attempts allowed per client address, and across the server. */
export const SIGNIN_FAILURES = {
  perAddress: { perSecond: 0.2, burst: 10 },
  global: { perSecond: 5, burst: 200 },
} as const;

/** Addresses tracked at once; beyond it the oldest are forgotten. */
const MAX_ADDRESSES = 10_000;

/** Counts failed sign-ins per address and overall. */
export class SignInLimiter {
  private readonly byAddress = new Map<string, TokenBucket>();
  private readonly global = new TokenBucket(SIGNIN_FAILURES.global.perSecond, SIGNIN_FAILURES.global.burst);

  /** Records a failure from `address`; false when it is over either budget (refuse it as RATE_LIMITED). */
  fail(address: string): boolean {
    let bucket = this.byAddress.get(address);
    if (!bucket) {
      if (this.byAddress.size >= MAX_ADDRESSES) this.byAddress.delete(this.byAddress.keys().next().value!);
      bucket = new TokenBucket(SIGNIN_FAILURES.perAddress.perSecond, SIGNIN_FAILURES.perAddress.burst);
      this.byAddress.set(address, bucket);
    }
    // An address over its own budget no longer draws on the shared one.
    return bucket.take() && this.global.take();
  }
}
