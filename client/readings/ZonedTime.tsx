/** An instant in the reader's time, with the negotiation's time beside it. */
import { twoTimes } from './zonedTime.js';

/** Props of `ZonedTime`. */
export interface ZonedTimeProps {
  /** ISO instant. */
  iso: string;
  /** The negotiation's IANA time zone. */
  zone: string;
}

/** "30 Mar 2022, 18:30 (13:30 EDT in New York)". */
export function ZonedTime({ iso, zone }: ZonedTimeProps) {
  const t = twoTimes(iso, zone);
  return (
    <span className="zoned-time">
      <time dateTime={iso}>{t.local}</time>
      {t.zoned && <span className="zone-time"> ({t.zoned})</span>}
    </span>
  );
}
