import { describe, expect, it } from 'vitest';
import type { LiveReading, NegotiationState } from '../../shared/negotiationState.js';
import { tablingClosed, tablingClosedMessage } from './tablingClosed.js';

const NOW = Date.parse('2022-03-29T12:00:00Z');
const reading = (deadline: string): LiveReading => ({
  id: 'r2',
  number: 2,
  revisionId: 'rev1',
  revisionLabel: 'Rev.1',
  openedAt: '2022-03-28T14:00:00Z',
  deadline,
  closedAt: null,
});
const state = (openReading: LiveReading | null): NegotiationState => ({
  stage: openReading ? 'reading' : 'revision',
  openReading,
  latestRevision: null,
  latestRevisionRead: false,
  readings: openReading ? [openReading] : [],
});

describe('tablingClosed', () => {
  it('is open on a pending or bracketed paragraph during a reading before its deadline', () => {
    const open = state(reading('2022-03-29T22:00:00Z'));
    expect(tablingClosed('pending', open, NOW)).toBeNull();
    expect(tablingClosed('bracketed', open, NOW)).toBeNull();
  });

  it('is closed on an agreed or deleted paragraph, whatever the reading', () => {
    const open = state(reading('2022-03-29T22:00:00Z'));
    expect(tablingClosed('agreed-ad-ref', open, NOW)).toBe('paragraph');
    expect(tablingClosed('deleted', null, NOW)).toBe('paragraph');
  });

  it('is closed when no reading is open, and once the deadline has passed', () => {
    expect(tablingClosed('pending', state(null), NOW)).toBe('noReading');
    expect(tablingClosed('pending', state(reading('2022-03-29T12:00:00Z')), NOW)).toBe('deadline');
    expect(tablingClosedMessage('noReading')).toMatch(/No reading is open/);
  });

  it('leaves the decision to the server while the negotiation’s state is unknown', () => {
    expect(tablingClosed('pending', null, NOW)).toBeNull();
  });
});
