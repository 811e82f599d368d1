/**
 * A proposal written about a paragraph that the co-facilitators then remove from the text: its
 * editor has nowhere to stand. The view is told once (with the number the paragraph last had),
 * to close the editor and say so; the words stay a draft in the browser.
 */
import { useEffect, useRef } from 'react';

/**
 * Calls `onGone(label)` once when the paragraph `pid` being written about stops existing;
 * `label` is the number it last had ("OP12"). Nothing when `pid` is null.
 */
export function useParagraphGone(
  pid: string | null,
  label: string | undefined,
  onGone: (label: string) => void,
): void {
  const last = useRef<{ pid: string; label: string } | null>(null);
  if (pid && label) last.current = { pid, label };
  const gone = pid !== null && label === undefined;
  const told = useRef(onGone);
  told.current = onGone;
  useEffect(() => {
    if (!gone || !pid) return;
    told.current(last.current?.pid === pid ? last.current.label : pid);
  }, [gone, pid]);
}
