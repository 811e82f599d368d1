import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { compileInputs, type InputView } from '../../shared/inputs.js';
import { compilationDocx } from './docx.js';

const input = (id: string, code: string, source: InputView['source'] = 'member-state'): InputView => ({
  id,
  readingId: 'r1',
  kind: 'general',
  questionId: null,
  pid: null,
  source,
  delegation: source === 'member-state' ? { code, name: code } : null,
  tabledBy: null,
  personName: 'A delegate',
  text: `Comment ${id}.`,
  version: 1,
  createdAt: `2022-04-0${id.length}T10:00:00.000Z`,
  updatedAt: `2022-04-0${id.length}T10:00:00.000Z`,
});

async function summary(inputs: InputView[]): Promise<string> {
  const bytes = await compilationDocx({
    negotiationTitle: 'Declaration',
    readingLabel: 'First reading',
    deadline: '2022-04-12T22:00:00.000Z',
    timeZone: 'Europe/Zurich',
    compiledAt: new Date('2022-04-13T08:00:00.000Z'),
    compilation: compileInputs(inputs, [], []),
  });
  const { value } = await mammoth.extractRawText({ buffer: bytes });
  return value.split('\n').find((line) => line.startsWith('Deadline')) ?? '';
}

describe('compilationDocx', () => {
  it('counts in the singular for one and the plural otherwise', async () => {
    expect(await summary([input('a', 'EU')])).toMatch(
      /\. 1 input from 1 delegation; 0 stakeholder inputs\.$/,
    );
    expect(await summary([input('a', 'EU'), input('bb', 'MEX'), input('ccc', '', 'stakeholder')])).toMatch(
      /\. 2 inputs from 2 delegations; 1 stakeholder input\.$/,
    );
  });
});
