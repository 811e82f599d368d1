/**
 * An observer floods the room with huge presence states, reconnecting each time it is closed.
 * Only its own connection suffers: the co-facilitators (standard y-websocket clients, which send
 * back every presence state they receive) stay connected and keep editing, the server's memory
 * stays bounded, and it answers health checks throughout. Runs the real server as a child
 * process, so that its memory can be read apart from the clients'.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PRESENCE_STATE_BYTES } from '../../server/collab/peerLimits.js';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { CloseCode, draftDocName } from '../../shared/protocol.js';
import { redeem } from '../support/auth.js';
import { paragraphString, typeInto } from '../support/draft.js';
import { largestProcessMemory } from '../support/processMemory.js';
import { connectProvider, settle, waitFor } from '../support/provider.js';
import { openRawClient } from '../support/rawClient.js';
import { type ChildServer, removeDir, spawnServer, tempDataDir } from '../support/server.js';

const DOC = draftDocName(DEMO_NEGOTIATION_ID);
const FLOOD_STATES = 150;
const STATES_PER_CONNECTION = 10;
const STATE_BYTES = 1_000_000;
const FLOOD_IDS = Array.from({ length: STATES_PER_CONNECTION }, (_, i) => 7_000 + i);

const dataDir = tempDataDir();
let server: ChildServer;

beforeAll(async () => {
  server = await spawnServer(dataDir);
});
afterAll(async () => {
  server.child.kill('SIGTERM');
  await server.exited;
  removeDir(dataDir);
});

/** An awareness update setting the state of `clientId` to about `bytes` of JSON. */
function presenceOf(clientId: number, clock: number, bytes: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, clientId);
  encoding.writeVarUint(e, clock);
  encoding.writeVarString(e, JSON.stringify({ cursor: null, note: 'x'.repeat(bytes) }));
  return encoding.toUint8Array(e);
}

describe('a presence flood', () => {
  it('closes the flooding connection only; editors stay connected, memory stays bounded, health answers', async () => {
    const cookie = (name: string) => redeem(server.url, server.links.get(name)!);
    const headers = { cookie: await cookie('Co-facilitator, Bangladesh') };
    const otherHeaders = { cookie: await cookie('Co-facilitator, Luxembourg') };
    const observer = { cookie: await cookie('Observer, civil society') };
    const a = await connectProvider(server.wsUrl, DOC, { headers });
    const b = await connectProvider(server.wsUrl, DOC, { headers: otherHeaders });
    const editorCloses: number[] = [];
    for (const p of [a, b]) {
      p.provider.on('connection-close', (event) => editorCloses.push(event?.code ?? -1));
      p.provider.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 });
    }
    await settle(300);
    const before = largestProcessMemory(server.child.pid!);

    // Health checks every 100 ms while the flood lasts.
    const healthMs: number[] = [];
    let flooding = true;
    const health = (async () => {
      while (flooding) {
        const started = performance.now();
        const res = await fetch(`${server.url}/api/health`);
        expect(res.status).toBe(200);
        healthMs.push(performance.now() - started);
        await settle(100);
      }
    })();

    const floodCloses: number[] = [];
    let sent = 0;
    let round = 0;
    try {
      while (sent < FLOOD_STATES) {
        round++;
        const flooder = await openRawClient(`${server.wsUrl}/${DOC}`, { headers: observer });
        for (let i = 0; i < STATES_PER_CONNECTION && sent < FLOOD_STATES; i++) {
          if (flooder.ws.readyState !== flooder.ws.OPEN) break;
          flooder.sendAwareness(presenceOf(FLOOD_IDS[i]!, sent + 1, STATE_BYTES));
          sent++;
        }
        const closed = await Promise.race([flooder.closed, settle(3_000).then(() => null)]);
        if (closed) floodCloses.push(closed.code);
        else flooder.close();
        // The editors keep working meanwhile.
        typeInto(a.doc, 'op04', 0, `r${round} `);
      }
    } finally {
      flooding = false;
      await health;
    }

    await waitFor(
      () => paragraphString(b.doc, 'op04').startsWith(`r${round} `),
      10_000,
      'edits during the flood',
    );
    typeInto(b.doc, 'op04', 0, 'after ');
    await waitFor(() => paragraphString(a.doc, 'op04').startsWith('after '), 5_000, 'edits after the flood');
    const after = largestProcessMemory(server.child.pid!);
    console.info(
      `presence flood: ${sent} states of ${STATE_BYTES} bytes in ${round} connections; ` +
        `server RSS ${before.rssMb.toFixed(0)} → ${after.rssMb.toFixed(0)} MB, ` +
        `peak ${before.peakMb.toFixed(0)} → ${after.peakMb.toFixed(0)} MB; ` +
        `health max ${Math.max(...healthMs).toFixed(0)} ms over ${healthMs.length} checks`,
    );

    expect(editorCloses).toEqual([]);
    expect(floodCloses).toHaveLength(round);
    for (const code of floodCloses) expect(code).toBe(CloseCode.rateLimited);
    for (const p of [a, b]) {
      for (const id of FLOOD_IDS) expect(p.provider.awareness.getStates().has(id)).toBe(false);
      expect(p.provider.awareness.getStates().size).toBe(2); // the two editors, no one else
    }
    // Each flooding connection is closed at its first state: the server never holds the flood.
    expect(after.peakMb - before.peakMb).toBeLessThan(100);
    expect(Math.max(...healthMs)).toBeLessThan(1_000);
    expect(STATE_BYTES).toBeGreaterThan(MAX_PRESENCE_STATE_BYTES);
    a.provider.destroy();
    b.provider.destroy();
  });
});
