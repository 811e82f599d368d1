/**
 * The server, not the browser, decides who may change what. These tests bypass the UI with raw
 * protocol clients and forged HTTP requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { hashToken } from '../../server/accounts/tokens.js';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { CloseCode, draftDocName } from '../../shared/protocol.js';
import { api, redeem } from '../support/auth.js';
import { paragraphString, typeInto } from '../support/draft.js';
import { waitFor } from '../support/provider.js';
import { expectUpgradeRefused, openRawClient, type RawClient } from '../support/rawClient.js';
import { startTestServer, type TestServer } from '../support/server.js';

const DOC = draftDocName(DEMO_NEGOTIATION_ID);
let ts: TestServer;
let url: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  ts = await startTestServer();
  url = `${ts.wsUrl}/${DOC}`;
  for (const id of ['demo-cofac-bgd', 'demo-eu', 'demo-usa', 'demo-observer'])
    cookies[id] = await ts.signIn(id);
});
afterAll(async () => {
  await ts.stop();
});

/** An update typing `text` into OP4, made on a copy of `client`'s document. */
function editOf(client: RawClient, text: string): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(client.doc));
  const before = Y.encodeStateVector(copy);
  typeInto(copy, 'op04', 0, text);
  return Y.encodeStateAsUpdate(copy, before);
}

describe('only co-facilitators change the text', () => {
  for (const who of ['demo-eu', 'demo-observer']) {
    it(`refuses a valid update from ${who}: not applied, not stored, not broadcast, audited`, async () => {
      const witness = await openRawClient(url, { headers: { cookie: cookies['demo-cofac-bgd']! } });
      const intruder = await openRawClient(url, { headers: { cookie: cookies[who]! } });
      const storedBefore = JSON.stringify(await ts.storage.loadDoc(DOC));
      const framesBefore = witness.received.length;

      intruder.sendUpdate(editOf(intruder, `INTRUSION by ${who} `));
      await waitFor(() => intruder.errors.length > 0, 5_000, 'refusal');
      expect(intruder.errors[0]!.code).toBe('READ_ONLY');

      await new Promise((r) => setTimeout(r, 200));
      expect(JSON.stringify(await ts.storage.loadDoc(DOC))).toBe(storedBefore);
      const room = await ts.server.rooms.open(DOC);
      expect(paragraphString(room.doc, 'op04')).not.toContain('INTRUSION');
      expect(witness.received.slice(framesBefore).filter((f) => f.type === 0)).toHaveLength(0);
      expect(paragraphString(witness.doc, 'op04')).not.toContain('INTRUSION');

      const audit = await ts.storage.audit.list(DEMO_NEGOTIATION_ID, 20);
      expect(audit.find((a) => a.action === 'text.update.refused' && a.detail.personId === who)).toBeTruthy();

      // The very same update from a co-facilitator's connection is applied.
      const same = editOf(witness, 'Facilitator edit ');
      witness.sendUpdate(same);
      await waitFor(
        () => paragraphString(room.doc, 'op04').startsWith('Facilitator edit '),
        5_000,
        'applied',
      );
      witness.close();
      intruder.close();
    });
  }
});

describe('the WebSocket handshake', () => {
  it('refuses a missing cookie, a forged cookie and a foreign Origin before loading anything', async () => {
    expect((await expectUpgradeRefused(url)).status).toBe(401);
    const forged = await expectUpgradeRefused(url, { cookie: 'nte_session=forged-token-value' });
    expect(forged.status).toBe(401);
    expect(forged.body.error?.code).toBe('UNAUTHENTICATED');
    const foreign = await expectUpgradeRefused(url, {
      cookie: cookies['demo-eu']!,
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error?.code).toBe('ORIGIN_REFUSED');
    const own = await openRawClient(url, { headers: { cookie: cookies['demo-eu']!, origin: ts.url } });
    own.close();
  });

  it('refuses a document of a negotiation the person does not take part in', async () => {
    const admin = await ts.server.accounts.createAdmin('Admin');
    const adminCookie = await redeem(ts.url, admin.token);
    const created = await api<{ id: string }>(ts.url, 'POST', '/api/negotiations', {
      cookie: adminCookie,
      body: { title: 'Another declaration', timeZone: 'Europe/Zurich', facilitatorDelegations: ['CHE'] },
    });
    expect(created.status).toBe(201);
    const other = `${ts.wsUrl}/${draftDocName(created.body.id)}`;
    const refused = await expectUpgradeRefused(other, { cookie: cookies['demo-cofac-bgd']! });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('NOT_PARTICIPANT');
    const http = await api(ts.url, 'GET', `/api/negotiations/${created.body.id}`, {
      cookie: cookies['demo-cofac-bgd'],
    });
    expect(http.status).toBe(403);
  });

  it('closes the socket of a revoked session within seconds, and refuses it afterwards', async () => {
    const cookie = await ts.signIn('demo-usa');
    const client = await openRawClient(url, { headers: { cookie } });
    const session = await ts.storage.accounts.getSessionByHash(hashToken(cookie.split('=')[1]!));
    const res = await api(
      ts.url,
      'DELETE',
      `/api/negotiations/${DEMO_NEGOTIATION_ID}/sessions/${session!.id}`,
      {
        cookie: cookies['demo-cofac-bgd'],
      },
    );
    expect(res.status).toBe(200);
    expect((await client.closed).code).toBe(CloseCode.sessionEnded);
    expect((await expectUpgradeRefused(url, { cookie })).body.error?.code).toBe('SESSION_EXPIRED');
  });

  it('closes the socket of a session that expires while connected', async () => {
    const cookie = await ts.signIn('demo-usa');
    const client = await openRawClient(url, { headers: { cookie } });
    ts.storage.db
      .prepare('UPDATE sessions SET expires_at = ? WHERE token_hash = ?')
      .run(new Date(Date.now() - 1000).toISOString(), hashToken(cookie.split('=')[1]!));
    const started = Date.now();
    expect((await client.closed).code).toBe(CloseCode.sessionEnded);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('presence identity', () => {
  it('replaces a spoofed name and delegation, and ignores updates for another client id', async () => {
    const witness = await openRawClient(url, { headers: { cookie: cookies['demo-cofac-bgd']! } });
    const spoofer = await openRawClient(url, { headers: { cookie: cookies['demo-observer']! } });
    spoofer.awareness.setLocalState({
      user: { name: 'Co-facilitator, Luxembourg', delegation: 'LUX', role: 'facilitator' },
    });
    spoofer.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(spoofer.awareness, [spoofer.doc.clientID]));
    await waitFor(() => witness.awareness.getStates().has(spoofer.doc.clientID), 5_000, 'presence');
    expect(witness.awareness.getStates().get(spoofer.doc.clientID)!.user).toMatchObject({
      name: 'Observer, civil society',
      role: 'observer',
      delegation: null,
    });

    // The spoofer tries to overwrite the witness's own presence entry.
    witness.awareness.setLocalState({ cursor: null });
    witness.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(witness.awareness, [witness.doc.clientID]));
    await waitFor(() => spoofer.awareness.getStates().has(witness.doc.clientID), 5_000, 'witness presence');
    const fake = new awarenessProtocol.Awareness(new Y.Doc());
    fake.clientID = witness.doc.clientID;
    fake.setLocalState({ user: { name: 'Hijacked' } });
    (fake.meta.get(fake.clientID) as { clock: number }).clock = 1000;
    spoofer.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(fake, [fake.clientID]));
    await new Promise((r) => setTimeout(r, 300));
    const room = await ts.server.rooms.open(DOC);
    const user = room.awareness.getStates().get(witness.doc.clientID)?.user as { name: string } | undefined;
    expect(user?.name).toBe('Co-facilitator, Bangladesh');
    witness.close();
    spoofer.close();
  });
});
