import { describe, expect, it } from 'vitest';
import type { Negotiation } from '../negotiationsApi.js';
import { accountFor } from './account.js';
import type { Me } from './sessionApi.js';

const negotiationMe = (role: Negotiation['me']['role'], delegationName: string | null, isAdmin = false) => ({
  id: 'imrf-2022',
  me: {
    personId: 'p',
    name: 'N',
    isAdmin,
    role,
    delegation: delegationName ? 'X' : null,
    delegationName,
    canEditText: role === 'facilitator',
  },
});

describe('accountFor', () => {
  const delegate: Me = {
    person: { id: 'demo-eu', name: 'Delegate, European Union', isAdmin: false },
    participations: [
      { negotiationId: 'imrf-2022', role: 'delegate', delegation: 'EU', delegationName: 'European Union' },
    ],
  };
  const admin: Me = { person: { id: 'a', name: 'Ada', isAdmin: true }, participations: [] };

  it("shows the role and delegation in the page's negotiation", () => {
    expect(accountFor(delegate, negotiationMe('delegate', 'European Union'))).toEqual({
      name: 'Delegate, European Union',
      isAdmin: false,
      role: 'delegate',
      delegationName: 'European Union',
    });
  });

  it('shows the only participation on other pages, and nothing when there are several', () => {
    expect(accountFor(delegate)).toMatchObject({ role: 'delegate', delegationName: 'European Union' });
    const two: Me = {
      ...delegate,
      participations: [
        ...delegate.participations,
        { ...delegate.participations[0]!, negotiationId: 'other' },
      ],
    };
    expect(accountFor(two)).toMatchObject({ role: null, delegationName: null });
  });

  it('shows an administrator who does not take part as administrator, not as observer', () => {
    expect(accountFor(admin, negotiationMe('observer', null, true))).toMatchObject({
      isAdmin: true,
      role: null,
    });
  });
});
