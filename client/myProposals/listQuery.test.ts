import { describe, expect, it } from 'vitest';
import type { MyProposal } from '../../shared/myProposals.js';
import { listQueryParams, parseListQuery, shownProposals } from './listQuery.js';

const row = (id: string, over: Partial<MyProposal>): MyProposal => ({
  id,
  pid: id,
  kind: 'comment',
  status: 'open',
  outdated: false,
  delegation: { code: 'NOR', name: 'Norway' },
  tabledBy: null,
  supporters: [],
  text: '',
  reservation: false,
  byFacilitators: false,
  changes: [],
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  readingId: 'r1',
  relation: 'own',
  readingLabel: 'First reading',
  readingNumber: 1,
  paragraphLabel: 'OP1',
  tabledAsLabel: null,
  ...over,
});

describe('the list query', () => {
  it('reads known values from the address and ignores the rest', () => {
    expect(parseListQuery(new URLSearchParams('status=withdrawn&reading=2&sort=status'))).toEqual({
      status: 'withdrawn',
      reading: '2',
      sort: 'status',
    });
    expect(parseListQuery(new URLSearchParams('status=bogus&reading=x&sort=delegation'))).toEqual({
      status: null,
      reading: null,
      sort: 'reading',
    });
  });

  it('writes back only what differs from the defaults', () => {
    expect(listQueryParams({ status: null, reading: null, sort: 'reading' })).toEqual({});
    expect(listQueryParams({ status: 'outdated', reading: 'none', sort: 'paragraph' })).toEqual({
      status: 'outdated',
      reading: 'none',
      sort: 'paragraph',
    });
  });

  it('filters by status, outdated and reading, and sorts paragraphs PP before OP, numerically', () => {
    const list = [
      row('a', { paragraphLabel: 'OP10' }),
      row('b', { paragraphLabel: 'OP9', outdated: true }),
      row('c', { paragraphLabel: 'PP3', status: 'withdrawn', readingNumber: 2 }),
      row('d', { paragraphLabel: null, readingNumber: null }),
    ];
    const ids = (q: Parameters<typeof shownProposals>[1]) => shownProposals(list, q).map((p) => p.id);
    expect(ids({ status: null, reading: null, sort: 'paragraph' })).toEqual(['c', 'b', 'a', 'd']);
    expect(ids({ status: null, reading: null, sort: 'reading' })).toEqual(['d', 'b', 'a', 'c']);
    expect(ids({ status: 'outdated', reading: null, sort: 'reading' })).toEqual(['b']);
    expect(ids({ status: 'withdrawn', reading: null, sort: 'reading' })).toEqual(['c']);
    expect(ids({ status: null, reading: 'none', sort: 'reading' })).toEqual(['d']);
    expect(ids({ status: 'open', reading: '1', sort: 'status' })).toEqual(['b', 'a']);
  });
});
