/**
 * Randomised convergence: several clients make random edits through the real server while
 * randomly disconnecting and reconnecting; every copy, and a fresh copy loaded from the
 * database after a restart, ends identical.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { draftDocName } from '../../shared/protocol.js';
import { DRAFT_FRAGMENT } from '../../shared/schema.js';
import { paragraphText } from '../support/draft.js';
import { connectProvider, waitFor } from '../support/provider.js';
import { removeDir, startTestServer, tempDataDir } from '../support/server.js';

const DOC = draftDocName(DEMO_NEGOTIATION_ID);
const PIDS = ['op01', 'op02', 'op03', 'op04', 'pp01', 'pp02'];
const dataDir = tempDataDir();
afterAll(() => removeDir(dataDir));

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomEdit(doc: Y.Doc, rand: () => number): void {
  const text = paragraphText(doc, PIDS[Math.floor(rand() * PIDS.length)]!);
  const len = text.length;
  if (len > 5 && rand() < 0.35) {
    const at = Math.floor(rand() * (len - 1));
    text.delete(at, Math.min(1 + Math.floor(rand() * 4), len - at));
  } else {
    text.insert(
      Math.floor(rand() * (len + 1)),
      String.fromCharCode(97 + Math.floor(rand() * 26)).repeat(1 + Math.floor(rand() * 3)),
    );
  }
}

function fingerprint(doc: Y.Doc): string {
  return doc.getXmlFragment(DRAFT_FRAGMENT).toString();
}

describe('randomised convergence', () => {
  for (const seed of [1, 2, 3]) {
    it(`converges with seed ${seed}`, async () => {
      const rand = rng(seed);
      const ts = await startTestServer({ dataDir: `${dataDir}/${seed}` });
      const n = 3 + (seed % 3);
      const headers = { cookie: await ts.signIn('demo-cofac-bgd') };
      const clients = await Promise.all(
        Array.from({ length: n }, () => connectProvider(ts.wsUrl, DOC, { headers })),
      );
      for (let step = 0; step < 300; step++) {
        const c = clients[Math.floor(rand() * n)]!;
        const r = rand();
        if (r < 0.04 && c.provider.wsconnected) c.provider.disconnect();
        else if (r < 0.1 && !c.provider.shouldConnect) c.provider.connect();
        else randomEdit(c.doc, rand);
        if (step % 25 === 0) await new Promise((res) => setTimeout(res, 5));
      }
      for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();
      await waitFor(() => clients.every((c) => c.provider.synced), 10_000, 'all reconnected');
      await waitFor(
        () => clients.every((c) => fingerprint(c.doc) === fingerprint(clients[0]!.doc)),
        15_000,
        'convergence',
      );
      const expected = fingerprint(clients[0]!.doc);
      for (const c of clients) c.provider.destroy();
      await ts.stop();

      const restarted = await startTestServer({ dataDir: `${dataDir}/${seed}` });
      const fresh = await connectProvider(restarted.wsUrl, DOC, {
        headers: { cookie: await restarted.signIn('demo-observer') },
      });
      expect(fingerprint(fresh.doc)).toBe(expected);
      fresh.provider.destroy();
      await restarted.stop();
    });
  }
});
