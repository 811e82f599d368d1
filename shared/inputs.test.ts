import { describe, expect, it } from 'vitest';
import { compileInputs, type GuidingQuestion, type InputView } from './inputs.js';

const q = (number: number): GuidingQuestion => ({
  id: `q${number}`,
  number,
  target: { type: 'reading', id: 'r2' },
  text: `Question ${number}?`,
  createdAt: '2022-04-06T20:00:00Z',
});
let n = 0;
const input = (data: Partial<InputView>): InputView => ({
  id: `i${++n}`,
  readingId: 'r2',
  kind: 'general',
  questionId: null,
  pid: null,
  source: 'member-state',
  delegation: { code: 'EU', name: 'European Union' },
  tabledBy: null,
  personName: 'Delegate',
  text: 'Text',
  version: 1,
  createdAt: `2022-04-08T1${n}:00:00Z`,
  updatedAt: `2022-04-08T1${n}:00:00Z`,
  ...data,
});

describe('compileInputs', () => {
  const mex = { code: 'MEX', name: 'Mexico' };
  const inputs = [
    input({ kind: 'answer', questionId: 'q2', delegation: mex }),
    input({ kind: 'paragraph', pid: 'op9' }),
    input({ kind: 'general' }),
    input({ kind: 'answer', questionId: 'q1' }),
    input({ kind: 'paragraph', pid: 'gone', delegation: mex }),
    input({ kind: 'paragraph', pid: 'pp1', delegation: mex }),
    input({ kind: 'answer', questionId: 'q1', source: 'stakeholder', delegation: null, personName: 'NGO' }),
  ];
  const c = compileInputs(
    inputs,
    [q(2), q(1)],
    [
      { pid: 'pp1', label: 'PP1', excerpt: 'Recalling' },
      { pid: 'op9', label: 'OP9', excerpt: 'We commit' },
    ],
  );

  it('groups answers under their question in question order, stakeholders apart', () => {
    expect(c.questions.map((g) => [g.question.number, g.inputs.map((i) => i.delegation?.code)])).toEqual([
      [1, ['EU']],
      [2, ['MEX']],
    ]);
    expect(c.stakeholders.map((i) => i.personName)).toEqual(['NGO']);
    expect(c.general).toHaveLength(1);
  });

  it('groups paragraph comments in text order, with vanished paragraphs last', () => {
    expect(c.paragraphs.map((g) => g.paragraph.label)).toEqual([
      'PP1',
      'OP9',
      'Paragraph no longer in the text',
    ]);
  });

  it('groups Member States’ inputs by delegation, alphabetically, and counts them', () => {
    expect(c.delegations.map((g) => [g.delegation.name, g.inputs.length])).toEqual([
      ['European Union', 3],
      ['Mexico', 3],
    ]);
    expect(c.counts).toEqual({ memberStates: 6, stakeholders: 1, delegations: 2 });
  });
});
