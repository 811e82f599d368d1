import { describe, expect, it } from 'vitest';
import { longestIncreasingSubsequence } from './align.js';

/** Length of the longest strictly increasing subsequence, by dynamic programming (O(n²)). */
function lisLength(values: readonly number[]): number {
  const best = values.map(() => 1);
  values.forEach((v, i) => {
    for (let j = 0; j < i; j++) if (values[j]! < v) best[i] = Math.max(best[i]!, best[j]! + 1);
  });
  return Math.max(0, ...best);
}

describe('longestIncreasingSubsequence', () => {
  it('finds the positions of a longest increasing run', () => {
    expect(longestIncreasingSubsequence([])).toEqual([]);
    expect(longestIncreasingSubsequence([0, 1, 2])).toEqual([0, 1, 2]);
    expect(longestIncreasingSubsequence([0, 2, 3, 1])).toEqual([0, 1, 2]);
    expect(longestIncreasingSubsequence([3, 2, 1]).length).toBe(1);
  });

  it('agrees with the quadratic definition on random sequences', () => {
    let seed = 1;
    const random = (k: number) => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed % k;
    };
    for (let t = 0; t < 200; t++) {
      const values = Array.from({ length: random(20) }, () => random(15));
      const lis = longestIncreasingSubsequence(values);
      expect(lis.length).toBe(lisLength(values));
      for (let i = 1; i < lis.length; i++) {
        expect(lis[i]!).toBeGreaterThan(lis[i - 1]!);
        expect(values[lis[i]!]!).toBeGreaterThan(values[lis[i - 1]!]!);
      }
    }
  });
});
