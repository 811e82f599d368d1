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

describe('compileSnapshot of the live text, where the negotiation stands', () => {
  // "fully " was put into OP1 by an amendment applied in reading r2: it begins at 16.
  const text = 'We reaffirm our fully commitment.';
  const applied = proposalView({
    readingId: 'r2',
    status: 'incorporated',
    appliedAt: '2022-04-07T15:00:00Z',
    changes: [{ from: 'x', to: 'x', deleted: '', inserted: 'fully ' }],
  });
  const leftOpen = proposalView({
    readingId: 'r1',
    status: 'open',
    changes: [{ from: 'x', to: 'x', deleted: 'our', inserted: 'their' }],
  });
  const live: CanonicalSnapshot = {
    ...snapshot('live'),
    blocks: [{ type: 'operative', pid: 'op1', label: 'OP1', text, runs: [] }],
    proposals: [
      { proposal: applied, ranges: null, located: [{ from: 16, to: 16 }] },
      { proposal: leftOpen, ranges: [{ from: 12, to: 15 }] },
    ],
  };
  const segments = (ctx: Parameters<typeof compileSnapshot>[2]) => {
    const [block] = compileSnapshot(live, 'compilation', ctx);
    return block?.type === 'paragraph' ? block.paragraph.segments : [];
  };

  it('marks the words the current reading’s incorporated amendments put in, with who proposed them', () => {
    const marked = segments({ openReading: 'r2', traceReading: 'r2' }).filter(
      (s) => s.type === 'incorporated',
    );
    expect(marked).toEqual([{ type: 'incorporated', from: 16, to: 21, text: 'fully', proposal: applied }]);
  });

  it('takes the current reading from the published state, not from the proposals', () => {
    // A third reading opened a moment ago: r2's incorporations are no longer traced.
    expect(segments({ openReading: 'r3', traceReading: 'r3' }).some((s) => s.type === 'incorporated')).toBe(
      false,
    );
    // Until the state is known: no traces.
    expect(segments(null).some((s) => s.type === 'incorporated')).toBe(false);
  });

  it('leaves out what a closed reading left open once the state says which reading is live', () => {
    const clusters = (ctx: Parameters<typeof compileSnapshot>[2]) =>
      segments(ctx).filter((s) => s.type === 'cluster').length;
    expect(clusters({ openReading: 'r2', traceReading: 'r2' })).toBe(0);
    expect(clusters(null)).toBe(1);
  });
});
