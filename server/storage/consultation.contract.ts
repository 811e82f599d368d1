/**
 * The storage contract for the consultation around the text: roadmap entries, calendar feeds,
 * guiding questions and written inputs. Part of `storageContract`.
 */
import { expect, it } from 'vitest';
import type { RoadmapEntryData } from '../../shared/roadmap.js';
import type { InputRecord } from './records.js';
import type { Storage } from './storage.js';

const DATA: RoadmapEntryData = {
  kind: 'deadline',
  title: 'Written comments',
  precision: 'time',
  slots: [{ start: '2022-03-29T18:00', end: null, room: null }],
  format: 'email',
  audience: 'member-states',
  tentative: false,
  note: '',
  link: null,
};

/** A negotiation with a person, a revision and an open reading, for the inputs to refer to. */
async function withReading(s: Storage): Promise<void> {
  await s.createNegotiation(
    {
      id: 'n1',
      title: 'One',
      createdAt: '2022-03-01T00:00:00Z',
      timeZone: 'America/New_York',
      facilitatorDelegations: ['BGD'],
    },
    { docName: 'd1', state: new Uint8Array([0, 0]) },
  );
  await s.accounts.createPerson({ id: 'p1', name: 'Delegate', isAdmin: false, createdAt: 'x' });
  await s.readings.addSnapshot({
    id: 's1',
    negotiationId: 'n1',
    seq: 1,
    kind: 'revision',
    label: 'Zero draft',
    takenAt: 'x',
    takenBy: 'p1',
    yjsState: new Uint8Array([0]),
    canonical: '{}',
    prevHash: '0',
    hash: '1',
    hashFormat: 2,
  });
  await s.readings.createReading({
    id: 'r1',
    negotiationId: 'n1',
    number: 1,
    revisionId: 's1',
    openedAt: 'x',
    openedBy: 'p1',
    deadline: '2022-03-29T22:00:00Z',
    closedAt: null,
    closedBy: null,
    snapshotId: null,
  });
}

const INPUT: InputRecord = {
  id: 'i1',
  negotiationId: 'n1',
  readingId: 'r1',
  kind: 'general',
  questionId: null,
  pid: null,
  source: 'member-state',
  delegation: 'EU',
  tabledBy: null,
  personId: 'p1',
  personName: 'Delegate',
  text: 'First',
  version: 1,
  createdAt: '2022-03-28T10:00:00Z',
  updatedAt: '2022-03-28T10:00:00Z',
};

/** Registers the consultation part of the storage contract (inside `storageContract`'s describe). */
export function consultationContract(make: () => Promise<Storage>): void {
  it('keeps roadmap entries, bumping the version on each change', async () => {
    const s = await make();
    await withReading(s);
    const entry = {
      id: 'e1',
      negotiationId: 'n1',
      data: DATA,
      version: 1,
      createdAt: 'a',
      updatedAt: 'a',
      updatedBy: 'p1',
    };
    await s.roadmap.insertEntry(entry);
    expect(await s.roadmap.listEntries('n1')).toEqual([entry]);
    const updated = await s.roadmap.updateEntry('e1', { ...DATA, title: 'Comments' }, 'b', 'p1');
    expect(updated).toMatchObject({ version: 2, updatedAt: 'b', data: { title: 'Comments' } });
    expect(await s.roadmap.deleteEntry('e1')).toBe(true);
    expect(await s.roadmap.deleteEntry('e1')).toBe(false);
    expect(await s.roadmap.getEntry('e1')).toBeUndefined();
    await s.close();
  });

  it('revokes a person’s earlier calendar feed when a new one is made', async () => {
    const s = await make();
    await withReading(s);
    const feed = { negotiationId: 'n1', personId: 'p1', revokedAt: null };
    await s.roadmap.replaceFeed({ ...feed, id: 'f1', tokenHash: 'h1', createdAt: 'a' });
    await s.roadmap.replaceFeed({ ...feed, id: 'f2', tokenHash: 'h2', createdAt: 'b' });
    expect((await s.roadmap.getFeedByHash('h1'))?.revokedAt).toBe('b');
    expect((await s.roadmap.getFeedByHash('h2'))?.revokedAt).toBeNull();
    expect(await s.roadmap.getFeedByHash('nope')).toBeUndefined();
    await s.close();
  });

  it('keeps every version of an input and refuses a second one from the same author on the same topic', async () => {
    const s = await make();
    await withReading(s);
    await s.inputs.insertInput(INPUT);
    await expect(s.inputs.insertInput({ ...INPUT, id: 'i2' })).rejects.toThrow();
    await s.inputs.insertInput({ ...INPUT, id: 'i3', delegation: 'MEX' });
    const updated = await s.inputs.updateInputText('i1', 'Second', '2022-03-28T11:00:00Z', 'p1', 'Delegate');
    expect(updated).toMatchObject({ text: 'Second', version: 2, updatedAt: '2022-03-28T11:00:00Z' });
    expect((await s.inputs.inputHistory('i1')).map((v) => [v.version, v.text])).toEqual([
      [1, 'First'],
      [2, 'Second'],
    ]);
    expect((await s.inputs.listInputs('n1', 'r1')).map((i) => i.id)).toEqual(['i1', 'i3']);
    expect(await s.inputs.listInputs('n1', 'other')).toEqual([]);
    await s.close();
  });

  it('stores guiding questions and the stakeholder visibility setting', async () => {
    const s = await make();
    await withReading(s);
    const q = {
      id: 'q1',
      negotiationId: 'n1',
      targetType: 'reading' as const,
      targetId: 'r1',
      number: 1,
      text: 'Why?',
      createdAt: 'a',
      createdBy: 'p1',
    };
    await s.inputs.insertQuestion(q);
    expect(await s.inputs.listQuestions('n1')).toEqual([q]);
    expect(await s.inputs.stakeholderInputsVisible('n1')).toBe(false);
    await s.inputs.setStakeholderInputsVisible('n1', true, 'b', 'p1');
    expect(await s.inputs.stakeholderInputsVisible('n1')).toBe(true);
    await s.close();
  });

  it('reads inputs back by id and by negotiation, and refuses to change what does not exist', async () => {
    const s = await make();
    await withReading(s);
    await s.inputs.insertInput(INPUT);
    await s.inputs.insertInput({
      ...INPUT,
      id: 'i2',
      delegation: null,
      source: 'stakeholder',
      createdAt: 'b',
    });
    expect(await s.inputs.getInput('i1')).toEqual(INPUT);
    expect(await s.inputs.getInput('nope')).toBeUndefined();
    expect((await s.inputs.listInputs('n1')).map((i) => i.id)).toEqual(['i1', 'i2']);
    await expect(s.inputs.updateInputText('nope', 'x', 'y', 'p1', 'Delegate')).rejects.toThrow();
    expect(await s.inputs.inputHistory('nope')).toEqual([]);
    await expect(s.roadmap.updateEntry('nope', DATA, 'b', 'p1')).rejects.toThrow();
    expect(await s.roadmap.getEntry('nope')).toBeUndefined();
    await s.close();
  });
}
