import { describe, expect, it } from 'vitest';
import { auditActionLabel } from '../i18n/messages.js';
import { auditDetail } from './auditDetail.js';

describe('auditDetail', () => {
  it('names known fields and values, shortens ids, skips empty values', () => {
    expect(
      auditDetail({
        invitationId: '0123456789abcdef',
        name: 'Delegate, France',
        role: 'delegate',
        delegation: 'FRA',
        note: null,
      }),
    ).toBe('link: 01234567 · name: Delegate, France · role: Delegate · delegation: France');
  });

  it('names the delegations whose support an edit dropped', () => {
    expect(auditDetail({ version: 3, supportDropped: ['EGY', 'USA'] })).toBe(
      'version: 3 · support dropped (words changed): Egypt, United States',
    );
  });

  it('shows unknown fields as recorded, and long values cut', () => {
    expect(auditDetail({ count: 3, list: ['a'] })).toBe('count: 3 · list: ["a"]');
    expect(auditDetail({ text: 'x'.repeat(100) })).toBe(`text: ${'x'.repeat(59)}…`);
    expect(auditDetail({})).toBe('');
  });
});

describe('auditActionLabel', () => {
  it('has words for known actions and shows others as recorded', () => {
    expect(auditActionLabel('invitation.created')).toBe('Sign-in link created');
    expect(auditActionLabel('something.new')).toBe('something.new');
    expect(auditActionLabel('constructor')).toBe('constructor');
  });
});
