import { describe, expect, it } from 'vitest';
import { stepChange } from './changeNavigation.js';

describe('stepChange', () => {
  it('starts at the first change going forward and at the last going back', () => {
    expect(stepChange(12, null, 1)).toBe(0);
    expect(stepChange(12, null, -1)).toBe(11);
  });

  it('moves one change at a time and stops at both ends', () => {
    expect(stepChange(12, 2, 1)).toBe(3);
    expect(stepChange(12, 2, -1)).toBe(1);
    expect(stepChange(12, 11, 1)).toBeNull();
    expect(stepChange(12, 0, -1)).toBeNull();
  });

  it('has nowhere to go without changes', () => {
    expect(stepChange(0, null, 1)).toBeNull();
  });
});
