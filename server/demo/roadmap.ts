/**
 * The demo negotiation's roadmap (the 2022 consultations on the Progress Declaration, in New York
 * time), three guiding questions on the open second reading, and a few written inputs, all made
 * with the real services. Runs after `ensureDemoHistory`, whose revisions and readings it links to.
 */
import type { RoadmapEntryData } from '../../shared/roadmap.js';
import type { Membership } from '../accounts/accounts.js';
import { AuditLog } from '../accounts/audit.js';
import type { RunningServer } from '../app.js';
import { Inputs } from '../inputs/inputs.js';
import type { Logger } from '../logger.js';
import { Publication } from '../proposals/publication.js';
import { Readings } from '../readings/readings.js';
import { Roadmap } from '../roadmap/roadmap.js';
import type { Storage } from '../storage/storage.js';
import { DEMO_NEGOTIATION_ID } from './seed.js';

type Link = 'zero-draft' | 'reading-1' | 'reading-2' | null;
type Planned = Omit<RoadmapEntryData, 'link' | 'tentative' | 'note' | 'slots'> & {
  slots: [start: string, end?: string, room?: string][];
  tentative?: boolean;
  note?: string;
  link?: Link;
};

const MAY_CONCLUDE = 'Two days are booked; the reading may conclude earlier.';
const TCC = 'Trusteeship Council Chamber';
const GA = 'General Assembly Hall';
const twoSittings = (day: string, room?: string): Planned['slots'] => [
  [`${day}T10:00`, `${day}T13:00`, room],
  [`${day}T15:00`, `${day}T18:00`, room],
];
const timed = (
  title: string,
  day: string,
  from: string,
  to: string,
  audience: Planned['audience'],
  format: Planned['format'] = 'virtual',
): Planned => ({
  kind: 'activity',
  title,
  precision: 'time',
  slots: [[`${day}T${from}`, `${day}T${to}`]],
  format,
  audience,
});

/** The roadmap of the 2022 consultations, as the co-facilitators circulated it. */
export const DEMO_ROADMAP: readonly Planned[] = [
  timed(
    'Informal meeting with Member States: roadmap and priorities',
    '2022-03-03',
    '10:00',
    '13:00',
    'member-states',
  ),
  timed('Townhall briefing for stakeholders (first)', '2022-03-07', '08:00', '11:00', 'stakeholders'),
  {
    kind: 'activity',
    title: 'Zero draft shared',
    precision: 'day',
    slots: [['2022-03-17']],
    format: 'email',
    audience: 'all',
    note: 'Morning',
    link: 'zero-draft',
  },
  {
    ...timed(
      'First round of informal consultations: general comments on the zero draft',
      '2022-03-22',
      '10:00',
      '13:00',
      'member-states',
      'in-person',
    ),
    slots: [['2022-03-22T10:00', '2022-03-22T13:00', TCC]],
    link: 'zero-draft',
  },
  timed('Townhall briefing for stakeholders (second)', '2022-03-25', '08:00', '10:00', 'stakeholders'),
  timed('Briefing for Geneva-based delegates (first)', '2022-03-25', '11:30', '13:30', 'geneva-delegates'),
  {
    kind: 'activity',
    title: 'Second round of informal consultations: first reading',
    precision: 'time',
    slots: [...twoSittings('2022-03-28', TCC), ...twoSittings('2022-03-29', TCC)],
    format: 'in-person',
    audience: 'member-states',
    tentative: true,
    note: MAY_CONCLUDE,
    link: 'reading-1',
  },
  {
    kind: 'deadline',
    title: 'Deadline for written comments on the zero draft',
    precision: 'time',
    slots: [['2022-03-29T18:00']],
    format: 'email',
    audience: 'member-states',
    link: 'reading-1',
  },
  timed('Briefing for Geneva-based delegates (second)', '2022-04-04', '10:00', '12:00', 'geneva-delegates'),
  timed('Townhall briefing for stakeholders (third)', '2022-04-06', '10:00', '12:00', 'stakeholders'),
  {
    kind: 'activity',
    title: 'Third round of informal consultations: second reading',
    precision: 'time',
    slots: [...twoSittings('2022-04-07', GA), ...twoSittings('2022-04-08', 'Conference Room 3')],
    format: 'in-person',
    audience: 'member-states',
    tentative: true,
    note: MAY_CONCLUDE,
    link: 'reading-2',
  },
  {
    kind: 'activity',
    title: 'Fourth round of informal consultations: third reading',
    precision: 'time',
    slots: [...twoSittings('2022-04-18', GA), ['2022-04-19T15:00', '2022-04-19T18:00', GA]],
    format: 'in-person',
    audience: 'member-states',
    tentative: true,
    note: 'All day on 18 April, afternoon only on 19 April; the reading may conclude earlier.',
  },
  timed('Townhall briefing for stakeholders (fourth)', '2022-04-20', '08:00', '10:00', 'stakeholders'),
  timed('Briefing for Geneva-based delegates (third)', '2022-04-25', '10:00', '12:00', 'geneva-delegates'),
  {
    kind: 'activity',
    title: 'Informal informals, if needed',
    precision: 'week',
    slots: [['2022-04-25']],
    format: 'tbd',
    audience: 'member-states',
    tentative: true,
    note: 'Dates and format to be determined.',
  },
  {
    kind: 'deadline',
    title: 'Deadline to agree on the final version of the Progress Declaration',
    precision: 'day',
    slots: [['2022-05-05']],
    format: null,
    audience: 'member-states',
  },
];

/** The demo's guiding questions on the second reading (the demo's own wording). */
export const DEMO_QUESTIONS: readonly string[] = [
  'Which parts of Rev.1 capture the progress made since the Global Compact was adopted, and what is still missing?',
  'Where could the commitments in the operative part be made more concrete and measurable before the next Forum?',
  'How should the Declaration draw on the regional reviews and on what stakeholders have contributed?',
];

/** Creates the demo roadmap, questions and a few inputs unless the roadmap already has entries. */
export async function ensureDemoRoadmap(
  storage: Storage,
  server: RunningServer,
  log: Logger,
): Promise<boolean> {
  if ((await storage.roadmap.listEntries(DEMO_NEGOTIATION_ID)).length > 0) return false;
  let clock = Date.parse('2022-03-01T15:00:00Z');
  const now = () => new Date(clock);
  const audit = new AuditLog(storage, log, now);
  const roadmap = new Roadmap(storage, audit, now);
  const inputs = new Inputs(
    storage,
    server.rooms,
    new Readings({
      storage,
      rooms: server.rooms,
      audit,
      publication: new Publication(storage, server.rooms, log),
      now,
    }),
    audit,
    now,
  );
  const member = async (personId: string): Promise<Membership> => ({
    principal: {
      person: (await storage.accounts.getPerson(personId))!,
      session: {
        id: 'demo',
        tokenHash: '',
        personId,
        createdAt: '',
        expiresAt: '',
        revokedAt: null,
        userAgent: null,
      },
    },
    participant: (await storage.accounts.getParticipant(DEMO_NEGOTIATION_ID, personId))!,
  });

  const readings = await storage.readings.listReadings(DEMO_NEGOTIATION_ID);
  const zeroDraft = (await storage.readings.listSnapshots(DEMO_NEGOTIATION_ID)).find(
    (s) => s.kind === 'revision',
  );
  const links: Record<NonNullable<Link>, RoadmapEntryData['link']> = {
    'zero-draft': zeroDraft ? { type: 'revision', id: zeroDraft.id } : null,
    'reading-1': readings[0] ? { type: 'reading', id: readings[0].id } : null,
    'reading-2': readings[1] ? { type: 'reading', id: readings[1].id } : null,
  };
  const bgd = await member('demo-cofac-bgd');
  for (const p of DEMO_ROADMAP) {
    clock += 60_000;
    await roadmap.create(bgd, {
      ...p,
      slots: p.slots.map(([start, end, room]) => ({ start, end: end ?? null, room: room ?? null })),
      link: p.link ? links[p.link] : null,
    });
  }

  const second = readings.find((r) => r.closedAt === null);
  if (!second) return true;
  clock = Date.parse('2022-04-06T20:00:00Z');
  const lux = await member('demo-cofac-lux');
  const questions = [];
  for (const text of DEMO_QUESTIONS) {
    clock += 60_000;
    questions.push(await inputs.addQuestion(lux, { target: { type: 'reading', id: second.id }, text }));
  }
  clock = Date.parse('2022-04-08T14:00:00Z');
  const submit = async (personId: string, body: Parameters<Inputs['submit']>[1]) => {
    clock += 23 * 60_000;
    await inputs.submit(await member(personId), body);
  };
  await submit('demo-mex', {
    kind: 'answer',
    questionId: questions[0]!.id,
    text: 'Rev.1 reflects well the progress on regular pathways. We miss a clearer reference to the situation of migrants in vulnerable situations.',
  });
  await submit('demo-pak', {
    kind: 'general',
    delegation: 'G77',
    text: 'The Group welcomes Rev.1 as a basis for negotiation and will make detailed proposals paragraph by paragraph.',
  });
  await submit('demo-phl', {
    kind: 'paragraph',
    pid: 'op09',
    text: 'We ask that this paragraph keep its reference to migrant workers in all sectors, including the care economy.',
  });
  await submit('demo-observer', {
    kind: 'answer',
    questionId: questions[1]!.id,
    text: 'Civil society suggests indicators for each commitment, reviewed at the next Forum.',
  });
  return true;
}
