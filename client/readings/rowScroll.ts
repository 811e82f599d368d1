/**
 * Scrolling to a row of the comparison. Rows off screen are not laid out (content-visibility,
 * compare.css) and count at an estimated height until first shown, so a scroll computed from
 * those heights lands short of or past its row. The rows between the one in view and the target
 * are therefore laid out for one frame first, which leaves each with its real height, and the
 * scroll follows in the next frame.
 */

/** The class that lays a row out whether it is on screen or not (compare.css). */
export const LAID_OUT_CLASS = 'cmp-laid-out';

/**
 * Scrolls the row `target` (a key of `rows`, which maps row indexes to their elements) to the
 * middle of the window, after laying out the rows from the one in view to it. Returns a
 * function that cancels the scroll if it has not started.
 */
export function scrollToRow(
  rows: ReadonlyMap<number, HTMLElement>,
  target: number,
  behavior: ScrollBehavior,
): () => void {
  const row = rows.get(target);
  if (!row) return () => {};
  const from = rowInView(rows) ?? target;
  const [low, high] = from < target ? [from, target] : [target, from];
  const between = [...rows].filter(([i]) => i >= low && i <= high).map(([, el]) => el);
  for (const el of between) el.classList.add(LAID_OUT_CLASS);
  const release = () => {
    for (const el of between) el.classList.remove(LAID_OUT_CLASS);
  };
  // This frame lays them out and remembers their heights; the next one scrolls.
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => {
      release();
      row.scrollIntoView({ block: 'center', behavior });
    });
  });
  return () => {
    cancelAnimationFrame(frame);
    release();
  };
}

/** The first row (lowest index) on screen, if any. */
function rowInView(rows: ReadonlyMap<number, HTMLElement>): number | undefined {
  let first: number | undefined;
  for (const [i, el] of rows) {
    const box = el.getBoundingClientRect();
    if (box.bottom > 0 && box.top < window.innerHeight && (first === undefined || i < first)) first = i;
  }
  return first;
}
