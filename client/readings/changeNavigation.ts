/**
 * Stepping through changes (of a comparison, or since the last visit): positions in the list of
 * changes, and the keys that step: n and p outside fields, and a chord that works anywhere, in
 * the text being edited too (`navigationStep`).
 */

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

/**
 * The chord that steps through changes from anywhere, the text being edited included: Alt+N and
 * Alt+P, which type nothing on Windows and Linux. On a Mac, Option+N is the dead key of ñ and ã,
 * so there it is Option+Shift+N and Option+Shift+P.
 */
export interface StepChord {
  /** For `aria-keyshortcuts` ("Alt+N", "Alt+Shift+N"). */
  next: string;
  previous: string;
  /** As the keyboard labels them, for the words on screen ("Alt+N", "⌥⇧N"). */
  nextLabel: string;
  previousLabel: string;
  shift: boolean;
}

/** True on a Mac (where Option types characters). */
export function isMac(platform: string | undefined = globalThis.navigator?.platform): boolean {
  return platform !== undefined && /^Mac|iPhone|iPad/.test(platform);
}

/** The chord on this platform. */
export function stepChord(mac: boolean = isMac()): StepChord {
  return mac
    ? { next: 'Alt+Shift+N', previous: 'Alt+Shift+P', nextLabel: '⌥⇧N', previousLabel: '⌥⇧P', shift: true }
    : { next: 'Alt+N', previous: 'Alt+P', nextLabel: 'Alt+N', previousLabel: 'Alt+P', shift: false };
}

/** The physical key (any layout) or the character of a chord's letter. */
function isLetter(event: KeyboardEvent, letter: 'n' | 'p'): boolean {
  return event.code === `Key${letter.toUpperCase()}` || event.key.toLowerCase() === letter;
}

/**
 * Which way a key press steps through changes: 1 (next), -1 (previous) or 0 (not a step). The
 * letters n and p alone step outside fields and the editable text (`isShortcut`); the chord of
 * `stepChord` steps from anywhere but a dialog. AltGr (Ctrl+Alt on Windows) is never a chord.
 */
export function navigationStep(event: KeyboardEvent, mac: boolean = isMac()): 1 | -1 | 0 {
  if (isShortcut(event, 'n')) return 1;
  if (isShortcut(event, 'p')) return -1;
  const chord = stepChord(mac);
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey !== chord.shift) return 0;
  if (event.defaultPrevented) return 0;
  const target = event.target as HTMLElement | null;
  if (target && typeof target.closest === 'function' && target.closest('dialog')) return 0;
  return isLetter(event, 'n') ? 1 : isLetter(event, 'p') ? -1 : 0;
}
