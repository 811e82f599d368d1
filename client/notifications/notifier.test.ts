import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveReading, NegotiationState, Notice } from '../../shared/negotiationState.js';
import type { ProposalView } from '../../shared/proposals.js';
import { proposalView } from '../../shared/proposalView.fixture.js';
import { messages } from '../i18n/messages.js';
import { type Board, type BoardState, EMPTY_BOARD } from '../proposals/boardState.js';
import type { Viewer } from '../proposals/viewer.js';
import { excerptOf, ownChanges, ownMarks, supportChanges, supportMarks } from './derive.js';
import { createNotifier, type Memory } from './notifier.js';

const EU: Viewer = { role: 'delegate', delegation: 'EU' };

const reading = (over: Partial<LiveReading> = {}): LiveReading => ({
  id: 'r2',
  number: 2,
  revisionId: 'rev1',
  revisionLabel: 'Rev.1',
  openedAt: '2022-04-07T14:00:00.000Z',
  deadline: '2022-04-08T22:00:00.000Z',
  closedAt: null,
  ...over,
});

const state = (open: LiveReading | null): NegotiationState => ({
  stage: open ? 'reading' : 'revision',
  openReading: open,
  latestRevision: { id: 'rev1', label: 'Rev.1', takenAt: '2022-04-04T14:00:00.000Z' },
  latestRevisionRead: true,
  readings: open ? [open] : [],
});

/** A board whose state the test sets. */
function fakeBoard(initial: Partial<BoardState>) {
  let current: BoardState = { ...EMPTY_BOARD, ...initial };
  const listeners = new Set<() => void>();
  const board: Board = {
    getState: () => current,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    destroy() {},
  };
  return {
    board,
    set(next: Partial<BoardState>) {
      current = { ...current, ...next };
      for (const l of listeners) l();
    },
  };
}

function memory(): Memory & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const closed: Notice = {
  id: 'n1',
  at: '2022-04-08T15:00:00.000Z',
  kind: 'reading-closed',
  readingNumber: 2,
  incorporated: 1,
  setAside: 1,
  carried: 0,
};

describe('own proposals', () => {
  it('tells of an amendment applied, set aside, carried or outdated, and of nothing else', () => {
    const mine = proposalView({
      id: 'a',
      changes: [{ from: '', to: '', deleted: 'widening', inserted: 'expansion' }],
    });
    const theirs = proposalView({ id: 'b', delegation: { code: 'USA', name: 'United States' } });
    const before = ownMarks([mine, theirs], EU);
    expect(Object.keys(before)).toEqual(['a']);
    const at = '2022-04-08T16:00:00.000Z';
    const changed = (over: Partial<ProposalView>) =>
      ownChanges(
        before,
        [
          { ...mine, ...over },
          { ...theirs, status: 'not-retained' },
        ],
        EU,
        at,
      ).map((n) => (n.kind === 'own' ? n.change : n.kind));
    expect(changed({ status: 'incorporated', appliedAt: at })).toEqual(['applied']);
    expect(changed({ status: 'incorporated' })).toEqual(['incorporated']);
    expect(changed({ status: 'not-retained' })).toEqual(['set-aside']);
    expect(changed({ status: 'carried-forward' })).toEqual(['carried']);
    expect(changed({ outdated: true })).toEqual(['outdated']);
    expect(changed({ status: 'withdrawn' })).toEqual([]);
    expect(changed({ version: 2 })).toEqual([]);
    expect(excerptOf(mine)).toBe('widening → expansion');
  });
});

describe('proposals of one’s groups', () => {
  it('tells every member of a group of its proposal’s outcome, naming the group', () => {
    const g77 = { code: 'G77', name: 'G77 and China' };
    const byPakistan = proposalView({
      id: 'g',
      delegation: g77,
      tabledBy: { code: 'PAK', name: 'Pakistan' },
    });
    const india = { role: 'delegate' as const, delegation: 'IND' };
    const before = ownMarks([byPakistan], india);
    expect(Object.keys(before)).toEqual(['g']);
    const [n] = ownChanges(
      before,
      [{ ...byPakistan, status: 'not-retained' }],
      india,
      '2022-04-08T16:00:00.000Z',
    );
    expect(n).toMatchObject({ kind: 'own', change: 'set-aside', group: 'G77 and China' });
    const m = messages.notifications.own;
    expect(m.setAside(m.subject('amend', 'OP5', ''), 'G77 and China')).toBe(
      'The G77 and China’s amendment to OP5 was set aside (not retained).',
    );
    // Someone outside the group hears nothing of it.
    expect(ownMarks([byPakistan], { role: 'delegate', delegation: 'NOR' })).toEqual({});
  });
});

describe('support given to others', () => {
  const usa = { code: 'USA', name: 'United States' };
  const supported = proposalView({
    id: 's',
    delegation: { code: 'G77', name: 'G77 and China' },
    tabledBy: { code: 'PAK', name: 'Pakistan' },
    supporters: [usa],
    changes: [{ from: '', to: '', deleted: 'some regions', inserted: 'all regions' }],
  });
  const US = { role: 'delegate', delegation: 'USA' } as const;
  const at = '2022-04-08T16:00:00.000Z';

  it('tells a supporter when the words it supported were changed and its support dropped', () => {
    const before = supportMarks([supported, proposalView({ id: 'other' })], US);
    expect(before).toEqual({ s: 1 });
    const reworded = {
      ...supported,
      version: 2,
      supporters: [],
      changes: [{ from: '', to: '', deleted: 'some regions', inserted: 'every region' }],
    };
    const told = supportChanges(before, [reworded], US, at);
    expect(told).toEqual([
      {
        id: 'support-s-2',
        at,
        kind: 'support-dropped',
        proposalId: 's',
        proposalKind: 'amend',
        by: 'G77 and China',
        pid: 'op1',
        excerpt: 'some regions → every region',
      },
    ]);
  });

  it('says nothing when the delegation withdrew its own support, or the proposal kept it', () => {
    const before = supportMarks([supported], US);
    expect(supportChanges(before, [{ ...supported, supporters: [] }], US, at)).toEqual([]);
    expect(supportChanges(before, [{ ...supported, version: 2 }], US, at)).toEqual([]);
    expect(supportMarks([supported], EU)).toEqual({});
    expect(supportMarks([supported], { role: 'observer', delegation: null })).toEqual({});
  });
});

describe('the notifier', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('toasts what happens after it has synced, not what was there before', () => {
    const mine = proposalView({ id: 'a', readingId: 'r2' });
    const fake = fakeBoard({ synced: false, proposals: [mine] });
    const notifier = createNotifier({
      negotiationId: 'n',
      viewer: EU,
      board: fake.board,
      memory: memory(),
      now: () => Date.parse('2022-04-08T12:00:00Z'),
    });
    fake.set({ synced: true, negotiation: state(reading()), notices: [closed] });
    expect(notifier.getState()).toMatchObject({ items: [], toasts: [], unread: 0 });

    const reopened: Notice = {
      ...closed,
      id: 'n2',
      kind: 'revision-circulated',
      revisionLabel: 'Rev.2',
    } as Notice;
    fake.set({ notices: [closed, reopened], proposals: [{ ...mine, status: 'not-retained' }] });
    const s = notifier.getState();
    expect(s.toasts.map((t) => t.id)).toEqual(['n2', expect.stringMatching(/^own-a-set-aside/)]);
    expect(s.items.map((i) => i.kind)).toEqual(['own', 'notice']);
    expect(s.unread).toBe(2);
    notifier.dismissToast('n2');
    expect(notifier.getState().toasts.length).toBe(1);
    expect(notifier.getState().items.length).toBe(2);
    notifier.markAllRead();
    expect(notifier.getState().unread).toBe(0);
    notifier.destroy();
  });

  it('lists what changed since the last visit as unread, without toasts', () => {
    const store = memory();
    const mine = proposalView({ id: 'a', readingId: 'r2' });
    const first = fakeBoard({ synced: true, negotiation: state(reading()), proposals: [mine], notices: [] });
    createNotifier({ negotiationId: 'n', viewer: EU, board: first.board, memory: store }).destroy();

    const later = fakeBoard({
      synced: true,
      negotiation: state(null),
      proposals: [{ ...mine, status: 'carried-forward' }],
      notices: [closed],
    });
    const s = createNotifier({
      negotiationId: 'n',
      viewer: EU,
      board: later.board,
      memory: store,
    }).getState();
    expect(s.toasts).toEqual([]);
    expect(s.unread).toBe(2);
    expect(s.items.every((i) => i.sinceLastVisit)).toBe(true);
  });

  it('tells everyone at the instant the open reading’s deadline passes, once', () => {
    vi.setSystemTime(new Date('2022-04-08T21:59:00Z'));
    const fake = fakeBoard({ synced: true, negotiation: state(reading()), notices: [] });
    const notifier = createNotifier({ negotiationId: 'n', viewer: EU, board: fake.board, memory: null });
    vi.advanceTimersByTime(59_000);
    expect(notifier.getState().toasts).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(notifier.getState().toasts).toEqual([
      expect.objectContaining({ kind: 'deadline-passed', readingNumber: 2 }),
    ]);
    fake.set({ notices: [] });
    vi.advanceTimersByTime(3600_000);
    expect(notifier.getState().items.length).toBe(1);
    notifier.destroy();
  });

  it('waits for an extended deadline instead', () => {
    vi.setSystemTime(new Date('2022-04-08T21:59:00Z'));
    const fake = fakeBoard({ synced: true, negotiation: state(reading()), notices: [] });
    const notifier = createNotifier({ negotiationId: 'n', viewer: EU, board: fake.board, memory: null });
    fake.set({ negotiation: state(reading({ deadline: '2022-04-09T22:00:00.000Z' })) });
    vi.advanceTimersByTime(120_000);
    expect(notifier.getState().toasts).toEqual([]);
    vi.advanceTimersByTime(86_400_000);
    expect(notifier.getState().toasts.length).toBe(1);
    notifier.destroy();
  });
});

describe('one’s own actions', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const COFAC: Viewer = { role: 'facilitator', delegation: null };
  const start = (personId: string | undefined) => {
    const ours = proposalView({
      id: 'f',
      readingId: 'r2',
      byFacilitators: true,
      delegation: { code: 'FACILITATORS', name: 'Co-facilitators' },
    });
    const fake = fakeBoard({ synced: true, negotiation: state(reading()), proposals: [ours] });
    const notifier = createNotifier({
      negotiationId: 'n',
      viewer: COFAC,
      ...(personId ? { personId } : {}),
      board: fake.board,
      memory: memory(),
      now: () => Date.parse('2022-04-08T12:00:00Z'),
    });
    return { fake, notifier, ours };
  };

  it('lists, read and without a toast, the notice of what the person did; toasts the colleague’s', () => {
    const { fake, notifier } = start('p-lux');
    fake.set({ notices: [{ ...closed, by: 'p-lux' }] });
    expect(notifier.getState().toasts).toEqual([]);
    expect(notifier.getState().unread).toBe(0);
    expect(notifier.getState().items.map((i) => [i.id, i.unread])).toEqual([['n1', false]]);
    fake.set({
      notices: [
        { ...closed, by: 'p-lux' },
        { ...closed, id: 'n2', by: 'p-bgd' },
      ],
    });
    expect(notifier.getState().toasts.map((t) => t.id)).toEqual(['n2']);
    expect(notifier.getState().unread).toBe(1);
  });

  it('does not toast a change the person made to their own side’s proposal', () => {
    const { fake, notifier, ours } = start('p-lux');
    const at = '2022-04-08T12:00:00.000Z';
    fake.set({
      proposals: [{ ...ours, status: 'incorporated', appliedAt: at, updatedAt: at }],
      changedBy: new Map([['f', 'p-lux']]),
    });
    expect(notifier.getState().toasts).toEqual([]);
    expect(notifier.getState().items).toHaveLength(1);
    expect(notifier.getState().items[0]).toMatchObject({ kind: 'own', change: 'applied', unread: false });
  });

  it('toasts as before when it cannot tell who acted', () => {
    const { fake, notifier } = start(undefined);
    fake.set({ notices: [{ ...closed, by: 'p-lux' }] });
    expect(notifier.getState().toasts.map((t) => t.id)).toEqual(['n1']);
    const other = start('p-lux');
    other.fake.set({ notices: [closed] });
    expect(other.notifier.getState().toasts.map((t) => t.id)).toEqual(['n1']);
  });
});

describe('the paragraph of an own proposal', () => {
  const at = '2022-04-08T12:00:00.000Z';
  const start = (lookupLabels?: () => Promise<ReadonlyMap<string, string>>) => {
    const onBasis = proposalView({ id: 'a', pid: 'op05', readingId: 'r2' });
    const added = proposalView({ id: 'b', pid: 'new1', kind: 'comment', text: 'We ask for data.' });
    const fake = fakeBoard({
      synced: true,
      negotiation: state(reading()),
      proposals: [onBasis, added],
      numbering: new Map([['op05', 'OP5']]),
    });
    const notifier = createNotifier({
      negotiationId: 'n',
      viewer: EU,
      board: fake.board,
      memory: memory(),
      ...(lookupLabels ? { lookupLabels } : {}),
    });
    return { fake, notifier, onBasis, added };
  };
  const labels = (n: ReturnType<typeof start>['notifier']) =>
    n.getState().items.map((i) => (i.kind === 'own' ? [i.proposalId, i.label] : [i.id]));

  it('numbers it from the published basis at once, without asking the server', () => {
    const lookup = vi.fn(async () => new Map<string, string>());
    const { fake, notifier, onBasis } = start(lookup);
    fake.set({ proposals: [{ ...onBasis, status: 'not-retained', updatedAt: at }] });
    expect(labels(notifier)).toEqual([['a', 'OP5']]);
    expect(lookup).not.toHaveBeenCalled();
    expect(
      messages.notifications.own.setAside(messages.notifications.own.subject('amend', 'OP5', 'a → b')),
    ).toBe('Your amendment to OP5 “a → b” was set aside (not retained).');
  });

  it('asks the live text for a paragraph added during the reading (OP5bis), keeping the order of what came', async () => {
    let answer: (m: ReadonlyMap<string, string>) => void = () => undefined;
    const lookup = vi.fn(() => new Promise<ReadonlyMap<string, string>>((resolve) => (answer = resolve)));
    const { fake, notifier, onBasis, added } = start(lookup);
    fake.set({ proposals: [onBasis, { ...added, status: 'incorporated', updatedAt: at }] });
    fake.set({
      proposals: [
        { ...onBasis, status: 'not-retained', updatedAt: at },
        { ...added, status: 'incorporated', updatedAt: at },
      ],
    });
    // Nothing yet: the first change waits for its number, the second for the first.
    await vi.waitFor(() => expect(lookup).toHaveBeenCalled());
    expect(notifier.getState().items).toEqual([]);
    answer(new Map([['new1', 'OP5bis']]));
    await vi.waitFor(() => expect(notifier.getState().items).toHaveLength(2));
    expect(labels(notifier)).toEqual([
      ['a', 'OP5'],
      ['b', 'OP5bis'],
    ]);
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(messages.notifications.own.subject('insert', 'OP5bis', '')).toBe('new paragraph after OP5bis');
  });

  it('goes without the number when the server cannot say', async () => {
    const { fake, notifier, added } = start(async () => {
      throw new Error('offline');
    });
    fake.set({ proposals: [{ ...added, status: 'incorporated', updatedAt: at }] });
    await vi.waitFor(() => expect(notifier.getState().items).toHaveLength(1));
    expect(labels(notifier)).toEqual([['b', undefined]]);
    expect(messages.notifications.own.subject('comment', undefined, 'We ask')).toBe('comment “We ask”');
  });
});
