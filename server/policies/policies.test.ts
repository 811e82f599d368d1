import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import type { Principal } from '../accounts/accounts.js';
import type { ParticipantRecord, Role } from '../storage/records.js';
import {
  ACTIONS,
  type Action,
  authorize,
  decide,
  STANDINGS,
  type Standing,
  standingsOf,
} from './policies.js';

const ok = 'allow';
const FAC = 'NOT_FACILITATOR';
const NP = 'NOT_PARTICIPANT';
const OBS = 'OBSERVERS_READ_ONLY';

/**
 * The expected table, written out by hand from PROTOCOL.md: each action, for facilitator,
 * delegate, observer, administrator who takes no part, outsider.
 */
const EXPECTED: Record<Action, [string, string, string, string, string]> = {
  'negotiation.create': ['NOT_ADMIN', 'NOT_ADMIN', 'NOT_ADMIN', ok, 'NOT_ADMIN'],
  'negotiation.describe': [ok, ok, ok, ok, NP],
  'negotiation.read': [ok, ok, ok, NP, NP],
  'access.own': [ok, ok, ok, NP, NP],
  'participants.list': [ok, FAC, FAC, NP, NP],
  'invitation.create': [ok, FAC, FAC, ok, NP],
  'link.issue': [ok, FAC, FAC, NP, NP],
  'link.revoke': [ok, FAC, FAC, NP, NP],
  'session.revoke': [ok, FAC, FAC, NP, NP],
  'audit.read': [ok, FAC, FAC, NP, NP],
  'text.edit': [ok, FAC, FAC, NP, NP],
  'draft.import': [ok, FAC, FAC, NP, NP],
  'revision.circulate': [ok, FAC, FAC, NP, NP],
  'reading.open': [ok, FAC, FAC, NP, NP],
  'reading.extend': [ok, FAC, FAC, NP, NP],
  'reading.close': [ok, FAC, FAC, NP, NP],
  'proposal.table': [ok, ok, OBS, NP, NP],
  'proposal.edit': [ok, ok, OBS, NP, NP],
  'proposal.withdraw': [ok, ok, OBS, NP, NP],
  'proposal.support': ['FORBIDDEN', ok, OBS, NP, NP],
  'amendments.import': ['FORBIDDEN', ok, OBS, NP, NP],
  'proposal.setStatus': [ok, FAC, FAC, NP, NP],
  'proposal.apply': [ok, FAC, FAC, NP, NP],
  'paragraph.setStatus': [ok, FAC, FAC, NP, NP],
  'roadmap.change': [ok, FAC, FAC, NP, NP],
  'question.post': [ok, FAC, FAC, NP, NP],
  'input.submit': ['FORBIDDEN', ok, ok, NP, NP],
  'input.edit': ['NOT_YOUR_INPUT', ok, ok, NP, NP],
  'inputs.settings': [ok, FAC, FAC, NP, NP],
  'inputs.compilation': [ok, FAC, FAC, NP, NP],
};

function subject(
  role: Role | null,
  isAdmin = false,
): { principal: Principal; participant: ParticipantRecord | null } {
  return {
    principal: {
      person: { id: 'p1', name: 'Someone', isAdmin, createdAt: '' },
      session: {
        id: 's1',
        tokenHash: '',
        personId: 'p1',
        createdAt: '',
        expiresAt: '',
        revokedAt: null,
        userAgent: null,
      },
    },
    participant: role && { negotiationId: 'n1', personId: 'p1', role, delegation: 'EU', createdAt: '' },
  };
}

describe('the policy table', () => {
  it('states every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    for (const [i, standing] of STANDINGS.entries()) {
      const expected = EXPECTED[action][i]!;
      it(`${standing} × ${action} → ${expected}`, () => {
        const refusal = decide(action, [standing]);
        expect(refusal === null ? ok : refusal.code).toBe(expected);
        if (refusal) expect(refusal.message.length).toBeGreaterThan(10);
      });
    }
  }

  it('derives the standing from the session: role, administrator, or outsider', () => {
    expect(standingsOf(subject('delegate'))).toEqual<Standing[]>(['delegate']);
    expect(standingsOf(subject(null, true))).toEqual<Standing[]>(['administrator']);
    expect(standingsOf(subject('observer', true))).toEqual<Standing[]>(['observer', 'administrator']);
    expect(standingsOf(subject(null))).toEqual<Standing[]>(['outsider']);
  });

  it('gives an administrator who takes part the powers of both, and the refusals of their role', () => {
    const adminObserver = subject('observer', true);
    expect(() => authorize(adminObserver, 'invitation.create')).not.toThrow();
    expect(() => authorize(adminObserver, 'negotiation.read')).not.toThrow();
    for (const action of ['participants.list', 'audit.read', 'session.revoke', 'link.issue'] as const) {
      expect(() => authorize(adminObserver, action)).toThrow(expect.objectContaining({ code: FAC }));
    }
  });

  it('throws an AppError with the code and HTTP status of the refusal', () => {
    try {
      authorize(subject('observer'), 'proposal.table');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe(OBS);
      expect((err as AppError).status).toBe(403);
    }
  });
});
