/** Stepping through the changes of a comparison: positions in the list of changed rows. */

/**
 * The position to go to from `current` (null before the first step) in direction `step`, among
 * `count` changes; null when there is nowhere to go. It stops at both ends rather than wrapping,
 * so that "Change 12 of 12" is never followed by "Change 1 of 12" by surprise.
 */
export function stepChange(count: number, current: number | null, step: 1 | -1): number | null {
  if (count === 0) return null;
  if (current === null) return step === 1 ? 0 : count - 1;
  const next = current + step;
  return next < 0 || next >= count ? null : next;
}

/** True when a key press is a navigation shortcut to act on (not typed into a field, no modifier). */
export function isShortcut(event: KeyboardEvent, key: 'n' | 'p'): boolean {
  if (event.key !== key || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented)
    return false;
  const target = event.target as HTMLElement | null;
  if (!target || typeof target.closest !== 'function') return true;
  return target.closest('input, select, textarea, [contenteditable="true"], dialog') === null;
}
