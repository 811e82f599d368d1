import { describe, expect, it } from 'vitest';
import type { ProposalView } from '../../shared/proposals.js';
import { proposalView } from '../../shared/proposalView.fixture.js';
import type { CanonicalSnapshot } from '../../shared/snapshot.js';
import { compileSnapshot } from './snapshotText.js';

const proposal = (id: string, status: ProposalView['status']): ProposalView =>
  proposalView({
    id,
    delegation: { code: 'EU', name: 'European Union' },
    personName: 'Delegate, European Union',
    createdAt: `2022-03-28T14:0${id}:00Z`,
    updatedAt: '2022-03-28T14:00:00Z',
    readingId: 'r',
    status,
    changes: [{ from: 'x', to: 'x', deleted: '', inserted: 'fully ' }],
    text: 'We reaffirm our fully commitment.',
  });

const snapshot = (kind: CanonicalSnapshot['kind']): CanonicalSnapshot => ({
  format: 1,
  negotiationId: 'n',
  kind,
  label: 'First reading',
  takenAt: '2022-03-30T17:30:00Z',
  blocks: [
    { type: 'title', text: 'Declaration', runs: [{ text: 'Declaration' }] },
    { type: 'operative', pid: 'op1', label: 'OP1', text: 'We reaffirm our commitment.', runs: [] },
  ],
  proposals: [
    { proposal: proposal('1', 'not-retained'), ranges: [{ from: 16, to: 16 }] },
    { proposal: proposal('2', 'withdrawn'), ranges: [{ from: 16, to: 16 }] },
    { proposal: proposal('3', 'open'), ranges: [{ from: 16, to: 16 }] },
  ],
  paragraphStatuses: { op1: 'bracketed' },
});

const shownIds = (blocks: ReturnType<typeof compileSnapshot>) =>
  blocks.flatMap((b) =>
    b.type === 'paragraph'
      ? b.paragraph.segments.flatMap((s) => (s.type === 'cluster' ? s.entries.map((e) => e.proposal.id) : []))
      : [],
  );

describe('compileSnapshot', () => {
  it('shows a closed reading’s proposals with their outcomes, but not the withdrawn', () => {
    const blocks = compileSnapshot(snapshot('reading'), 'compilation');
    expect(blocks[0]).toEqual({ type: 'title', key: 'b0', text: 'Declaration' });
    expect(shownIds(blocks)).toEqual(['1', '3']);
    expect(blocks[1]!.type === 'paragraph' && blocks[1]!.paragraph.status).toBe('bracketed');
  });

  it('shows only open proposals of the live text, and none in the clean view', () => {
    expect(shownIds(compileSnapshot(snapshot('live'), 'compilation'))).toEqual(['3']);
    expect(shownIds(compileSnapshot(snapshot('reading'), 'clean'))).toEqual([]);
  });
});
