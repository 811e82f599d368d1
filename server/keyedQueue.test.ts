import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './keyedQueue.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('KeyedQueue', () => {
  it('runs the tasks of one key one at a time, in order, past failures', async () => {
    const q = new KeyedQueue();
    const log: string[] = [];
    let running = 0;
    const task =
      (name: string, fail = false) =>
      async () => {
        running++;
        expect(running).toBe(1);
        log.push(`start ${name}`);
        await tick();
        log.push(`end ${name}`);
        running--;
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      q.run('a', task('1')),
      q.run('a', task('2', true)),
      q.run('a', task('3')),
    ]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    await tick();
    expect(q.size).toBe(0);
  });

  it('runs tasks of different keys side by side', async () => {
    const q = new KeyedQueue();
    let release!: () => void;
    const held = q.run('a', () => new Promise<void>((r) => (release = r)));
    expect(await q.run('b', async () => 'b')).toBe('b');
    release();
    await held;
  });
});
