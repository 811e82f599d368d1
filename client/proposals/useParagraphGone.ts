/**
 * A proposal written about a paragraph that the co-facilitators then remove from the text: its
 * editor has nowhere to stand. The view is told once (with the number the paragraph last had),
 * to close the editor and say so, and the focus the editor had goes to that message; the words
 * stay a draft in the browser.
 */
import { type RefObject, useEffect, useRef, useState } from 'react';

/** Options of `useParagraphGone`. */
export interface ParagraphGoneOptions {
  /** The paragraph being written about, or null. */
  pid: string | null;
  /** Its number now ("OP12"); undefined once it is no longer in the text. */
  label: string | undefined;
  /** Closes the editor and shows the message; `label` is the number the paragraph last had. */
  onGone(label: string): void;
  /** The message, focused once it is shown (an empty message is hidden, so not before). */
  message: RefObject<HTMLElement | null>;
}

/** Calls `onGone` once when the paragraph being written about stops existing, then focuses the message. */
export function useParagraphGone({ pid, label, onGone, message }: ParagraphGoneOptions): void {
  const last = useRef<{ pid: string; label: string } | null>(null);
  if (pid && label) last.current = { pid, label };
  const gone = pid !== null && label === undefined;
  const told = useRef(onGone);
  told.current = onGone;
  const [focus, setFocus] = useState(false);
  useEffect(() => {
    if (!gone || !pid) return;
    told.current(last.current?.pid === pid ? last.current.label : pid);
    setFocus(true);
  }, [gone, pid]);
  useEffect(() => {
    if (!focus) return;
    message.current?.focus();
    setFocus(false);
  }, [focus, message]);
}
