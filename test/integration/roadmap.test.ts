/** The roadmap through the real server: the seeded 2022 roadmap, changes by co-facilitators, refusals, calendars. */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import type { RoadmapEntry, Span } from '../../shared/roadmap.js';
import { api } from '../support/auth.js';
import { startTestServer, type TestServer } from '../support/server.js';

let ts: TestServer;
const c: Record<string, string> = {};
const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;

type View = {
  timeZone: string;
  entries: (RoadmapEntry & { spans: Span[] })[];
  readings: { readingId: string; readingNumber: number; at: string }[];
};
type Failure = { error: { code: string; message: string; details?: Record<string, unknown> } };

beforeAll(async () => {
  ts = await startTestServer();
  for (const id of ['demo-cofac-bgd', 'demo-eu', 'demo-observer']) c[id] = await ts.signIn(id);
});
afterAll(async () => {
  await ts.stop();
});

const roadmap = async (who = 'demo-observer') =>
  (await api<View>(ts.url, 'GET', `${base}/roadmap`, { cookie: c[who] })).body;
const send = (method: string, path: string, body: unknown, who = 'demo-cofac-bgd') =>
  api<{ entry: RoadmapEntry } & Failure>(ts.url, method, `${base}${path}`, { cookie: c[who], body });

const briefing = {
  kind: 'activity',
  title: 'Briefing for Geneva-based delegates (extra)',
  precision: 'time',
  slots: [{ start: '2022-04-11T10:00', end: '2022-04-11T12:00' }],
  format: 'virtual',
  audience: 'geneva-delegates',
};

describe('the demo roadmap', () => {
  it('holds the 2022 roadmap in date order, in New York time, EST before 13 March and EDT after', async () => {
    const view = await roadmap();
    expect(view.timeZone).toBe('America/New_York');
    expect(view.entries).toHaveLength(16);
    expect(view.entries[0]!.title).toMatch(/roadmap and priorities/);
    expect(view.entries.at(-1)!.title).toMatch(/final version/);
    expect(view.entries[0]!.spans[0]).toEqual({ start: '2022-03-03T15:00:00Z', end: '2022-03-03T18:00:00Z' });
    const consultations = view.entries.find((e) => e.title.startsWith('First round'))!;
    expect(consultations.spans[0]!.start).toBe('2022-03-22T14:00:00Z');
    const reading = view.entries.find((e) => e.title.includes('first reading'))!;
    expect(reading.slots).toHaveLength(4);
    expect(reading).toMatchObject({ tentative: true, link: { type: 'reading' } });
    const starts = view.entries.map((e) => e.spans[0]?.start ?? '');
    expect([...starts].sort()).toEqual(starts);
    expect(view.readings).toHaveLength(1);
    expect(view.readings[0]!.readingNumber).toBe(2);
  });

  it('gives the open reading’s deadline as the next deadline, the 2022 activities being past', async () => {
    const next = await api<{ activity: unknown; deadline: { source: string; at: string } }>(
      ts.url,
      'GET',
      `${base}/roadmap/next`,
      { cookie: c['demo-eu'] },
    );
    expect(next.status).toBe(200);
    expect(next.body.activity).toBeNull();
    expect(next.body.deadline).toMatchObject({ source: 'reading' });
    expect(Date.parse(next.body.deadline.at)).toBeGreaterThan(Date.now());
  });
});

describe('changes by the co-facilitators', () => {
  it('are seen by open pages: the roadmap carries an entity tag, answered 304 until it changes', async () => {
    const get = (etag?: string) =>
      fetch(`${ts.url}${base}/roadmap`, {
        // As browsers send it: every conditional fetch carries Cache-Control: no-cache.
        headers: {
          cookie: c['demo-eu']!,
          ...(etag ? { 'if-none-match': etag, 'cache-control': 'no-cache' } : {}),
        },
      });
    const first = await get();
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect(first.headers.get('cache-control')).toMatch(/no-cache/);
    const same = await get(etag);
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    const created = await send('POST', '/roadmap', briefing);
    const after = await get(etag);
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(((await after.json()) as View).entries.map((e) => e.id)).toContain(created.body.entry.id);
    await send('DELETE', `/roadmap/${created.body.entry.id}`, undefined);
    expect((await get(after.headers.get('etag')!)).status).toBe(200);
  });

  it('adds, changes and removes an entry; the version counts changes', async () => {
    const created = await send('POST', '/roadmap', briefing);
    expect(created.status).toBe(201);
    const id = created.body.entry.id;
    expect(created.body.entry).toMatchObject({ version: 1, tentative: false, note: '', link: null });
    const changed = await send('PUT', `/roadmap/${id}`, {
      ...briefing,
      note: 'May be cancelled.',
      tentative: true,
    });
    expect(changed.body.entry).toMatchObject({ version: 2, note: 'May be cancelled.', tentative: true });
    expect((await roadmap()).entries.find((e) => e.id === id)?.spans[0]?.start).toBe('2022-04-11T14:00:00Z');
    expect((await send('DELETE', `/roadmap/${id}`, undefined)).status).toBe(200);
    expect((await send('DELETE', `/roadmap/${id}`, undefined)).body.error.code).toBe(
      'ROADMAP_ENTRY_NOT_FOUND',
    );
  });

  it('converts times written in another zone into the negotiation’s', async () => {
    const created = await send('POST', '/roadmap', {
      ...briefing,
      slots: [{ start: '2022-04-11T16:00', end: '2022-04-11T18:00' }],
      timeZone: 'Europe/Zurich',
    });
    expect(created.status).toBe(201);
    expect(created.body.entry.slots[0]).toEqual({
      start: '2022-04-11T10:00',
      end: '2022-04-11T12:00',
      room: null,
    });
    await send('DELETE', `/roadmap/${created.body.entry.id}`, undefined);
  });

  it('refuses delegates and observers', async () => {
    for (const who of ['demo-eu', 'demo-observer']) {
      const r = await send('POST', '/roadmap', briefing, who);
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('NOT_FACILITATOR');
    }
  });

  it('refuses malformed dates, zones, links and fields with stable codes, storing nothing', async () => {
    const before = (await roadmap()).entries.length;
    const cases: [unknown, string, RegExp][] = [
      [
        { ...briefing, slots: [{ start: '2022-02-30T10:00', end: '2022-02-30T11:00' }] },
        'INVALID_DATE',
        /^Start of date 1: There is no such day as 2022-02-30\.$/,
      ],
      [
        { ...briefing, slots: [{ start: '2022-04-11 10:00', end: '2022-04-11T11:00' }] },
        'INVALID_DATE',
        /^Start of date 1: .*Write dates as YYYY-MM-DD and times as HH:mm\.$/,
      ],
      [
        { ...briefing, slots: [{ start: '2022-03-13T02:30', end: '2022-03-13T04:00' }] },
        'INVALID_DATE',
        /clocks go forward/,
      ],
      [
        { ...briefing, slots: [{ start: '2022-04-11T12:00', end: '2022-04-11T10:00' }] },
        'INVALID_DATE',
        /^End of date 1: The end must come after the start\.$/,
      ],
      [{ ...briefing, precision: 'day', slots: [{ start: '2022-04-31' }] }, 'INVALID_DATE', /no such day/],
      [{ ...briefing, timeZone: 'Mars/Olympus_Mons' }, 'INVALID_TIME_ZONE', /Mars/],
      [{ ...briefing, timeZone: 'EDT+1' }, 'INVALID_TIME_ZONE', /IANA/],
      [{ ...briefing, link: { type: 'reading', id: 'nope' } }, 'ROADMAP_LINK_NOT_FOUND', /nope/],
      [{ ...briefing, audience: 'everyone' }, 'INVALID_BODY', /audience/],
      [{ ...briefing, colour: 'red' }, 'INVALID_BODY', /colour/],
      [{ ...briefing, title: '   ' }, 'INVALID_BODY', /title/],
    ];
    for (const [body, code, message] of cases) {
      const r = await send('POST', '/roadmap', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe(code);
      expect(r.body.error.message).toMatch(message);
    }
    const late = await send('POST', '/roadmap', {
      ...briefing,
      slots: [briefing.slots[0], { start: '2022-04-12T12:00', end: '2022-04-12T10:00' }],
    });
    expect(late.body.error.details).toEqual({
      path: 'slots.1.end',
      slot: 2,
      field: 'end',
      reason: 'end-before-start',
      value: '2022-04-12T10:00',
      timeZone: 'America/New_York',
    });
    expect((await roadmap()).entries).toHaveLength(before);
  });
});

describe('calendars', () => {
  const parse = (text: string) => {
    const cal = new ICAL.Component(ICAL.parse(text));
    for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    return cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  };

  it('exports an .ics file that an independent parser reads, with the right instants', async () => {
    const res = await fetch(`${ts.url}${base}/roadmap.ics`, { headers: { cookie: c['demo-eu']! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="roadmap-imrf-2022\.ics"/);
    const events = parse(await res.text());
    // 16 entries: 13 single events and three readings sitting 4, 4 and 3 times; plus the open reading's deadline.
    expect(events).toHaveLength(13 + 4 + 4 + 3 + 1);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    const byTitle = (t: RegExp) => events.filter((e) => t.test(e.summary));
    expect(
      byTitle(/roadmap and priorities/)[0]!
        .startDate.toJSDate()
        .toISOString(),
    ).toBe('2022-03-03T15:00:00.000Z');
    expect(
      byTitle(/written comments/)[0]!
        .startDate.toJSDate()
        .toISOString(),
    ).toBe('2022-03-29T22:00:00.000Z');
    const zero = byTitle(/Zero draft/)[0]!;
    expect(zero.startDate.isDate).toBe(true);
    expect(zero.startDate.toString()).toBe('2022-03-17');
    const second = byTitle(/second reading \(1\/4\)/)[0]!;
    expect(second.location).toBe('General Assembly Hall');
    expect(second.startDate.zone.tzid).toBe('America/New_York');
    expect(byTitle(/second reading \(3\/4\)/)[0]!.location).toBe('Conference Room 3');
  });

  it('needs a session to export', async () => {
    expect((await fetch(`${ts.url}${base}/roadmap.ics`)).status).toBe(401);
  });

  it('gives a secret subscription address that works without a cookie until replaced', async () => {
    const first = await api<{ url: string; webcalUrl: string }>(ts.url, 'POST', `${base}/roadmap/feed`, {
      cookie: c['demo-observer'],
    });
    expect(first.status).toBe(201);
    expect(first.body.webcalUrl).toMatch(/^webcal:\/\//);
    const path = new URL(first.body.url).pathname;
    const res = await fetch(`${ts.url}${path}`);
    expect(res.status).toBe(200);
    expect(parse(await res.text()).length).toBeGreaterThan(10);
    await api(ts.url, 'POST', `${base}/roadmap/feed`, { cookie: c['demo-observer'] });
    expect((await fetch(`${ts.url}${path}`)).status).toBe(404);
    expect((await fetch(`${ts.url}/api/calendar/not-a-token.ics`)).status).toBe(404);
  });
});
