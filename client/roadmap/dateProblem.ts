/**
 * The entry form's reading of an `INVALID_DATE` refusal: the server names the slot, the field and
 * a reason code in the error's details; this words them in the reader's language and says which
 * input of the form to mark.
 */
import { ROADMAP_DATE_REASONS, type RoadmapDateReason } from '../../shared/roadmap.js';
import { messages } from '../i18n/messages.js';

/** A date problem as the form shows it. */
export interface FormDateProblem {
  /** "End of date 2: The end must come after the start." */
  text: string;
  /** 0-based index of the sitting, or null for the dates as a whole. */
  sitting: number | null;
  field: 'start' | 'end' | null;
  reason: RoadmapDateReason;
}

const isReason = (value: unknown): value is RoadmapDateReason =>
  (ROADMAP_DATE_REASONS as readonly unknown[]).includes(value);

/** The problem stated by the details of an `INVALID_DATE` error, or null when they state none. */
export function formDateProblem(
  details: Readonly<Record<string, unknown>> | undefined,
): FormDateProblem | null {
  if (!details || !isReason(details.reason)) return null;
  const slot = typeof details.slot === 'number' && details.slot >= 1 ? details.slot : null;
  const field = details.field === 'start' || details.field === 'end' ? details.field : null;
  const value = typeof details.value === 'string' ? details.value : '';
  const zone = typeof details.timeZone === 'string' ? details.timeZone : '';
  const f = messages.roadmap.form;
  return {
    text: `${f.dateField(slot, field)}: ${f.dateReasons[details.reason](value, zone)}`,
    sitting: slot === null ? null : slot - 1,
    field: slot === null ? null : field,
    reason: details.reason,
  };
}
