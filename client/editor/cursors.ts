/**
 * How other people's cursors look: the DOM y-prosemirror's default cursor builder makes
 * (`span.ProseMirror-yjs-cursor` with a name label `div` inside), hidden from screen readers
 * so that names are not read out as part of the text. The presence list names people instead.
 */

/** The part of an awareness `user` the cursor needs. */
interface CursorUser {
  name?: unknown;
  color?: unknown;
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const FALLBACK_COLOR = '#37474f';

/** Builds the caret and name label of a remote cursor. */
export function buildCursor(user: CursorUser): HTMLElement {
  const color = typeof user.color === 'string' && HEX_COLOR.test(user.color) ? user.color : FALLBACK_COLOR;
  const name = typeof user.name === 'string' ? user.name : '';
  const cursor = document.createElement('span');
  cursor.classList.add('ProseMirror-yjs-cursor');
  cursor.setAttribute('aria-hidden', 'true');
  cursor.style.borderColor = color;
  const label = document.createElement('div');
  label.style.backgroundColor = color;
  label.textContent = name;
  // Word joiners keep the caret from breaking the line around it, as in y-prosemirror.
  cursor.append('\u2060', label, '\u2060');
  return cursor;
}
