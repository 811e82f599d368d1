/**
 * A deadline typed as a date and a time on the negotiation's clocks (e.g. New York), with what
 * it means in the reader's own time shown as they type.
 */
import { useId } from 'react';
import { formatLocalDateTime } from '../dateTime.js';
import { messages } from '../i18n/messages.js';
import { zoneCity } from '../roadmap/zonedTime.js';
import { deadlineInstant, formatInZone, type LocalDeadline } from './zonedTime.js';

/** Props of `DeadlineFields`. */
export interface DeadlineFieldsProps {
  /** The negotiation's IANA time zone. */
  zone: string;
  value: LocalDeadline;
  onChange(value: LocalDeadline): void;
  /** True once the person tried to submit: problems are shown from then on. */
  showProblem: boolean;
}

/** Date and time inputs in a fieldset, with the deadline spelt out below. */
export function DeadlineFields({ zone, value, onChange, showProblem }: DeadlineFieldsProps) {
  const m = messages.readings.deadlineField;
  const id = useId();
  const result = deadlineInstant(value, zone);
  const invalid = showProblem && !result.ok;
  return (
    <fieldset className="deadline-fields">
      <legend>{m.legend(zoneCity(zone), zone)}</legend>
      <div className="deadline-inputs">
        <div className="field">
          <label htmlFor={`${id}-date`}>{m.date}</label>
          <input
            id={`${id}-date`}
            type="date"
            required
            value={value.date}
            aria-invalid={invalid || undefined}
            aria-describedby={`${id}-said`}
            onChange={(e) => onChange({ ...value, date: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-time`}>{m.time}</label>
          <input
            id={`${id}-time`}
            type="time"
            step={60}
            required
            value={value.time}
            aria-invalid={invalid || undefined}
            aria-describedby={`${id}-said`}
            onChange={(e) => onChange({ ...value, time: e.target.value })}
          />
        </div>
      </div>
      <p id={`${id}-said`} className={invalid ? 'field-error' : 'hint'} aria-live="polite">
        {result.ok
          ? m.preview(formatInZone(result.instant, zone), formatLocalDateTime(result.instant))
          : showProblem
            ? m[result.problem]
            : ''}
      </p>
    </fieldset>
  );
}
