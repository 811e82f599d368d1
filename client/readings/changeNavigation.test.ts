import { describe, expect, it } from 'vitest';
import { navigationStep, stepChange, stepChord } from './changeNavigation.js';

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

/** A key press as the window sees it, with its target (an element that knows where it sits). */
function press(
  key: string,
  mods: { alt?: boolean; shift?: boolean; ctrl?: boolean; meta?: boolean; code?: string } = {},
  inside: string | null = null,
): KeyboardEvent {
  const target = { closest: (selector: string) => (inside && selector.includes(inside) ? {} : null) };
  return {
    key,
    code: mods.code ?? `Key${key.toUpperCase()}`,
    altKey: mods.alt ?? false,
    shiftKey: mods.shift ?? false,
    ctrlKey: mods.ctrl ?? false,
    metaKey: mods.meta ?? false,
    defaultPrevented: false,
    target,
  } as unknown as KeyboardEvent;
}

describe('navigationStep', () => {
  it('steps with n and p outside the text, not while typing in it', () => {
    expect(navigationStep(press('n'), false)).toBe(1);
    expect(navigationStep(press('p'), false)).toBe(-1);
    expect(navigationStep(press('n', {}, '[contenteditable="true"]'), false)).toBe(0);
    expect(navigationStep(press('p', {}, 'textarea'), false)).toBe(0);
  });

  it('steps with Alt+N and Alt+P from anywhere, the editable text included, but not from a dialog', () => {
    expect(navigationStep(press('n', { alt: true }, '[contenteditable="true"]'), false)).toBe(1);
    expect(navigationStep(press('p', { alt: true }, 'input'), false)).toBe(-1);
    expect(navigationStep(press('n', { alt: true }, 'dialog'), false)).toBe(0);
    // Another layout: the physical key counts (Cyrillic "т" is on N).
    expect(navigationStep(press('т', { alt: true, code: 'KeyN' }), false)).toBe(1);
  });

  it('never takes AltGr (Ctrl+Alt), Ctrl, Cmd or other letters', () => {
    expect(navigationStep(press('n', { alt: true, ctrl: true }), false)).toBe(0);
    expect(navigationStep(press('n', { meta: true }), false)).toBe(0);
    expect(navigationStep(press('m', { alt: true }), false)).toBe(0);
    expect(navigationStep(press('n', { alt: true, shift: true }), false)).toBe(0);
  });

  it('leaves Option+N (the dead key of ñ) to typing on a Mac, where the chord takes Shift', () => {
    expect(navigationStep(press('Dead', { alt: true, code: 'KeyN' }), true)).toBe(0);
    expect(navigationStep(press('˜', { alt: true, shift: true, code: 'KeyN' }), true)).toBe(1);
    expect(navigationStep(press('∏', { alt: true, shift: true, code: 'KeyP' }), true)).toBe(-1);
    expect(stepChord(true).nextLabel).toBe('⌥⇧N');
    expect(stepChord(false).next).toBe('Alt+N');
  });
});
