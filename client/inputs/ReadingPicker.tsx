/**
 * The inputs page's choice of reading: every reading of the negotiation, newest first, so that
 * the guiding questions and inputs of closed readings stay within reach. The choice lives in the
 * address (`?reading=<id>`), so a link shows the same reading and a reload keeps it.
 */
import { useId } from 'react';
import { messages } from '../i18n/messages.js';
import { fetchTimeline } from '../readings/readingsApi.js';
import { useRequest } from '../useRequest.js';

/** Props of `ReadingPicker`. */
export interface ReadingPickerProps {
  negotiationId: string;
  /** The reading shown. */
  readingId: string;
  onChoose(readingId: string): void;
}

/** A labelled choice of reading; nothing while the negotiation has held only one. */
export function ReadingPicker({ negotiationId, readingId, onChoose }: ReadingPickerProps) {
  const m = messages.roadmap.inputs;
  const ids = useId();
  const [timeline] = useRequest((signal) => fetchTimeline(negotiationId, signal), negotiationId);
  if (timeline.status !== 'done' || timeline.value.readings.length < 2) return null;
  const readings = [...timeline.value.readings].reverse();
  return (
    <div className="field reading-picker">
      <label htmlFor={`${ids}-reading`}>{m.readingPicker}</label>
      <select id={`${ids}-reading`} value={readingId} onChange={(e) => onChoose(e.target.value)}>
        {readings.map((r) => (
          <option key={r.id} value={r.id}>
            {m.readingOption(messages.roadmap.reading(r.number), r.closedAt === null)}
          </option>
        ))}
      </select>
    </div>
  );
}
