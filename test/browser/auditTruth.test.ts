/**
 * The audit log tells the truth: three delegations browse the demo as people do (compilation,
 * clean text, keys pressed in the read-only text, other pages, a network drop while the
 * co-facilitators edit the text and decide proposals), and the audit log then holds no refusal
 * for any of them. Every collaboration frame the browsers send is recorded on the way: none
 * carries a change to a document they may not write, and no page logs an error.
 */
import * as decoding from 'lib0/decoding';
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { MessageType } from '../../shared/protocol.js';
import { api } from '../support/auth.js';
import { launchBrowser, type PersonPage, screenshot, showText, signInAs } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const N = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;
const DELEGATES = ['demo-eu', 'demo-pak', 'demo-jpn'] as const;

/** A frame a browser sent that changes a document (a non-empty sync step 2 or update). */
interface Write {
  person: string;
  doc: string;
  structs: number;
  deletes: number;
}

/** The sockets of one browser context, proxied to the server so the test sees and can drop them. */
class Tap {
  readonly routes = new Set<WebSocketRoute>();
  opened = 0;
  constructor(
    readonly person: string,
    readonly writes: Write[],
  ) {}

  async install(page: Page): Promise<void> {
    await page.context().routeWebSocket(/\/collab\//, (ws) => {
      const server = ws.connectToServer();
      const doc = decodeURIComponent(new URL(ws.url()).pathname.split('/').pop() ?? '');
      this.routes.add(ws);
      this.opened++;
      ws.onMessage((message) => {
        if (typeof message !== 'string') this.inspect(doc, new Uint8Array(message));
        server.send(message);
      });
      server.onMessage((message) => ws.send(message));
      ws.onClose(() => {
        this.routes.delete(ws);
        void server.close();
      });
      server.onClose((code, reason) => {
        this.routes.delete(ws);
        void ws.close({ code, reason });
      });
    });
  }

  /** Cuts every socket, as a network drop would; the browser reconnects on its own. */
  async drop(): Promise<void> {
    await Promise.all([...this.routes].map((ws) => ws.close({ code: 1001, reason: 'network drop' })));
  }

  private inspect(doc: string, frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MessageType.sync) return;
    if (decoding.readVarUint(decoder) === 0) return; // sync step 1: a state vector, no change
    const { structs, ds } = Y.decodeUpdate(decoding.readVarUint8Array(decoder));
    let deletes = 0;
    for (const items of ds.clients.values()) deletes += items.length;
    if (structs.length > 0 || deletes > 0) {
      this.writes.push({ person: this.person, doc, structs: structs.length, deletes });
    }
  }
}

async function showCompilation(page: Page): Promise<void> {
  const button = page.locator('.text-view-switch [data-view="compilation"]');
  await button.waitFor({ timeout: 15_000 });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await page.locator('[data-testid="compilation"] [data-pid="op05"]').waitFor({ timeout: 15_000 });
}

/** What a delegate does in a few minutes of reading. */
async function browse(page: Page): Promise<void> {
  await showCompilation(page);
  await page.locator('[data-testid="compilation"] [data-pid="op05"] .c-label').click();
  await page.locator('[data-testid="compilation"] [data-pid="op05"] .bracket').first().click();
  await showText(page);
  const editor = page.locator('.ProseMirror');
  await editor.locator('[data-pid="op03"]').click();
  // Keys a reader presses out of habit in a text they may not change.
  await page.keyboard.press('End');
  await page.keyboard.type('x');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('ControlOrMeta+z');
  await showCompilation(page);
  await page.getByRole('link', { name: 'Timeline' }).first().click();
  await page.waitForURL(/\/timeline/, { timeout: 10_000 });
  await page.goBack();
  await showCompilation(page);
}

describe('the audit log tells the truth', () => {
  let ts: TestServer;
  let browser: Browser;
  let cofacCookie: string;
  const people: PersonPage[] = [];
  const taps: Tap[] = [];
  const writes: Write[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    ts = await startTestServer({ withClient: true });
    browser = await launchBrowser();
    cofacCookie = await ts.signIn('demo-cofac-lux');
    for (const id of DELEGATES) {
      const person = await signInAs(browser, ts, id);
      const tap = new Tap(id, writes);
      await tap.install(person.page);
      person.page.on('console', (msg) => {
        if (msg.type() === 'error') consoleErrors.push(`${id}: ${msg.text()}`);
      });
      await person.page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}`);
      people.push(person);
      taps.push(tap);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it('records no refusal after three delegations browse through edits, decisions and a network drop', async () => {
    const cofac = await signInAs(browser, ts, 'demo-cofac-bgd');
    await showText(cofac.page);
    await Promise.all(people.map((p) => browse(p.page)));

    // The co-facilitators change the text (deletions included) and decide a proposal meanwhile.
    await cofac.page.locator('.ProseMirror [data-pid="op03"]').click();
    await cofac.page.keyboard.press('End');
    await cofac.page.keyboard.type(' and beyond');
    for (let i = 0; i < 7; i++) await cofac.page.keyboard.press('Backspace');
    const { body } = await api<{ proposals: { id: string; status: string }[] }>(
      ts.url,
      'GET',
      `${N}/proposals`,
      {
        cookie: cofacCookie,
      },
    );
    const open = body.proposals.filter((p) => p.status === 'open');
    expect(open.length).toBeGreaterThan(1);
    expect(
      (
        await api(ts.url, 'PUT', `${N}/proposals/${open[0]!.id}/status`, {
          cookie: cofacCookie,
          body: { status: 'not-retained' },
        })
      ).status,
    ).toBe(200);
    await expect
      .poll(() => people[0]!.page.locator(`[data-proposal-id="${open[0]!.id}"]`).count(), { timeout: 5_000 })
      .toBe(0);

    // The network drops; every browser reconnects and syncs again.
    const before = taps.map((t) => t.opened);
    await Promise.all(taps.map((t) => t.drop()));
    for (const [i, tap] of taps.entries()) {
      await expect.poll(() => tap.opened, { timeout: 15_000 }).toBeGreaterThanOrEqual(before[i]! + 2);
    }
    for (const p of people) {
      await p.page
        .locator('[data-testid="connection-state"][data-state="connected"]')
        .waitFor({ timeout: 10_000 });
      await browse(p.page);
    }
    // Another decision after the reconnection reaches everyone.
    expect(
      (
        await api(ts.url, 'PUT', `${N}/proposals/${open[1]!.id}/status`, {
          cookie: cofacCookie,
          body: { status: 'not-retained' },
        })
      ).status,
    ).toBe(200);
    for (const p of people) {
      await expect
        .poll(() => p.page.locator(`[data-proposal-id="${open[1]!.id}"]`).count(), { timeout: 5_000 })
        .toBe(0);
    }

    const audit = await api<{ entries: { action: string; detail: Record<string, unknown> }[] }>(
      ts.url,
      'GET',
      `${N}/audit`,
      { cookie: cofacCookie },
    );
    const refusals = audit.body.entries.filter((e) => e.action === 'text.update.refused');
    expect(refusals.map((e) => `${String(e.detail.person)} → ${String(e.detail.document)}`)).toEqual([]);
    expect(writes).toEqual([]);
    expect(consoleErrors).toEqual([]);
    for (const p of people) expect(p.errors).toEqual([]);
    await screenshot(people[0]!.page, 'audit-truth-delegate-after-reconnect');
  });

  it('keeps every socket open through a quiet minute: nothing reconnects, nothing is sent', async () => {
    const opened = taps.map((t) => t.opened);
    const written = writes.length;
    // y-websocket reopens a socket that has heard nothing for 30 s; the proposals document has
    // no presence to keep it busy, so before the keep-alive it reconnected, and sent, every 30 s.
    await new Promise((r) => setTimeout(r, 35_000));
    expect(taps.map((t) => t.opened)).toEqual(opened);
    expect(writes.length).toBe(written);
    expect(consoleErrors).toEqual([]);
  });
});
