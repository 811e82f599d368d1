/** The time left until a deadline, counting down live (a timer: not announced every second). */
import { countdown } from '../../shared/time.js';
import { messages } from '../i18n/messages.js';
import { useNow } from '../roadmap/useNow.js';

/** Props of `TimeLeft`. */
export interface TimeLeftProps {
  /** ISO instant of the deadline. */
  deadline: string;
}

/** "3 days 4 h 12 min left", or that the deadline has passed. */
export function TimeLeft({ deadline }: TimeLeftProps) {
  const m = messages.readings.timeLeft;
  const left = countdown(useNow(1000), Date.parse(deadline));
  return (
    <span role="timer" className={`time-left${left.past ? ' past' : ''}`} data-testid="time-left">
      {left.past ? m.passed : m.left(left)}
    </span>
  );
}
