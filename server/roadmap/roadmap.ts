/**
 * The roadmap service: co-facilitators keep dated activities and deadlines; everyone reads them,
 * sees what comes next, and may subscribe to them from a calendar application with a secret
 * per-person address. Dates are checked against the negotiation's time zone before anything is
 * stored. Each change runs in its negotiation's serialisation scope and stores its writes and
 * audit entry as one unit of work.
 */
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import {
  nextUp,
  type OtherDeadline,
  ROADMAP_AUDIENCES,
  ROADMAP_FORMATS,
  ROADMAP_KINDS,
  ROADMAP_LIMITS,
  ROADMAP_LINK_TYPES,
  ROADMAP_PRECISIONS,
  type RoadmapEntry,
  type RoadmapEntryData,
  roadmapDateProblem,
  sortRoadmap,
} from '../../shared/roadmap.js';
import { instantOf, isTimeZone, localDateTimeAt } from '../../shared/time.js';
import type { Membership } from '../accounts/accounts.js';
import type { AuditLog } from '../accounts/audit.js';
import { hashToken, newToken } from '../accounts/tokens.js';
import { textField } from '../http/validate.js';
import { authorize } from '../policies/policies.js';
import { readingLabel } from '../readings/labels.js';
import type { RoadmapEntryRecord } from '../storage/records.js';
import type { NegotiationRecord, Storage } from '../storage/storage.js';

const localTime = z.string().trim().min(1).max(32);

/** Body of "add or change a roadmap entry". Dates are checked by the service, with their own codes. */
export const RoadmapEntryBody = z
  .object({
    kind: z.enum(ROADMAP_KINDS),
    title: textField({ max: ROADMAP_LIMITS.title }),
    precision: z.enum(ROADMAP_PRECISIONS),
    slots: z
      .array(
        z
          .object({
            start: localTime,
            end: localTime.nullable().optional(),
            room: textField({ min: 0, max: ROADMAP_LIMITS.room }).nullable().optional(),
          })
          .strict(),
      )
      .max(ROADMAP_LIMITS.slots),
    format: z.enum(ROADMAP_FORMATS).nullable(),
    audience: z.enum(ROADMAP_AUDIENCES),
    tentative: z.boolean().optional(),
    note: textField({ min: 0, max: ROADMAP_LIMITS.note }).optional(),
    link: z
      .object({ type: z.enum(ROADMAP_LINK_TYPES), id: z.string().min(1).max(64) })
      .strict()
      .nullable()
      .optional(),
    /** The zone the times are written in, when not the negotiation's (they are stored in the negotiation's). */
    timeZone: z.string().min(1).max(64).optional(),
  })
  .strict();

/** A parsed `RoadmapEntryBody`. */
export type RoadmapEntryInput = z.infer<typeof RoadmapEntryBody>;

/** The roadmap as served: entries in date order, with the open readings' deadlines. */
export interface RoadmapView {
  timeZone: string;
  /** Each with the name of what it links to ("Zero draft", "First reading"), or null. */
  entries: (RoadmapEntry & { linkLabel: string | null })[];
  readings: OtherDeadline[];
}

/** The public form of a stored entry. */
export function entryView(r: RoadmapEntryRecord): RoadmapEntry {
  return { id: r.id, ...r.data, version: r.version, updatedAt: r.updatedAt };
}

/** The roadmap service. `now` is injectable for the demo and for tests. */
export class Roadmap {
  constructor(
    private readonly storage: Storage,
    private readonly audit: AuditLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The roadmap of a negotiation. */
  async view(negotiationId: string): Promise<RoadmapView> {
    const negotiation = await this.negotiation(negotiationId);
    const records = await this.storage.roadmap.listEntries(negotiationId);
    const allReadings = await this.storage.readings.listReadings(negotiationId);
    const labels = new Map<string, string>([
      ...(await this.storage.readings.listSnapshots(negotiationId)).map((s) => [s.id, s.label] as const),
      ...allReadings.map((r) => [r.id, readingLabel(r.number)] as const),
      ...records.map((e) => [e.id, e.data.title] as const),
    ]);
    const entries = records.map((r) => ({
      ...entryView(r),
      linkLabel: r.data.link ? (labels.get(r.data.link.id) ?? null) : null,
    }));
    const readings = allReadings
      .filter((r) => r.closedAt === null)
      .map((r) => ({ readingId: r.id, readingNumber: r.number, at: r.deadline }));
    return { timeZone: negotiation.timeZone, entries: sortRoadmap(entries, negotiation.timeZone), readings };
  }

  /** The current or next activity and the next deadline. */
  async next(negotiationId: string) {
    const view = await this.view(negotiationId);
    const now = this.now();
    return {
      timeZone: view.timeZone,
      now: now.toISOString(),
      ...nextUp(view.entries, view.readings, view.timeZone, now),
    };
  }

  /** Co-facilitators: adds an entry. */
  async create(m: Membership, body: RoadmapEntryInput): Promise<RoadmapEntry> {
    authorize(m, 'roadmap.change');
    const negotiationId = m.participant.negotiationId;
    return this.serial(negotiationId, async () => {
      const data = await this.checked(negotiationId, body, null);
      const at = this.now().toISOString();
      const record: RoadmapEntryRecord = {
        id: newId(),
        negotiationId,
        data,
        version: 1,
        createdAt: at,
        updatedAt: at,
        updatedBy: m.principal.person.id,
      };
      await this.storage.transaction(async () => {
        await this.storage.roadmap.insertEntry(record);
        await this.audit.write('roadmap.created', negotiationId, m, {
          entryId: record.id,
          title: data.title,
        });
      });
      return entryView(record);
    });
  }

  /** Co-facilitators: replaces an entry. */
  async update(m: Membership, id: string, body: RoadmapEntryInput): Promise<RoadmapEntry> {
    authorize(m, 'roadmap.change');
    const negotiationId = m.participant.negotiationId;
    return this.serial(negotiationId, async () => {
      await this.entry(negotiationId, id);
      const data = await this.checked(negotiationId, body, id);
      const updated = await this.storage.transaction(async () => {
        const entry = await this.storage.roadmap.updateEntry(
          id,
          data,
          this.now().toISOString(),
          m.principal.person.id,
        );
        await this.audit.write('roadmap.updated', negotiationId, m, { entryId: id, version: entry.version });
        return entry;
      });
      return entryView(updated);
    });
  }

  /** Co-facilitators: removes an entry. */
  async remove(m: Membership, id: string): Promise<void> {
    authorize(m, 'roadmap.change');
    const negotiationId = m.participant.negotiationId;
    await this.serial(negotiationId, async () => {
      const entry = await this.entry(negotiationId, id);
      await this.storage.transaction(async () => {
        await this.storage.roadmap.deleteEntry(id);
        await this.audit.write('roadmap.deleted', negotiationId, m, { entryId: id, title: entry.data.title });
      });
    });
  }

  /** A new secret calendar address for the caller; their earlier one stops working. Returns the token. */
  async createFeed(m: Membership): Promise<string> {
    const token = newToken();
    await this.storage.transaction(async () => {
      await this.storage.roadmap.replaceFeed({
        id: newId(),
        tokenHash: hashToken(token),
        negotiationId: m.participant.negotiationId,
        personId: m.principal.person.id,
        createdAt: this.now().toISOString(),
        revokedAt: null,
      });
      await this.audit.write('calendar.feed', m.participant.negotiationId, m, {});
    });
    return token;
  }

  /** The negotiation a calendar token opens, while it is not revoked and its person still takes part. */
  async negotiationOfFeed(token: string): Promise<string> {
    const feed = await this.storage.roadmap.getFeedByHash(hashToken(token));
    const person =
      feed &&
      !feed.revokedAt &&
      (await this.storage.accounts.getParticipant(feed.negotiationId, feed.personId));
    if (!feed || !person) throw new AppError('NOT_FOUND', 'No such calendar.');
    return feed.negotiationId;
  }

  /** Validates and normalises a body: dates in the negotiation's zone, slots in order, links that exist. */
  private async checked(
    negotiationId: string,
    body: RoadmapEntryInput,
    self: string | null,
  ): Promise<RoadmapEntryData> {
    const negotiation = await this.negotiation(negotiationId);
    const zone = negotiation.timeZone;
    const given = body.timeZone ?? zone;
    if (!isTimeZone(given))
      throw new AppError(
        'INVALID_TIME_ZONE',
        `timeZone: ${given} is not an IANA time zone such as Europe/Zurich.`,
      );
    let data: RoadmapEntryData = {
      kind: body.kind,
      title: body.title,
      precision: body.precision,
      slots: body.slots.map((s) => ({ start: s.start, end: s.end ?? null, room: s.room || null })),
      format: body.format,
      audience: body.audience,
      tentative: body.tentative ?? false,
      note: body.note ?? '',
      link: body.link ?? null,
    };
    const problem = roadmapDateProblem(data, given);
    if (problem)
      throw new AppError('INVALID_DATE', problem.message, {
        path: problem.path,
        slot: problem.slot,
        field: problem.field,
        reason: problem.reason,
        value: problem.value,
        timeZone: given,
      });
    if (given !== zone && data.precision === 'time') {
      const convert = (local: string) => localDateTimeAt(instantOf(local, given), zone);
      data = {
        ...data,
        slots: data.slots.map((s) => ({ ...s, start: convert(s.start), end: s.end && convert(s.end) })),
      };
    }
    data.slots.sort((a, b) => a.start.localeCompare(b.start));
    if (data.link) await this.checkLink(negotiationId, data.link, self);
    return data;
  }

  private async checkLink(
    negotiationId: string,
    link: NonNullable<RoadmapEntryData['link']>,
    self: string | null,
  ) {
    let found = false;
    if (link.type === 'revision') {
      const s = await this.storage.readings.getSnapshot(link.id);
      found = s?.negotiationId === negotiationId && s.kind === 'revision';
    } else if (link.type === 'reading') {
      found = (await this.storage.readings.getReading(link.id))?.negotiationId === negotiationId;
    } else {
      const e = await this.storage.roadmap.getEntry(link.id);
      found = e?.negotiationId === negotiationId && e.data.kind === 'deadline' && e.id !== self;
    }
    if (!found)
      throw new AppError('ROADMAP_LINK_NOT_FOUND', `link: no ${link.type} ${link.id} in this negotiation.`);
  }

  /** Runs a change of one negotiation's roadmap one at a time with its other commands. */
  private serial<T>(negotiationId: string, fn: () => Promise<T>): Promise<T> {
    return this.storage.serialize(negotiationId, fn);
  }

  private async entry(negotiationId: string, id: string): Promise<RoadmapEntryRecord> {
    const e = await this.storage.roadmap.getEntry(id);
    if (!e || e.negotiationId !== negotiationId)
      throw new AppError('ROADMAP_ENTRY_NOT_FOUND', 'No such roadmap entry in this negotiation.');
    return e;
  }

  private async negotiation(id: string): Promise<NegotiationRecord> {
    const n = await this.storage.getNegotiation(id);
    if (!n) throw new AppError('NOT_FOUND', 'No such negotiation.');
    return n;
  }
}
