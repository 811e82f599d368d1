/** Nothing acknowledged is lost when the server is killed with SIGKILL and restarted. */

import * as decoding from 'lib0/decoding';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { draftDocName, MessageType } from '../../shared/protocol.js';
import { redeem } from '../support/auth.js';
import { paragraphString, typeInto } from '../support/draft.js';
import { connectProvider, waitFor } from '../support/provider.js';
import { killGroup, removeDir, spawnServer, stopChildServers, tempDataDir } from '../support/server.js';

const DOC = draftDocName(DEMO_NEGOTIATION_ID);
const dataDir = tempDataDir();
afterAll(async () => {
  await stopChildServers();
  removeDir(dataDir);
});

describe('crash safety', () => {
  it('keeps every acknowledged edit across kill -9 and restart', async () => {
    const first = await spawnServer(dataDir);
    const cookie = await redeem(first.url, first.links.get('Co-facilitator, Bangladesh')!);
    const a = await connectProvider(first.wsUrl, DOC, { params: { ext: '1' }, headers: { cookie } });
    let saved = new Map<number, number>();
    a.provider.messageHandlers[MessageType.saved] = (_e, decoder: decoding.Decoder) => {
      saved = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    };
    for (let i = 0; i < 50; i++) typeInto(a.doc, 'op07', 0, `e${i} `);
    await waitFor(
      () => saved.get(a.doc.clientID) === Y.getState(a.doc.store, a.doc.clientID),
      10_000,
      'all edits acked',
    );
    const expected = paragraphString(a.doc, 'op07');
    a.provider.destroy();

    killGroup(first.child, 'SIGKILL');
    await first.exited;
    // The server itself died, not just a launcher in front of it: its port no longer answers.
    await expect(fetch(`${first.url}/api/health`)).rejects.toThrow();

    const second = await spawnServer(dataDir);
    const observer = await redeem(second.url, second.links.get('Observer, civil society')!);
    const b = await connectProvider(second.wsUrl, DOC, { headers: { cookie: observer } });
    expect(paragraphString(b.doc, 'op07')).toBe(expected);
    expect(expected.startsWith('e49 e48 ')).toBe(true);
    b.provider.destroy();
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
