/**
 * The entry form's state and its conversion to and from what the server takes: dates and times
 * are kept apart in the form (`<input type="date">`, `<input type="time">`) and joined here.
 */
import type {
  RoadmapAudience,
  RoadmapFormat,
  RoadmapKind,
  RoadmapLinkType,
  RoadmapPrecision,
} from '../../shared/roadmap.js';
import type { EntryInput, RoadmapItem } from './roadmapApi.js';

/** One sitting as typed: a date, and times when the precision is `time`. */
export interface SittingDraft {
  date: string;
  start: string;
  end: string;
  room: string;
}

/** Everything the form holds. */
export interface EntryDraft {
  kind: RoadmapKind;
  title: string;
  precision: RoadmapPrecision;
  sittings: SittingDraft[];
  /** '' for "not applicable". */
  format: RoadmapFormat | '';
  audience: RoadmapAudience;
  tentative: boolean;
  note: string;
  /** `type:id`, or '' for none. */
  link: string;
  timeZone: string;
}

/** An empty sitting. */
export const EMPTY_SITTING: SittingDraft = { date: '', start: '', end: '', room: '' };

/** The form's state for a new entry, or for editing `entry`. */
export function draftOf(entry: RoadmapItem | null, timeZone: string): EntryDraft {
  if (!entry) {
    return {
      kind: 'activity',
      title: '',
      precision: 'time',
      sittings: [{ ...EMPTY_SITTING }],
      format: 'virtual',
      audience: 'member-states',
      tentative: false,
      note: '',
      link: '',
      timeZone,
    };
  }
  return {
    kind: entry.kind,
    title: entry.title,
    precision: entry.precision,
    sittings: entry.slots.map((s) => ({
      date: s.start.slice(0, 10),
      start: s.start.slice(11, 16),
      end: s.end?.slice(11, 16) ?? '',
      room: s.room ?? '',
    })),
    format: entry.format ?? '',
    audience: entry.audience,
    tentative: entry.tentative,
    note: entry.note,
    link: entry.link ? `${entry.link.type}:${entry.link.id}` : '',
    timeZone,
  };
}

/** What to send for a draft; the server checks the dates and answers with a code when they are wrong. */
export function inputOf(draft: EntryDraft, negotiationZone: string): EntryInput {
  const timed = draft.precision === 'time';
  const [type, ...rest] = draft.link.split(':');
  return {
    kind: draft.kind,
    title: draft.title.trim(),
    precision: draft.precision,
    slots:
      draft.precision === 'tbd'
        ? []
        : draft.sittings.map((s) => ({
            start: timed ? `${s.date}T${s.start}` : s.date,
            end: timed && draft.kind === 'activity' ? `${s.date}T${s.end}` : null,
            room: s.room.trim() || null,
          })),
    format: draft.format === '' ? null : draft.format,
    audience: draft.audience,
    tentative: draft.tentative,
    note: draft.note.trim(),
    link: draft.link ? { type: type as RoadmapLinkType, id: rest.join(':') } : null,
    ...(draft.timeZone.trim() && draft.timeZone.trim() !== negotiationZone
      ? { timeZone: draft.timeZone.trim() }
      : {}),
  };
}
