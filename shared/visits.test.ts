import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { paragraphTextType } from './anchors.js';
import { delegationRef } from './proposals.js';
import { proposalView } from './proposalView.fixture.js';
import { DRAFT_FRAGMENT } from './schema.js';
import {
  changesSince,
  draftTexts,
  isNavigable,
  proposalFingerprint,
  type SeenParagraph,
  seenState,
} from './visits.js';

const para = (pid: string, label: string, text: string): SeenParagraph => ({ pid, label, text });

describe('draftTexts', () => {
  it('numbers the paragraphs of a draft document and reads their plain text, headings left out', () => {
    const doc = new Y.Doc();
    const blocks = [
      ['title', '', 'Progress Declaration'],
      ['preambular', 'pp1', 'Recalling the Compact,'],
      ['section', '', 'Commitments'],
      ['operative', 'op1', 'We commit to act.'],
      ['operative', 'op2', 'We decide to meet.'],
    ] as const;
    doc.getXmlFragment(DRAFT_FRAGMENT).insert(
      0,
      blocks.map(([kind, pid, text]) => {
        const e = new Y.XmlElement(kind);
        if (pid) e.setAttribute('pid', pid);
        paragraphTextType(e).insert(0, text);
        return e;
      }),
    );
    expect(draftTexts(doc)).toEqual([
      para('pp1', 'PP1', 'Recalling the Compact,'),
      para('op1', 'OP1', 'We commit to act.'),
      para('op2', 'OP2', 'We decide to meet.'),
    ]);
  });
});

describe('changesSince', () => {
  const then = [
    para('pp1', 'PP1', 'Recalling,'),
    para('op1', 'OP1', 'We act.'),
    para('op2', 'OP2', 'We meet.'),
  ];

  it('finds nothing when nothing changed, and keeps only non-pending statuses', () => {
    const p = proposalView({ pid: 'op1' });
    const seen = seenState(then, { op1: 'pending', op2: 'bracketed' }, [p]);
    expect(seen.statuses).toEqual({ op2: 'bracketed' });
    expect(changesSince(seen, { paragraphs: then, statuses: { op2: 'bracketed' }, proposals: [p] })).toEqual(
      [],
    );
  });

  it('lists text, status and proposal changes in document order, removed paragraphs where they were', () => {
    const old = proposalView({ pid: 'op2' });
    const supported = proposalView({ pid: 'op1' });
    const untouched = proposalView({ pid: 'op1' });
    const seen = seenState(then, {}, [old, supported, untouched]);
    const fresh = proposalView({ pid: 'op1', kind: 'comment', text: 'A remark' });
    const onGone = proposalView({ pid: 'gone' });
    const now = {
      paragraphs: [
        para('pp1', 'PP1', 'Recalling,'),
        para('op1', 'OP1', 'We act now.'),
        para('op3', 'OP2', 'New.'),
      ],
      statuses: { pp1: 'agreed-ad-ref' as const },
      proposals: [
        { ...old, status: 'not-retained' as const },
        { ...supported, supporters: [delegationRef('NOR')] },
        untouched,
        fresh,
        onGone,
      ],
    };
    const changes = changesSince(seen, now);
    expect(changes.map((c) => `${c.kind} ${c.label}${'proposal' in c ? ` ${c.proposal.id}` : ''}`)).toEqual([
      'status PP1',
      'text OP1',
      `tabled OP1 ${fresh.id}`,
      `updated OP1 ${supported.id}`,
      'removed OP2',
      'added OP2',
      `updated OP2 ${old.id}`,
      `tabled  ${onGone.id}`,
    ]);
    expect(changes[1]).toMatchObject({ before: 'We act.', after: 'We act now.' });
    expect(changes[0]).toMatchObject({ before: 'pending', after: 'agreed-ad-ref' });
    expect(changes.filter(isNavigable).map((c) => c.kind)).not.toContain('removed');
  });

  it('sees a new version, an outdated mark and an application as changes, but not a new update time', () => {
    const p = proposalView({ pid: 'op1' });
    const f = proposalFingerprint(p);
    expect(proposalFingerprint({ ...p, updatedAt: '2030-01-01T00:00:00Z' })).toBe(f);
    for (const over of [{ version: 2 }, { outdated: true }, { appliedAt: '2022-04-01T00:00:00Z' }]) {
      expect(proposalFingerprint({ ...p, ...over })).not.toBe(f);
    }
  });
});
