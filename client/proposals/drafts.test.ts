import { describe, expect, it } from 'vitest';
import { createDraftStore, type DraftKey, type DraftStorage, sameDraft } from './drafts.js';

/** A Web Storage over a Map. */
function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

const key: DraftKey = { negotiationId: 'n|1', personId: 'p1', pid: 'op04', kind: 'amend' };

describe('draft store', () => {
  it('keeps a draft per negotiation, person, paragraph and kind until discarded', () => {
    let t = 0;
    const store = createDraftStore(memoryStorage(), () => new Date(Date.UTC(2022, 2, 29, 12, 0, t++)));
    expect(store.load(key)).toBeNull();
    expect(store.save(key, { text: 'essential words', baseText: 'words' })).toBe(true);
    store.save({ ...key, kind: 'comment' }, { text: 'A comment', reservation: true });
    store.save({ ...key, personId: 'p2' }, { text: 'someone else' });
    store.save({ ...key, proposalId: 'x1' }, { text: 'an edit' });
    expect(store.load(key)).toEqual({
      text: 'essential words',
      baseText: 'words',
      savedAt: '2022-03-29T12:00:00.000Z',
    });
    const mine = store.list('n|1', 'p1');
    expect(mine.map((d) => [d.key.kind, d.key.proposalId])).toEqual([
      ['amend', 'x1'],
      ['comment', undefined],
      ['amend', undefined],
    ]);
    expect(sameDraft(mine[2]!.key, key)).toBe(true);
    store.discard(key);
    expect(store.load(key)).toBeNull();
    expect(store.list('n|1', 'p1')).toHaveLength(2);
  });

  it('ignores what it cannot read and tells listeners of changes', () => {
    const storage = memoryStorage();
    const store = createDraftStore(storage);
    storage.map.set('nte.draft.1|n%7C1|p1|op04|amend|', '{"text": 5}');
    storage.map.set('nte.draft.1|n%7C1|p1|op05|unknown|', '{"text":"x","savedAt":"t"}');
    storage.map.set('nte.draft.1|n%7C1|p1|op06|alt|', 'not json');
    storage.map.set('other', 'x');
    expect(store.load(key)).toBeNull();
    expect(store.list('n|1', 'p1')).toEqual([]);
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.save(key, { text: 'a' });
    store.discard(key);
    store.refresh();
    off();
    store.save(key, { text: 'b' });
    expect(calls).toBe(3);
  });

  it('says so when the browser refuses to keep a draft', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(createDraftStore(storage).save(key, { text: 'a' })).toBe(false);
  });
});
