/**
 * When the base text changes, which proposals it outdated is checked a short while later
 * (`ProposalCommands.refreshOutdated`), once for all the changes of a negotiation within the
 * delay. The check runs in the context the scheduler was made in, never in the changer's: a
 * change made by a command (a proposal applied) is reported from inside that command's
 * serialisation scope, and a check started from there would count as re-entering the scope
 * (`Storage.serialize`) and run beside the negotiation's next command instead of after it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../logger.js';

/** Delay between a change of the base text and the check of which amendments it outdated. */
export const OUTDATED_CHECK_DELAY_MS = 200;

/** Schedules the outdated check of each negotiation whose base text changed. */
export class OutdatedChecks {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Runs a function in the context this scheduler was made in. */
  private readonly detached = AsyncLocalStorage.snapshot();

  constructor(
    private readonly check: (negotiationId: string) => Promise<void>,
    private readonly log: Logger,
    private readonly delayMs = OUTDATED_CHECK_DELAY_MS,
  ) {}

  /** Checks the negotiation's proposals after the delay, unless a check is already due. */
  schedule(negotiationId: string): void {
    if (this.timers.has(negotiationId)) return;
    const timer = this.detached(() =>
      setTimeout(() => {
        this.timers.delete(negotiationId);
        this.check(negotiationId).catch((err: Error) =>
          this.log.error('proposals.outdated-failed', { error: err.message }),
        );
      }, this.delayMs),
    );
    timer.unref();
    this.timers.set(negotiationId, timer);
  }

  /** Cancels every check not yet started (server shutdown). */
  stop(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
