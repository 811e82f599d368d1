/** The versions a comparison can show: every recorded snapshot and the live text. */
import { formatLocalDateTime } from '../dateTime.js';
import { messages } from '../i18n/messages.js';
import type { Timeline } from './readingsApi.js';
import { LIVE } from './routes.js';

/** A version to pick. */
export interface VersionChoice {
  /** A snapshot id or `live`. */
  id: string;
  label: string;
  /** What the picker shows: "Rev.1 — 4 Apr 2022, 10:00". */
  text: string;
}

/** The recorded snapshots, oldest first, then the live text. */
export function versionChoices(t: Timeline): VersionChoice[] {
  const m = messages.readings;
  return [
    ...t.snapshots.map((s) => ({
      id: s.id,
      label: s.label,
      text: `${s.label}${s.kind === 'reading' ? ` (${m.timeline.stateClosed.toLowerCase()})` : ''} — ${formatLocalDateTime(s.takenAt)}`,
    })),
    { id: LIVE, label: m.compare.live, text: m.compare.live },
  ];
}

/**
 * The two versions to compare: those asked for when they exist, else the latest revision
 * against the live text (what changed since the last circulation). Null when nothing is recorded.
 */
export function resolveVersions(
  t: Timeline,
  asked: { from: string | null; to: string | null },
): { from: string; to: string } | null {
  const known = new Set([LIVE, ...t.snapshots.map((s) => s.id)]);
  const latest = t.snapshots.filter((s) => s.kind === 'revision').at(-1) ?? t.snapshots.at(-1);
  if (!latest) return null;
  const from = asked.from && known.has(asked.from) ? asked.from : latest.id;
  const to = asked.to && known.has(asked.to) ? asked.to : LIVE;
  return { from, to };
}
