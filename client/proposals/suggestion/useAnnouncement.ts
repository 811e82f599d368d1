/**
 * A message for a polite live region, given only once the input has paused: a screen reader
 * hears what the proposal now does after the delegate stops typing, not at every key.
 */
import { useEffect, useRef, useState } from 'react';

/** How long typing must pause before the message is announced. */
export const ANNOUNCE_PAUSE_MS = 800;

/**
 * `message` once it has stayed the same for `pause` ms; empty until the first change, so that
 * opening the editor announces nothing.
 */
export function useAnnouncement(message: string, pause = ANNOUNCE_PAUSE_MS): string {
  const [said, setSaid] = useState('');
  const first = useRef(message);
  useEffect(() => {
    if (message === first.current && said === '') return;
    const timer = setTimeout(() => setSaid(message), pause);
    return () => clearTimeout(timer);
  }, [message, pause, said]);
  return said;
}
