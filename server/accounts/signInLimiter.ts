/**
 * Bounds on failed sign-in attempts. Only failures are counted and only failures are refused: a
 * valid link is redeemed before the limiter is asked, so one person behind a shared address (a
 * delegation's NAT, a conference network) cannot lock the others out by trying wrong links. Each
 * address has its own budget, and all addresses together share a larger one that caps the work
 * (and the audit entries) a distributed attempt can cause. Where several processes serve, the
 * budgets are theirs together (the bus's buckets, in Redis).
 */
import { LocalBuckets, type TokenBuckets } from '../cluster/buckets.js';

/** Failed attempts allowed per client address, and across the server. */
export const SIGNIN_FAILURES = {
  perAddress: { perSecond: 0.2, burst: 10 },
  global: { perSecond: 5, burst: 200 },
} as const;

/** Counts failed sign-ins per address and overall. */
export class SignInLimiter {
  constructor(private readonly buckets: TokenBuckets = new LocalBuckets()) {}

  /** Records a failure from `address`; false when it is over either budget (refuse it as RATE_LIMITED). */
  fail(address: string): Promise<boolean> {
    // An address over its own budget no longer draws on the shared one.
    return this.buckets.take([
      { key: `signin:address:${address}`, rate: SIGNIN_FAILURES.perAddress },
      { key: 'signin:all', rate: SIGNIN_FAILURES.global },
    ]);
  }
}
