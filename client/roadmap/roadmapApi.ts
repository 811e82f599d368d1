/** The roadmap's calls (PROTOCOL.md, "Roadmap"): the roadmap, what comes next, changes, calendars. */
import * as z from 'zod/mini';
import {
  ROADMAP_AUDIENCES,
  ROADMAP_FORMATS,
  ROADMAP_KINDS,
  ROADMAP_LINK_TYPES,
  ROADMAP_PRECISIONS,
  type RoadmapEntryData,
} from '../../shared/roadmap.js';
import { getJson, getJsonIfChanged, negotiationApiPath, sendJson } from '../api.js';

const SpanSchema = z.object({ start: z.string(), end: z.string() });

const EntrySchema = z.object({
  id: z.string(),
  kind: z.enum(ROADMAP_KINDS),
  title: z.string(),
  precision: z.enum(ROADMAP_PRECISIONS),
  slots: z.array(z.object({ start: z.string(), end: z.nullable(z.string()), room: z.nullable(z.string()) })),
  format: z.nullable(z.enum(ROADMAP_FORMATS)),
  audience: z.enum(ROADMAP_AUDIENCES),
  tentative: z.boolean(),
  note: z.string(),
  link: z.nullable(z.object({ type: z.enum(ROADMAP_LINK_TYPES), id: z.string() })),
  version: z.number(),
  updatedAt: z.string(),
  linkLabel: z.optional(z.nullable(z.string())),
  /** The instants each slot spans, computed by the server in the negotiation's zone. */
  spans: z.optional(z.array(SpanSchema)),
});

/** A roadmap entry as served. */
export type RoadmapItem = z.infer<typeof EntrySchema>;

const ReadingDeadlineSchema = z.object({ readingId: z.string(), readingNumber: z.number(), at: z.string() });

const RoadmapSchema = z.object({
  timeZone: z.string(),
  entries: z.array(EntrySchema),
  /** Deadlines of open readings, which the roadmap shows beside its own entries. */
  readings: z.array(ReadingDeadlineSchema),
});

/** A negotiation's roadmap. */
export type RoadmapData = z.infer<typeof RoadmapSchema>;

const NextSchema = z.object({
  timeZone: z.string(),
  now: z.string(),
  activity: z.nullable(
    z.object({ entry: EntrySchema, slot: z.number(), span: SpanSchema, ongoing: z.boolean() }),
  ),
  deadline: z.nullable(
    z.union([
      z.object({ source: z.literal('roadmap'), entry: EntrySchema, at: z.string() }),
      z.object({ source: z.literal('reading'), reading: ReadingDeadlineSchema, at: z.string() }),
    ]),
  ),
});

/** The current or next activity and the next deadline. */
export type NextData = z.infer<typeof NextSchema>;

const SavedSchema = z.object({ entry: EntrySchema });
const FeedSchema = z.object({ url: z.string(), webcalUrl: z.string() });

/** What the entry form sends: an entry, with the zone its times are written in. */
export type EntryInput = RoadmapEntryData & { timeZone?: string };

/** The entity tag of the roadmap last fetched, by negotiation: what `roadmapChanged` asks about. */
const shownTags = new Map<string, string | null>();

/** The roadmap of a negotiation. */
export async function fetchRoadmap(negotiationId: string, signal?: AbortSignal): Promise<RoadmapData> {
  const answer = await getJsonIfChanged(
    negotiationApiPath(negotiationId, 'roadmap'),
    RoadmapSchema,
    null,
    signal,
  );
  if (answer === 'unchanged') throw new Error('unreachable: an unconditional GET is never answered 304');
  shownTags.set(negotiationId, answer.etag);
  return answer.value;
}

/**
 * True when the roadmap differs from the one `fetchRoadmap` last returned: a conditional GET
 * (`If-None-Match`) that the server answers 304, without a body, while nothing changed.
 */
export async function roadmapChanged(negotiationId: string, signal?: AbortSignal): Promise<boolean> {
  const etag = shownTags.get(negotiationId) ?? null;
  if (etag === null) return true;
  const answer = await getJsonIfChanged(
    negotiationApiPath(negotiationId, 'roadmap'),
    RoadmapSchema,
    etag,
    signal,
  );
  return answer !== 'unchanged';
}

/** What comes next. */
export function fetchNext(negotiationId: string, signal?: AbortSignal): Promise<NextData> {
  return getJson(negotiationApiPath(negotiationId, 'roadmap', 'next'), NextSchema, signal);
}

/** Co-facilitators: adds an entry, or replaces entry `id`. */
export async function saveEntry(negotiationId: string, input: EntryInput, id?: string): Promise<RoadmapItem> {
  const path = id
    ? negotiationApiPath(negotiationId, 'roadmap', id)
    : negotiationApiPath(negotiationId, 'roadmap');
  return (await sendJson(id ? 'PUT' : 'POST', path, input, SavedSchema)).entry;
}

/** Co-facilitators: deletes an entry. */
export async function deleteEntry(negotiationId: string, id: string): Promise<void> {
  await sendJson('DELETE', negotiationApiPath(negotiationId, 'roadmap', id));
}

/** A new private subscription address for the caller (the previous one stops working). */
export function createFeed(negotiationId: string): Promise<{ url: string; webcalUrl: string }> {
  return sendJson('POST', negotiationApiPath(negotiationId, 'roadmap', 'feed'), {}, FeedSchema);
}

/** Where the roadmap downloads as an .ics file. */
export function icsPath(negotiationId: string): string {
  return `${negotiationApiPath(negotiationId)}/roadmap.ics`;
}

const TimelineSchema = z.object({
  snapshots: z.array(z.object({ id: z.string(), kind: z.string(), label: z.string() })),
  readings: z.array(z.object({ id: z.string(), label: z.string() })),
});

/** What an entry may concern: circulated revisions and readings. */
export interface LinkTargets {
  revisions: { id: string; label: string }[];
  readings: { id: string; label: string }[];
}

/** The revisions and readings of a negotiation, for the entry form's "concerns" choice. */
export async function fetchLinkTargets(negotiationId: string, signal?: AbortSignal): Promise<LinkTargets> {
  const t = await getJson(negotiationApiPath(negotiationId, 'timeline'), TimelineSchema, signal);
  return {
    revisions: t.snapshots.filter((s) => s.kind === 'revision').map(({ id, label }) => ({ id, label })),
    readings: t.readings.map(({ id, label }) => ({ id, label })),
  };
}
