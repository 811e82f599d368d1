/**
 * Who may do what: one table of standing × action, asked by the HTTP routes, the WebSocket
 * authoriser and the services alike. A caller's standing in a negotiation comes from the session
 * only (their participant record, or their being a server administrator). The rules that need
 * the resource itself (own proposal, own delegation or group, own input, own people) are in
 * `ownership.ts`; this table says who may try.
 */
import { AppError, type ErrorCode } from '../../shared/errors.js';
import type { Principal } from '../accounts/accounts.js';
import type { ParticipantRecord } from '../storage/records.js';

/**
 * A caller's standing towards a negotiation: their role in it, `administrator` for a server
 * administrator who does not take part, `outsider` for anyone else signed in.
 */
export const STANDINGS = ['facilitator', 'delegate', 'observer', 'administrator', 'outsider'] as const;
/** A standing. */
export type Standing = (typeof STANDINGS)[number];

/** Who is asking: the session's principal and, when they take part, their participant record. */
export interface Subject {
  principal: Principal;
  participant: ParticipantRecord | null;
}

/** A refusal: a stable code and a readable message. */
export interface Refusal {
  code: ErrorCode;
  message: string;
}

interface Rule {
  /** Standings that may take the action. */
  allow: readonly Standing[];
  /** The refusal for a participant who may not (others who take no part get NOT_PARTICIPANT). */
  refuse: Refusal;
  /** Refusals particular to some standings. */
  refuseAs?: Partial<Record<Standing, Refusal>>;
}

const PARTICIPANTS = ['facilitator', 'delegate', 'observer'] as const;
const facilitatorsOnly = (what: string): Refusal => ({
  code: 'NOT_FACILITATOR',
  message: `Only the co-facilitators can ${what}.`,
});
const observersReadOnly: Refusal = {
  code: 'OBSERVERS_READ_ONLY',
  message: 'Observers follow the negotiation but cannot table or support proposals.',
};
const notParticipant: Refusal = {
  code: 'NOT_PARTICIPANT',
  message: 'You are not taking part in this negotiation.',
};
const anyParticipant: Rule = { allow: PARTICIPANTS, refuse: notParticipant };
const facilitators = (what: string): Rule => ({ allow: ['facilitator'], refuse: facilitatorsOnly(what) });

/**
 * The table. Reading anything of a negotiation needs a part in it; the co-facilitators run it;
 * delegations table and support proposals; a server administrator creates negotiations and
 * invites people into them, and sees nothing else of a negotiation they do not take part in.
 */
const RULES = {
  'negotiation.create': {
    allow: ['administrator'],
    refuse: { code: 'NOT_ADMIN', message: 'Only a server administrator can create a negotiation.' },
    refuseAs: {
      outsider: { code: 'NOT_ADMIN', message: 'Only a server administrator can create a negotiation.' },
    },
  },
  /** The negotiation's title, zone and co-facilitating delegations, and the caller's part in it. */
  'negotiation.describe': { allow: [...PARTICIPANTS, 'administrator'], refuse: notParticipant },
  /** The text, proposals, records, roadmap, inputs, visits, one's calendar feed. */
  'negotiation.read': anyParticipant,
  /** One's own delegation's people, their sign-in links and sessions; ending those sessions and links. */
  'access.own': anyParticipant,
  'participants.list': facilitators('see the participants'),
  'invitation.create': {
    allow: ['facilitator', 'administrator'],
    refuse: facilitatorsOnly('invite people'),
  },
  'link.issue': facilitators('issue sign-in links'),
  'link.revoke': facilitators('revoke sign-in links'),
  'session.revoke': facilitators('end sessions'),
  'audit.read': facilitators('read the audit log'),
  'text.edit': facilitators('change the text'),
  'draft.import': facilitators('import a draft'),
  'revision.circulate': facilitators('circulate a revision'),
  'reading.open': facilitators('open a reading'),
  'reading.extend': facilitators('move a deadline'),
  'reading.close': facilitators('close a reading'),
  'proposal.table': { allow: ['facilitator', 'delegate'], refuse: observersReadOnly },
  'proposal.edit': { allow: ['facilitator', 'delegate'], refuse: observersReadOnly },
  'proposal.withdraw': { allow: ['facilitator', 'delegate'], refuse: observersReadOnly },
  'proposal.support': {
    allow: ['delegate'],
    refuse: observersReadOnly,
    refuseAs: {
      facilitator: { code: 'FORBIDDEN', message: 'Only delegations support proposals.' },
    },
  },
  /** Tabling a batch of amendments and comments read from a Word file with tracked changes. */
  'amendments.import': {
    allow: ['delegate'],
    refuse: observersReadOnly,
    refuseAs: {
      facilitator: {
        code: 'FORBIDDEN',
        message: 'Delegations import their amendments from Word; co-facilitators change the text itself.',
      },
    },
  },
  'proposal.setStatus': facilitators('decide on proposals'),
  'proposal.apply': facilitators('apply proposals to the text'),
  'paragraph.setStatus': facilitators('set a paragraph’s status'),
  'roadmap.change': facilitators('change the roadmap'),
  'question.post': facilitators('post guiding questions'),
  'input.submit': {
    allow: ['delegate', 'observer'],
    refuse: {
      code: 'FORBIDDEN',
      message: 'Co-facilitators receive written inputs; they do not submit them.',
    },
  },
  'input.edit': {
    allow: ['delegate', 'observer'],
    refuse: {
      code: 'NOT_YOUR_INPUT',
      message: 'Only the delegation that submitted this input can change it.',
    },
  },
  'inputs.settings': facilitators('choose who sees stakeholders’ inputs'),
  'inputs.compilation': facilitators('compile the written inputs'),
} as const satisfies Record<string, Rule>;

/** Everything a caller may be allowed or refused. */
export type Action = keyof typeof RULES;
/** Every action, in the table's order. */
export const ACTIONS = Object.keys(RULES) as Action[];

/** The standings of a subject: their role, and `administrator` when they administer the server. */
export function standingsOf(s: Subject): Standing[] {
  const out: Standing[] = [];
  if (s.participant) out.push(s.participant.role);
  if (s.principal.person.isAdmin) out.push('administrator');
  if (out.length === 0) out.push('outsider');
  return out;
}

/** Whether `standings` may take `action`: null when allowed, else the refusal. */
export function decide(action: Action, standings: readonly Standing[]): Refusal | null {
  const rule: Rule = RULES[action];
  if (standings.some((s) => rule.allow.includes(s))) return null;
  // The first standing is the role when there is one, so a participant hears why their role may not.
  const first = standings[0] ?? 'outsider';
  const particular = rule.refuseAs?.[first];
  if (particular) return particular;
  return (PARTICIPANTS as readonly Standing[]).includes(first) ? rule.refuse : notParticipant;
}

/** True when the subject may take the action. */
export function allowed(s: Subject, action: Action): boolean {
  return decide(action, standingsOf(s)) === null;
}

/** Refuses with the table's code unless the subject may take the action. */
export function authorize(s: Subject, action: Action): void {
  const refusal = decide(action, standingsOf(s));
  if (refusal) throw new AppError(refusal.code, refusal.message);
}
