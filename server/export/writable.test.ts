/**
 * Records stored before text was checked may hold characters XML cannot (issue 14, case 10): every
 * writer leaves them out, so each export still opens in a strict XML parser.
 */
import { describe, expect, it } from 'vitest';
import { compareSnapshots } from '../../shared/compare.js';
import { compileInputs, type InputView } from '../../shared/inputs.js';
import { proposalView } from '../../shared/proposalView.fixture.js';
import type { CanonicalSnapshot } from '../../shared/snapshot.js';
import { writable } from '../../shared/textValidation.js';
import { strictDocxParts } from '../../test/support/strictXml.js';
import { compilationDocx } from '../inputs/docx.js';
import { roadmapCalendar } from '../roadmap/ics.js';
import { comparisonToDocx, snapshotToDocx } from './docx.js';

/** Every character XML 1.0 cannot hold that a JavaScript string can, and some it can but records may not. */
const BAD = '\uFFFE\uFFFF\u0000\u0007\u000B\u001B\uDC00\uD800\u0085\uFDD0';
const dirty = (text: string) => `${text.slice(0, 5)}${BAD}${text.slice(5)}`;

const OP1 = 'We commit to strengthen cooperation.';

function snapshot(label: string, op1: string): CanonicalSnapshot {
  return {
    format: 1,
    negotiationId: 'n1',
    kind: 'reading',
    label,
    takenAt: '2022-04-04T14:00:00Z',
    blocks: [
      { type: 'title', text: dirty('Progress Declaration'), runs: [{ text: dirty('Progress Declaration') }] },
      { type: 'operative', pid: 'op1', label: 'OP1', text: op1, runs: [{ text: op1 }] },
    ],
    proposals: [
      {
        proposal: proposalView({
          kind: 'comment',
          text: dirty('A comment the reading closed with.'),
          personName: dirty('Delegate'),
        }),
        ranges: null,
      },
      {
        proposal: proposalView({
          changes: [{ from: 'a', to: 'b', deleted: '', inserted: dirty('further ') }],
        }),
        ranges: [{ from: 10, to: 10 }],
      },
    ],
    paragraphStatuses: {},
  };
}

const closed = snapshot(dirty('First reading'), dirty(OP1));
const textOf = (parts: Record<string, string>) => parts['word/document.xml']!.replace(/<[^>]+>/g, '');

describe('writers of records', () => {
  it('write a snapshot holding bad characters as valid XML, clean and as a compilation', async () => {
    for (const mode of ['clean', 'compilation'] as const) {
      const parts = await strictDocxParts(await snapshotToDocx(closed, { mode, title: dirty('Title') }));
      expect(textOf(parts)).toContain('strengthen cooperation.');
      if (mode === 'compilation') expect(textOf(parts)).toContain('A comment the reading closed with.');
    }
  });

  it('write a comparison with such a snapshot as valid XML', async () => {
    const parts = await strictDocxParts(
      await comparisonToDocx(compareSnapshots(closed, snapshot('Rev.1', `${OP1} Again.`)), {
        title: dirty('Title'),
        olderLabel: dirty('First reading'),
        newerLabel: 'Rev.1',
      }),
    );
    expect(textOf(parts)).toContain('Again.');
  });

  it('write the compilation of written inputs as valid XML', async () => {
    const input: InputView = {
      id: 'i1',
      readingId: 'r1',
      kind: 'general',
      questionId: null,
      pid: null,
      source: 'stakeholder',
      delegation: null,
      tabledBy: null,
      personName: dirty('Observer'),
      text: dirty('An input stored before checks.\nSecond line.'),
      version: 1,
      createdAt: '2022-03-28T10:00:00Z',
      updatedAt: '2022-03-28T10:00:00Z',
    };
    const parts = await strictDocxParts(
      await compilationDocx({
        negotiationTitle: dirty('Title'),
        readingLabel: 'First reading',
        deadline: '2022-03-29T22:00:00Z',
        timeZone: 'America/New_York',
        compiledAt: new Date('2022-03-30T10:00:00Z'),
        compilation: compileInputs([input], [], []),
      }),
    );
    expect(textOf(parts)).toContain('Second line.');
  });

  it('write the iCalendar file without control characters or noncharacters', () => {
    const ics = roadmapCalendar({
      negotiationId: 'n1',
      title: dirty('Progress Declaration'),
      timeZone: 'America/New_York',
      generatedAt: new Date('2022-03-01T00:00:00Z'),
      readings: [],
      entries: [
        {
          id: 'e1',
          kind: 'activity',
          title: dirty('First reading'),
          precision: 'time',
          slots: [{ start: '2022-03-28T10:00', end: '2022-03-28T13:00', room: dirty('Conference Room 3') }],
          format: 'in-person',
          audience: 'member-states',
          tentative: false,
          note: dirty('Two days are booked.'),
          link: null,
          version: 1,
          updatedAt: '2022-03-01T15:00:00Z',
        },
      ],
    });
    // Nothing a writer leaves out is left in; carriage returns only before line feeds.
    expect(writable(ics)).toBe(ics);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\r');
    expect(ics.replace(/\r\n /g, '')).toContain('Two days are booked.');
  });
});
