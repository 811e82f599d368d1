/**
 * The demo negotiation's history, made with the real services so that every record is what the
 * product itself would have written: the zero draft circulated on 17 March 2022, a first reading
 * with some thirty proposals from a dozen delegations (some applied, some not retained), closed,
 * Rev.1 circulated, and the second reading open. The second reading's deadline is set three weeks
 * after the demo is created, so that a fresh install can table proposals.
 */

import { findParagraph, paragraphPlainText } from '../../shared/anchors.js';
import type { ProposalStatus } from '../../shared/proposals.js';
import { draftDocName } from '../../shared/protocol.js';
import { instantOf, localDateAt } from '../../shared/time.js';
import type { Membership } from '../accounts/accounts.js';
import { AuditLog } from '../accounts/audit.js';
import type { RunningServer } from '../app.js';
import type { Logger } from '../logger.js';
import { ProposalCommands } from '../proposals/commands.js';
import { Publication } from '../proposals/publication.js';
import { Readings } from '../readings/readings.js';
import type { Storage } from '../storage/storage.js';
import { DEMO_NEGOTIATION_ID } from './seed.js';

/** An amendment: the words `find` of the paragraph become `replace`. */
type Edit = { find: string; replace: string };

interface Planned {
  by: string;
  pid: string;
  kind: 'amend' | 'delete' | 'retain' | 'insert' | 'alt' | 'comment';
  edit?: Edit;
  text?: string;
  group?: string;
  supporters?: string[];
  /** What the co-facilitators decided after the reading. */
  outcome?: ProposalStatus | 'apply';
}

/** The first reading's proposals (by demo person id). */
const FIRST_READING: Planned[] = [
  {
    by: 'demo-eu',
    pid: 'op01',
    kind: 'amend',
    edit: { find: 'our commitment', replace: 'our full commitment' },
    supporters: ['demo-nor', 'demo-che'],
    outcome: 'apply',
  },
  {
    by: 'demo-usa',
    pid: 'op01',
    kind: 'amend',
    edit: { find: ' and our resolve', replace: '' },
    outcome: 'not-retained',
  },
  {
    by: 'demo-pak',
    group: 'G77',
    pid: 'op02',
    kind: 'amend',
    edit: { find: 'since the adoption', replace: 'since the adoption in 2018' },
    supporters: ['demo-egy', 'demo-zaf', 'demo-phl'],
    outcome: 'apply',
  },
  { by: 'demo-gbr', pid: 'op02', kind: 'retain', supporters: ['demo-jpn'], outcome: 'superseded' },
  {
    by: 'demo-mex',
    pid: 'op03',
    kind: 'amend',
    edit: { find: 'many States', replace: 'many States, at all levels of government,' },
    supporters: ['demo-bra'],
    outcome: 'apply',
  },
  {
    by: 'demo-jpn',
    pid: 'op04',
    kind: 'comment',
    text: 'We would welcome clarity on how this commitment relates to existing reporting obligations.',
    outcome: 'not-retained',
  },
  {
    by: 'demo-che',
    pid: 'op05',
    kind: 'amend',
    edit: { find: 'in some regions', replace: 'in many regions' },
    supporters: ['demo-nor'],
    outcome: 'not-retained',
  },
  {
    by: 'demo-egy',
    pid: 'op05',
    kind: 'amend',
    edit: { find: 'in some regions', replace: 'in certain regions' },
    outcome: 'not-retained',
  },
  {
    by: 'demo-bra',
    pid: 'op06',
    kind: 'insert',
    text: 'We commit to strengthen the collection and use of accurate and disaggregated data as a basis for evidence-based policies.',
    supporters: ['demo-mex', 'demo-eu'],
    outcome: 'apply',
  },
  { by: 'demo-usa', pid: 'op07', kind: 'delete', outcome: 'not-retained' },
  {
    by: 'demo-nor',
    pid: 'op07',
    kind: 'retain',
    supporters: ['demo-che', 'demo-eu', 'demo-mex'],
    outcome: 'incorporated',
  },
  {
    by: 'demo-zaf',
    pid: 'op08',
    kind: 'amend',
    edit: { find: 'We appreciate', replace: 'We deeply appreciate' },
    supporters: ['demo-egy'],
    outcome: 'not-retained',
  },
  {
    by: 'demo-phl',
    pid: 'op09',
    kind: 'amend',
    edit: { find: 'acknowledge the contributions', replace: 'acknowledge with gratitude the contributions' },
    supporters: ['demo-mex', 'demo-pak'],
    outcome: 'apply',
  },
  {
    by: 'demo-eu',
    pid: 'op10',
    kind: 'alt',
    text: 'We commit to cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration.',
    outcome: 'not-retained',
  },
  {
    by: 'demo-pak',
    group: 'G77',
    pid: 'op11',
    kind: 'amend',
    edit: { find: 'has fallen in several corridors', replace: 'has fallen only in some corridors' },
    outcome: 'not-retained',
  },
  {
    by: 'demo-gbr',
    pid: 'op12',
    kind: 'amend',
    edit: { find: ' and the wider public', replace: '' },
    outcome: 'apply',
  },
  {
    by: 'demo-mex',
    pid: 'op14',
    kind: 'amend',
    edit: { find: 'many migrants still', replace: 'many migrants, regardless of their status, still' },
    supporters: ['demo-bra', 'demo-phl'],
    outcome: 'apply',
  },
  {
    by: 'demo-usa',
    pid: 'op15',
    kind: 'comment',
    text: 'Reservation: we cannot accept language implying new financial commitments.',
    outcome: 'not-retained',
  },
  {
    by: 'demo-jpn',
    pid: 'op16',
    kind: 'amend',
    edit: { find: 'We are alarmed by', replace: 'We are concerned by' },
    outcome: 'not-retained',
  },
  {
    by: 'demo-che',
    pid: 'op18',
    kind: 'amend',
    edit: { find: 'international law', replace: 'international human rights law' },
    supporters: ['demo-eu', 'demo-nor', 'demo-mex'],
    outcome: 'apply',
  },
  {
    by: 'demo-egy',
    pid: 'op20',
    kind: 'alt',
    text: 'We call for enhanced international cooperation to address the adverse drivers of migration, including poverty and conflict.',
    supporters: ['demo-zaf', 'demo-pak'],
    outcome: 'not-retained',
  },
  { by: 'demo-bra', pid: 'op22', kind: 'retain', supporters: ['demo-mex'], outcome: 'incorporated' },
  {
    by: 'demo-nor',
    pid: 'op24',
    kind: 'amend',
    edit: { find: 'fair recruitment', replace: 'fair and ethical recruitment' },
    supporters: ['demo-che', 'demo-eu'],
    outcome: 'apply',
  },
  {
    by: 'demo-zaf',
    pid: 'op26',
    kind: 'amend',
    edit: { find: 'appropriate measures', replace: 'effective measures' },
    outcome: 'not-retained',
  },
  {
    by: 'demo-eu',
    pid: 'op30',
    kind: 'amend',
    edit: { find: ' and other precarious situations', replace: '' },
    supporters: ['demo-gbr'],
    outcome: 'not-retained',
  },
  {
    by: 'demo-phl',
    pid: 'op32',
    kind: 'comment',
    text: 'We support this paragraph and propose that the review of progress include the voice of migrants themselves.',
    outcome: 'not-retained',
  },
  { by: 'demo-gbr', pid: 'op40', kind: 'delete', supporters: ['demo-usa'], outcome: 'not-retained' },
  {
    by: 'demo-mex',
    pid: 'op44',
    kind: 'amend',
    edit: { find: 'innovative financing', replace: 'predictable and innovative financing' },
    supporters: ['demo-bra'],
    outcome: 'apply',
  },
  {
    by: 'demo-jpn',
    pid: 'op50',
    kind: 'amend',
    edit: { find: 'We decide that', replace: 'We recommend that' },
    supporters: ['demo-usa', 'demo-gbr'],
    outcome: 'not-retained',
  },
  {
    by: 'demo-pak',
    group: 'G77',
    pid: 'op52',
    kind: 'insert',
    text: 'We call for the full and effective participation of developing countries in the follow-up and review of the Global Compact.',
    supporters: ['demo-egy', 'demo-zaf'],
    outcome: 'not-retained',
  },
];

/** Proposals already tabled in the open second reading. */
const SECOND_READING: Planned[] = [
  {
    by: 'demo-eu',
    pid: 'op05',
    kind: 'amend',
    edit: { find: 'the widening', replace: 'the further widening' },
    supporters: ['demo-nor', 'demo-che'],
  },
  { by: 'demo-usa', pid: 'op05', kind: 'amend', edit: { find: 'the widening', replace: 'the expansion' } },
  {
    by: 'demo-pak',
    group: 'G77',
    pid: 'op20',
    kind: 'alt',
    text: 'We call for enhanced international cooperation and solidarity to address the adverse drivers of migration.',
    supporters: ['demo-egy', 'demo-zaf'],
  },
  { by: 'demo-gbr', pid: 'op30', kind: 'delete' },
  {
    by: 'demo-mex',
    pid: 'pp04',
    kind: 'amend',
    edit: { find: 'guiding principles', replace: 'guiding principles and objectives' },
    supporters: ['demo-bra'],
  },
];

function edited(text: string, e: Edit): string {
  if (!text.includes(e.find)) throw new Error(`demo history: "${e.find}" is not in the paragraph`);
  return text.replace(e.find, e.replace);
}

/** A clock that the history moves forward by hand. */
class DemoClock {
  private t: number;
  constructor(start: string) {
    this.t = Date.parse(start);
  }
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
  tick(minutes: number): void {
    this.t += minutes * 60_000;
  }
  readonly now = (): Date => new Date(this.t);
}

/** Writes the demo history unless the demo already has snapshots. */
export async function ensureDemoHistory(
  storage: Storage,
  server: RunningServer,
  log: Logger,
): Promise<boolean> {
  if ((await storage.readings.listSnapshots(DEMO_NEGOTIATION_ID)).length > 0) return false;
  const clock = new DemoClock('2022-03-17T13:00:00Z');
  const audit = new AuditLog(storage, log, clock.now);
  const publication = new Publication(storage, server.rooms, log);
  const readings = new Readings({ storage, rooms: server.rooms, audit, publication, now: clock.now });
  const commands = new ProposalCommands(storage, server.rooms, publication, audit, readings, clock.now);
  const member = async (personId: string): Promise<Membership> => {
    const person = (await storage.accounts.getPerson(personId))!;
    const participant = (await storage.accounts.getParticipant(DEMO_NEGOTIATION_ID, personId))!;
    const session = {
      id: 'demo',
      tokenHash: '',
      personId,
      createdAt: '',
      expiresAt: '',
      revokedAt: null,
      userAgent: null,
    };
    return { principal: { person, session }, participant };
  };
  const bgd = await member('demo-cofac-bgd');
  const lux = await member('demo-cofac-lux');

  const table = async (plan: readonly Planned[]) => {
    const tabled: { id: string; plan: Planned }[] = [];
    for (const p of plan) {
      clock.tick(17);
      const m = await member(p.by);
      const delegation = p.group ? { delegation: p.group } : {};
      let record: { id: string };
      if (p.kind === 'amend') {
        const base = await server.rooms.withRoom(draftDocName(DEMO_NEGOTIATION_ID), (room) =>
          paragraphPlainText(findParagraph(room.doc, p.pid)!.element),
        );
        record = await commands.table(m, {
          kind: 'amend',
          pid: p.pid,
          baseText: base,
          text: edited(base, p.edit!),
          ...delegation,
        });
      } else if (p.kind === 'delete' || p.kind === 'retain') {
        record = await commands.table(m, { kind: p.kind, pid: p.pid, ...delegation });
      } else {
        record = await commands.table(m, { kind: p.kind, pid: p.pid, text: p.text!, ...delegation });
      }
      for (const s of p.supporters ?? []) {
        clock.tick(3);
        await commands.setSupport(await member(s), record.id, true);
      }
      tabled.push({ id: record.id, plan: p });
    }
    return tabled;
  };

  await readings.circulate(bgd);
  clock.set('2022-03-28T14:00:00Z');
  const first = await readings.open(lux, new Date('2022-03-29T22:00:00Z'));
  const tabled = await table(FIRST_READING);
  clock.set('2022-03-30T15:00:00Z');
  for (const { id, plan } of tabled) {
    clock.tick(5);
    if (plan.outcome === 'apply') await commands.apply(bgd, id);
    else if (plan.outcome) await commands.setStatus(lux, id, plan.outcome);
  }
  await readings.close(lux, first.id);
  clock.set('2022-04-04T14:00:00Z');
  await readings.circulate(bgd);
  clock.set('2022-04-07T14:00:00Z');
  // 6 PM in New York, three weeks ahead, whether New York is then on EDT or EST.
  const day = localDateAt(new Date(Date.now() + 21 * 24 * 3600_000), 'America/New_York');
  const deadline = new Date(instantOf(`${day}T18:00`, 'America/New_York'));
  await readings.open(bgd, deadline);
  clock.set('2022-04-07T14:30:00Z');
  await table(SECOND_READING);
  return true;
}
