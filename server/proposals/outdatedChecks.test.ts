/**
 * The outdated check runs after the negotiation's commands, not beside them, even when the change
 * it follows was made by a command, from inside the command's serialisation scope.
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { openSqliteStorage } from '../storage/sqlite.js';
import { OutdatedChecks } from './outdatedChecks.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('outdated checks', () => {
  it('wait for the command that holds the negotiation when they start, though scheduled from inside one', async () => {
    const storage = openSqliteStorage(':memory:');
    const order: string[] = [];
    const checks = new OutdatedChecks(
      (negotiationId) =>
        storage.serialize(negotiationId, async () => void order.push(`check ${negotiationId}`)),
      createLogger('silent'),
      10,
    );
    // A command changes the text (say, applies a proposal): the room reports it from inside the scope.
    await storage.serialize('n1', async () => checks.schedule('n1'));
    // The next command of the negotiation holds it while the check comes due.
    await storage.serialize('n1', async () => {
      order.push('command start');
      await sleep(60);
      order.push('command end');
    });
    await sleep(30);
    expect(order).toEqual(['command start', 'command end', 'check n1']);
    checks.stop();
    await storage.close();
  });

  it('runs one check for the changes within the delay, and none once stopped', async () => {
    const runs: string[] = [];
    const checks = new OutdatedChecks(async (n) => void runs.push(n), createLogger('silent'), 10);
    checks.schedule('n1');
    checks.schedule('n1');
    checks.schedule('n2');
    await sleep(40);
    expect(runs.sort()).toEqual(['n1', 'n2']);
    checks.schedule('n1');
    checks.stop();
    await sleep(40);
    expect(runs).toHaveLength(2);
  });
});
