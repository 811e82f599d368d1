/**
 * Commands of one negotiation issued at the same moment run one at a time (the storage's
 * serialisation by negotiation): twenty delegations supporting at once all count, each with its
 * audit entry, and the same words tabled twice at once make one proposal and one PROPOSAL_DUPLICATE.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID, DEMO_PEOPLE } from '../../server/demo/seed.js';
import { decodeLiveView } from '../../shared/liveView.js';
import { PROPOSALS_MAP, type ProposalView } from '../../shared/proposals.js';
import { draftDocName, proposalsDocName } from '../../shared/protocol.js';
import { api } from '../support/auth.js';
import { paragraphString } from '../support/draft.js';
import { connectProvider, waitFor } from '../support/provider.js';
import { startTestServer, type TestServer } from '../support/server.js';

let ts: TestServer;
const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;
/** Cookies of one delegate of each of twenty delegations (not the EU, which tables). */
const supporters: { code: string; cookie: string }[] = [];
let eu = '';

beforeAll(async () => {
  ts = await startTestServer();
  // Storage is asynchronous by contract; SQLite answers within the same turn of the event loop,
  // which hides races. These reads answer late, as a storage across the network would: a
  // command's checks, and the views it publishes, could then interleave with another's.
  const proposals = ts.storage.proposals as unknown as Record<
    string,
    (...args: unknown[]) => Promise<unknown>
  >;
  for (const name of ['get', 'openOnParagraph', 'supportsOf']) {
    const original = proposals[name]!.bind(proposals);
    proposals[name] = async (...args) => {
      const answer = await original(...args);
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 15));
      return answer;
    };
  }
  eu = await ts.signIn('demo-eu');
  const demo = DEMO_PEOPLE.filter((p) => p.role === 'delegate' && p.delegation !== 'EU');
  for (const p of demo) supporters.push({ code: p.delegation!, cookie: await ts.signIn(p.id) });
  for (const code of ['AFG', 'ALB', 'DZA', 'AND', 'AGO', 'ARG', 'ARM', 'AUS', 'AUT'].slice(
    0,
    20 - demo.length,
  )) {
    const link = await ts.server.accounts.invite({
      negotiationId: DEMO_NEGOTIATION_ID,
      name: `Delegate ${code}`,
      role: 'delegate',
      delegation: code,
      by: null,
    });
    supporters.push({ code, cookie: await ts.signIn(link.personId) });
  }
});
afterAll(async () => {
  await ts.stop();
});

type Answer = { proposal: ProposalView; error?: { code: string; details?: { proposalId?: string } } };

describe('commands of one negotiation at the same moment', () => {
  it('twenty delegations supporting at once all count, each audited once, and all are shown', async () => {
    expect(supporters).toHaveLength(20);
    const watcher = await connectProvider(ts.wsUrl, proposalsDocName(DEMO_NEGOTIATION_ID), {
      headers: { cookie: supporters[0]!.cookie },
    });
    try {
      const tabled = await api<Answer>(ts.url, 'POST', `${base}/proposals`, {
        cookie: eu,
        body: { kind: 'comment', pid: 'op14', text: 'Twenty delegations support this at once.' },
      });
      expect(tabled.status).toBe(201);
      const id = tabled.body.proposal.id;
      const answers = await Promise.all(
        supporters.map((s) =>
          api<Answer>(ts.url, 'PUT', `${base}/proposals/${id}/support`, { cookie: s.cookie }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
      const codes = supporters.map((s) => s.code).sort();
      expect((await ts.storage.proposals.supportsOf([id])).map((s) => s.delegation).sort()).toEqual(codes);
      const audited = (await ts.storage.audit.list(DEMO_NEGOTIATION_ID, 100_000)).filter(
        (e) => e.action === 'proposal.supported' && e.detail.proposalId === id,
      );
      expect(audited.map((e) => e.delegation).sort()).toEqual(codes);
      // Each command published once committed, in the order they committed: the last view holds all.
      const shown = await ts.server.rooms.withRoom(proposalsDocName(DEMO_NEGOTIATION_ID), (room) =>
        decodeLiveView(room.doc.getMap(PROPOSALS_MAP).get(id)),
      );
      expect(shown?.supporters.map((s) => s.code).sort()).toEqual(codes);
      const live = () => decodeLiveView(watcher.doc.getMap(PROPOSALS_MAP).get(id));
      await waitFor(() => live()?.supporters.length === 20, 5_000, 'twenty supporters shown');
      expect(
        live()!
          .supporters.map((s) => s.code)
          .sort(),
      ).toEqual(codes);
    } finally {
      watcher.provider.destroy();
    }
  });

  it('the same words tabled twice at once make one proposal and one PROPOSAL_DUPLICATE', async () => {
    const room = await ts.server.rooms.open(draftDocName(DEMO_NEGOTIATION_ID));
    const words = paragraphString(room.doc, 'op15');
    const body = { kind: 'amend', pid: 'op15', baseText: words, text: `${words} (at once)` };
    const [a, b] = await Promise.all(
      [0, 1].map(() => api<Answer>(ts.url, 'POST', `${base}/proposals`, { cookie: eu, body })),
    );
    const answers = [a!, b!].map((x) => `${x.status} ${x.body.error?.code ?? ''}`.trim()).sort();
    expect(answers).toEqual(['201', '409 PROPOSAL_DUPLICATE']);
    const made = [a!, b!].find((x) => x.status === 201)!.body.proposal;
    expect([a!, b!].find((x) => x.status === 409)!.body.error?.details?.proposalId).toBe(made.id);
    const same = (await ts.storage.proposals.list(DEMO_NEGOTIATION_ID)).filter(
      (p) => p.pid === 'op15' && p.delegation === 'EU' && p.content.text === body.text,
    );
    expect(same.map((p) => p.id)).toEqual([made.id]);
  });
});
