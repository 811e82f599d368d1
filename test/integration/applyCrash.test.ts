/**
 * Applying a proposal changes the text and the proposal's status together: a server killed with
 * SIGKILL while twenty applications are under way leaves, for each proposal, either both its
 * words in the stored draft and its status incorporated (with its audit entry), or neither.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { openSqliteStorage } from '../../server/storage/sqlite.js';
import type { ProposalView } from '../../shared/proposals.js';
import { draftDocName } from '../../shared/protocol.js';
import { DRAFT_FRAGMENT } from '../../shared/schema.js';
import { api, redeem } from '../support/auth.js';
import { killGroup, removeDir, spawnServer, stopChildServers, tempDataDir } from '../support/server.js';

const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;
const dataDir = tempDataDir();
afterAll(async () => {
  await stopChildServers();
  removeDir(dataDir);
});

/** Every word of the stored draft, as loaded from the database file. */
async function storedDraft(): Promise<{ text: string; proposals: Map<string, string>; applied: string[] }> {
  const storage = openSqliteStorage(join(dataDir, 'negotiations.sqlite'));
  try {
    const stored = await storage.loadDoc(draftDocName(DEMO_NEGOTIATION_ID));
    const doc = new Y.Doc();
    for (const u of stored.state ? [stored.state, ...stored.updates] : stored.updates) Y.applyUpdate(doc, u);
    const text = doc.getXmlFragment(DRAFT_FRAGMENT).toString();
    const proposals = new Map(
      (await storage.proposals.list(DEMO_NEGOTIATION_ID)).map((p) => [p.id, p.status]),
    );
    const applied = (await storage.audit.list(DEMO_NEGOTIATION_ID, 100_000))
      .filter((e) => e.action === 'proposal.applied')
      .map((e) => String(e.detail.proposalId));
    return { text, proposals, applied };
  } finally {
    await storage.close();
  }
}

describe('applying under kill -9', () => {
  it('never keeps a text change without its status, or a status without its text change', async () => {
    const rounds = [10, 20, 30, 40, 50, 60];
    let checked = 0;
    for (const [round, killAfterMs] of rounds.entries()) {
      const server = await spawnServer(dataDir);
      const cofac = await redeem(server.url, server.links.get('Co-facilitator, Bangladesh')!);
      const eu = await redeem(server.url, server.links.get('Delegate, European Union')!);
      const paragraphs = await api<{ paragraphs: { pid: string; kind: string }[] }>(
        server.url,
        'GET',
        `${base}/paragraphs`,
        { cookie: eu },
      );
      // New paragraphs, each with words of its own, after twenty operative paragraphs that take them.
      const tabled: { id: string; words: string }[] = [];
      for (const { pid } of paragraphs.body.paragraphs.filter((p) => p.kind === 'operative')) {
        if (tabled.length === 20) break;
        const words = `Crash round ${round} marker ${tabled.length} words`;
        const answer = await api<{ proposal: ProposalView }>(server.url, 'POST', `${base}/proposals`, {
          cookie: eu,
          body: { kind: 'insert', pid, text: words },
        });
        if (answer.status === 201) tabled.push({ id: answer.body.proposal.id, words });
      }
      expect(tabled.length).toBe(20);
      const applying = tabled.map((p) =>
        api(server.url, 'POST', `${base}/proposals/${p.id}/apply`, { cookie: cofac }).catch(() => null),
      );
      await new Promise((r) => setTimeout(r, killAfterMs));
      killGroup(server.child, 'SIGKILL');
      await server.exited;
      await Promise.all(applying);

      const stored = await storedDraft();
      for (const p of tabled) {
        const inText = stored.text.includes(p.words);
        const status = stored.proposals.get(p.id);
        expect({ inText, status }).toEqual(
          inText ? { inText, status: 'incorporated' } : { inText, status: 'open' },
        );
        expect(stored.applied.filter((id) => id === p.id)).toHaveLength(inText ? 1 : 0);
        checked++;
      }
    }
    expect(checked).toBe(rounds.length * 20);
  });
});
