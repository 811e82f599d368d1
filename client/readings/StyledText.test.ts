import { describe, expect, it } from 'vitest';
import { runSlices } from './StyledText.js';

describe('runSlices', () => {
  const runs = [{ text: 'Recalling', em: true as const }, { text: ' the Global Compact,' }];

  it('cuts the runs to a slice of the paragraph', () => {
    expect(runSlices(runs, 0, 13)).toEqual([
      { text: 'Recalling', em: true, strong: false },
      { text: ' the', em: false, strong: false },
    ]);
    expect(runSlices(runs, 5, 9)).toEqual([{ text: 'ling', em: true, strong: false }]);
    expect(runSlices(runs, 9, 9)).toEqual([]);
  });
});
