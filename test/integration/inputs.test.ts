/** Written inputs through the real server: attribution, editing rules, visibility, deadlines, compilation. */
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import type { GuidingQuestion, InputCompilation, InputView } from '../../shared/inputs.js';
import { api } from '../support/auth.js';
import { closeReadingWithAll } from '../support/readings.js';
import { startTestServer, type TestServer } from '../support/server.js';

let ts: TestServer;
const c: Record<string, string> = {};
const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;

type Overview = {
  reading: { id: string; number: number; deadline: string; open: boolean } | null;
  questions: GuidingQuestion[];
  inputs: InputView[];
  paragraphs: { pid: string; label: string }[];
  stakeholderInputsVisible: boolean;
  submitAs: { source: string; delegation: string | null; options: string[] } | null;
};
type Answer = {
  input: InputView;
  error: { code: string; message: string; details?: Record<string, unknown> };
};

beforeAll(async () => {
  ts = await startTestServer();
  for (const id of ['demo-cofac-bgd', 'demo-eu', 'demo-usa', 'demo-pak', 'demo-egy', 'demo-observer'])
    c[id] = await ts.signIn(id);
});
afterAll(async () => {
  await ts.stop();
});

const overview = async (who: string) =>
  (await api<Overview>(ts.url, 'GET', `${base}/inputs`, { cookie: c[who] })).body;
const submit = (who: string, body: unknown) =>
  api<Answer>(ts.url, 'POST', `${base}/inputs`, { cookie: c[who], body });
const edit = (who: string, id: string, text: string) =>
  api<Answer>(ts.url, 'PATCH', `${base}/inputs/${id}`, { cookie: c[who], body: { text } });
const count = () => (ts.storage.db.prepare('SELECT COUNT(*) AS n FROM inputs').get() as { n: number }).n;
const setDeadline = (readingId: string, deadline: string) =>
  ts.storage.db.prepare('UPDATE readings SET deadline = ? WHERE id = ?').run(deadline, readingId);

let questions: GuidingQuestion[] = [];
let readingId = '';

describe('the demo inputs', () => {
  it('opens the second reading with three guiding questions; each sees only what is theirs to see', async () => {
    const eu = await overview('demo-eu');
    expect(eu.reading).toMatchObject({ number: 2, open: true });
    expect(eu.questions.map((q) => q.number)).toEqual([1, 2, 3]);
    expect(eu.inputs).toEqual([]);
    expect(eu.submitAs).toEqual({ source: 'member-state', delegation: 'EU', options: ['EU'] });
    expect(eu.paragraphs.find((p) => p.pid === 'op09')?.label).toMatch(/^OP\d+$/);
    const egypt = await overview('demo-egy');
    expect(egypt.inputs.map((i) => i.delegation?.code)).toEqual(['G77']);
    expect((await overview('demo-observer')).inputs.map((i) => i.source)).toEqual(['stakeholder']);
    expect((await overview('demo-cofac-bgd')).inputs).toHaveLength(4);
    questions = eu.questions;
    readingId = eu.reading!.id;
  });
});

describe('attribution', () => {
  it('attributes an answer to the caller’s delegation, from the session', async () => {
    const r = await submit('demo-eu', {
      kind: 'answer',
      questionId: questions[0]!.id,
      text: '  Our answer.  ',
    });
    expect(r.status).toBe(201);
    expect(r.body.input).toMatchObject({
      kind: 'answer',
      source: 'member-state',
      delegation: { code: 'EU', name: 'European Union' },
      tabledBy: null,
      personName: 'Delegate, European Union',
      text: 'Our answer.',
      version: 1,
      readingId,
    });
  });

  it('refuses an input for another delegation, or with attribution fields, storing nothing', async () => {
    const before = count();
    const other = await submit('demo-eu', { kind: 'general', text: 'x', delegation: 'USA' });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('NOT_YOUR_DELEGATION');
    const smuggled = await submit('demo-eu', { kind: 'general', text: 'x', personName: 'Someone else' });
    expect(smuggled.body.error.code).toBe('INVALID_BODY');
    const stakeholder = await submit('demo-observer', { kind: 'general', text: 'x', delegation: 'EU' });
    expect(stakeholder.body.error.code).toBe('NOT_YOUR_DELEGATION');
    const facilitator = await submit('demo-cofac-bgd', { kind: 'general', text: 'x' });
    expect(facilitator.body.error.code).toBe('FORBIDDEN');
    expect(count()).toBe(before);
  });

  it('lets a member table on behalf of its group, and only once per topic', async () => {
    const r = await submit('demo-pak', {
      kind: 'answer',
      questionId: questions[1]!.id,
      text: 'G77 view.',
      delegation: 'G77',
    });
    expect(r.body.input).toMatchObject({ delegation: { code: 'G77' }, tabledBy: { code: 'PAK' } });
    const again = await submit('demo-pak', { kind: 'general', delegation: 'G77', text: 'Again.' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INPUT_EXISTS');
    expect(again.body.error.details?.inputId).toEqual(expect.any(String));
  });

  it('keeps stakeholders’ inputs apart, under the observer’s name', async () => {
    const r = await submit('demo-observer', { kind: 'general', text: 'A stakeholder view.' });
    expect(r.body.input).toMatchObject({
      source: 'stakeholder',
      delegation: null,
      personName: 'Observer, civil society',
    });
  });

  it('refuses empty, oversized and misdirected inputs with clear codes', async () => {
    const before = count();
    const cases: [unknown, number, string][] = [
      [{ kind: 'paragraph', pid: 'op01', text: '' }, 400, 'INPUT_EMPTY'],
      [{ kind: 'paragraph', pid: 'op01', text: ' \n\t ' }, 400, 'INPUT_EMPTY'],
      [{ kind: 'paragraph', pid: 'op01', text: 'x'.repeat(20_001) }, 413, 'INPUT_TOO_LONG'],
      [{ kind: 'paragraph', pid: 'nope', text: 'x' }, 404, 'PARAGRAPH_NOT_FOUND'],
      [{ kind: 'answer', questionId: 'nope', text: 'x' }, 404, 'QUESTION_NOT_FOUND'],
      [{ kind: 'answer', text: 'x' }, 400, 'INVALID_BODY'],
      [{ kind: 'opinion', text: 'x' }, 400, 'INVALID_BODY'],
    ];
    for (const [body, status, code] of cases) {
      const r = await submit('demo-usa', body);
      expect([r.status, r.body.error.code], JSON.stringify(body).slice(0, 80)).toEqual([status, code]);
      expect(r.body.error.message.length).toBeGreaterThan(5);
    }
    const huge = await api<Answer>(ts.url, 'POST', `${base}/inputs`, {
      cookie: c['demo-usa'],
      rawBody: JSON.stringify({ kind: 'general', text: 'x'.repeat(300_000) }),
    });
    expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(count()).toBe(before);
  });
});

describe('editing', () => {
  it('lets the submitting delegation edit until the deadline, keeping every version', async () => {
    const created = await submit('demo-usa', { kind: 'paragraph', pid: 'op05', text: 'First thoughts.' });
    const id = created.body.input.id;
    const edited = await edit('demo-usa', id, 'Second thoughts.');
    expect(edited.body.input).toMatchObject({ text: 'Second thoughts.', version: 2 });
    expect(Date.parse(edited.body.input.updatedAt)).toBeGreaterThanOrEqual(
      Date.parse(created.body.input.createdAt),
    );
    const history = await api<{ versions: { version: number; text: string }[] }>(
      ts.url,
      'GET',
      `${base}/inputs/${id}/history`,
      { cookie: c['demo-usa'] },
    );
    expect(history.body.versions.map((v) => [v.version, v.text])).toEqual([
      [1, 'First thoughts.'],
      [2, 'Second thoughts.'],
    ]);
    expect((await edit('demo-usa', id, 'Second thoughts.')).body.error.code).toBe('NO_CHANGE');
    expect((await edit('demo-usa', id, '')).body.error.code).toBe('INPUT_EMPTY');
  });

  it('refuses edits by anyone else, even a member of the same group', async () => {
    const euInput = (await overview('demo-eu')).inputs.find((i) => i.delegation?.code === 'EU')!;
    const r = await edit('demo-usa', euInput.id, 'Hijacked.');
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('NOT_YOUR_INPUT');
    expect((await edit('demo-cofac-bgd', euInput.id, 'Hijacked.')).body.error.code).toBe('NOT_YOUR_INPUT');
    const g77 = (await overview('demo-egy')).inputs.find((i) => i.tabledBy?.code === 'PAK')!;
    expect((await edit('demo-egy', g77.id, 'Hijacked.')).body.error.code).toBe('NOT_YOUR_INPUT');
    expect((await edit('demo-usa', 'nope', 'x')).body.error.code).toBe('INPUT_NOT_FOUND');
    expect((await overview('demo-eu')).inputs.find((i) => i.id === euInput.id)!.text).toBe('Our answer.');
  });
});

describe('visibility of stakeholders’ inputs', () => {
  it('is for the co-facilitators to decide', async () => {
    expect((await overview('demo-usa')).inputs.some((i) => i.source === 'stakeholder')).toBe(false);
    const refused = await api<Answer>(ts.url, 'PUT', `${base}/inputs/settings`, {
      cookie: c['demo-eu'],
      body: { stakeholderInputsVisible: true },
    });
    expect(refused.body.error.code).toBe('NOT_FACILITATOR');
    const set = await api(ts.url, 'PUT', `${base}/inputs/settings`, {
      cookie: c['demo-cofac-bgd'],
      body: { stakeholderInputsVisible: true },
    });
    expect(set.status).toBe(200);
    const usa = await overview('demo-usa');
    expect(usa.stakeholderInputsVisible).toBe(true);
    expect(usa.inputs.filter((i) => i.source === 'stakeholder')).toHaveLength(2);
    expect(usa.inputs.some((i) => i.delegation?.code === 'EU')).toBe(false);
  });
});

describe('guiding questions', () => {
  it('are posted by the co-facilitators, numbered within the reading', async () => {
    const posted = await api<{ question: GuidingQuestion } & Answer>(ts.url, 'POST', `${base}/questions`, {
      cookie: c['demo-cofac-bgd'],
      body: { text: 'What else should the co-facilitators consider?' },
    });
    expect(posted.status).toBe(201);
    expect(posted.body.question).toMatchObject({ number: 4, target: { type: 'reading', id: readingId } });
    const refused = await api<Answer>(ts.url, 'POST', `${base}/questions`, {
      cookie: c['demo-eu'],
      body: { text: 'May I?' },
    });
    expect(refused.body.error.code).toBe('NOT_FACILITATOR');
    const empty = await api<Answer>(ts.url, 'POST', `${base}/questions`, {
      cookie: c['demo-cofac-bgd'],
      body: { text: ' ' },
    });
    expect(empty.body.error.code).toBe('INVALID_BODY');
  });
});

describe('the compilation', () => {
  it('arranges every input by question, paragraph and delegation, for the co-facilitators only', async () => {
    const r = await api<{ compilation: InputCompilation }>(ts.url, 'GET', `${base}/inputs/compilation`, {
      cookie: c['demo-cofac-bgd'],
    });
    const k = r.body.compilation;
    expect(k.questions[0]!.inputs.map((i) => i.delegation?.code)).toEqual(['MEX', 'EU']);
    expect(k.questions[1]!.inputs.map((i) => i.delegation?.code)).toEqual(['G77']);
    expect(k.paragraphs.map((p) => p.inputs[0]!.delegation?.code).sort()).toEqual(['PHL', 'USA']);
    expect(k.delegations.map((d) => d.delegation.name)).toEqual([
      'European Union',
      'G77 and China',
      'Mexico',
      'Philippines',
      'United States',
    ]);
    expect(k.stakeholders).toHaveLength(2);
    const refused = await api<Answer>(ts.url, 'GET', `${base}/inputs/compilation`, { cookie: c['demo-eu'] });
    expect(refused.body.error.code).toBe('NOT_FACILITATOR');
  });

  it('exports it as a Word document', async () => {
    const res = await fetch(`${ts.url}${base}/inputs/compilation.docx`, {
      headers: { cookie: c['demo-cofac-bgd']! },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/wordprocessingml/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    expect(value).toContain('Compilation of written inputs — Second reading');
    expect(value).toContain(`Question 1: ${questions[0]!.text}`);
    expect(value).toContain('Our answer.');
    expect(value).toContain('Observer, civil society (stakeholder)');
    expect(
      (await fetch(`${ts.url}${base}/inputs/compilation.docx`, { headers: { cookie: c['demo-eu']! } }))
        .status,
    ).toBe(403);
  });
});

describe('the deadline', () => {
  it('refuses inputs and edits once it has passed, and accepts them after the co-facilitators extend it', async () => {
    const mine = (await overview('demo-eu')).inputs.find((i) => i.delegation?.code === 'EU')!;
    setDeadline(readingId, '2022-04-12T22:00:00.000Z');
    const before = count();
    const late = await submit('demo-eu', { kind: 'general', text: 'Late comment.' });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({
      code: 'INPUT_DEADLINE_PASSED',
      details: { deadline: '2022-04-12T22:00:00.000Z', timeZone: 'America/New_York' },
    });
    expect(late.body.error.message).toMatch(
      /written inputs in the second reading passed on Tuesday, 12 April 2022/,
    );
    expect((await edit('demo-eu', mine.id, 'Late edit.')).body.error.code).toBe('INPUT_DEADLINE_PASSED');
    expect(count()).toBe(before);
    expect((await overview('demo-eu')).inputs.find((i) => i.id === mine.id)!.text).toBe('Our answer.');

    const extended = await api(ts.url, 'PUT', `${base}/readings/${readingId}/deadline`, {
      cookie: c['demo-cofac-bgd'],
      body: { deadline: new Date(Date.now() + 3600_000).toISOString() },
    });
    expect(extended.status).toBe(200);
    expect((await submit('demo-eu', { kind: 'general', text: 'Late comment.' })).status).toBe(201);
    expect((await edit('demo-eu', mine.id, 'Late edit.')).status).toBe(200);
  });

  it('refuses inputs when no reading is open', async () => {
    const closed = await closeReadingWithAll(
      ts.url,
      c['demo-cofac-bgd']!,
      DEMO_NEGOTIATION_ID,
      readingId,
      'carry-forward',
    );
    expect(closed.status).toBe(200);
    const r = await submit('demo-usa', { kind: 'general', text: 'After the reading.' });
    expect(r.body.error.code).toBe('NO_OPEN_READING');
    expect(r.body.error.message).toMatch(/written inputs/);
  });
});
