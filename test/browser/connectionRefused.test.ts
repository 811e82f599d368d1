/**
 * A collaboration socket the server refuses to open (the browser sees only a closed socket, never
 * the upgrade's HTTP status) is explained in the status bar, from the server's access check:
 * a session that ended stops the page trying, with the words to sign in again; a session that
 * holds too many sockets keeps trying, more slowly, and connects once one is free.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SOCKETS_PER_SESSION } from '../../server/collab/websocket.js';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { draftDocName, proposalsDocName } from '../../shared/protocol.js';
import { launchBrowser, type PersonPage, screenshot, signInAs } from '../support/browser.js';
import { openRawClient, type RawClient } from '../support/rawClient.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** Counts the page's WebSockets (every attempt to connect makes one). */
const COUNT_SOCKETS = `(() => {
  const Native = window.WebSocket;
  window.__sockets = [];
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      window.__sockets.push(this);
    }
  };
})();`;

const sockets = (page: Page) =>
  page.evaluate(() => (window as unknown as { __sockets: WebSocket[] }).__sockets.length);
const state = (page: Page) => page.getByTestId('connection-state').getAttribute('data-state');

async function sessionCookie(person: PersonPage): Promise<string> {
  const cookie = (await person.context.cookies()).find((c) => c.name === 'nte_session');
  if (!cookie) throw new Error('no session cookie');
  return `${cookie.name}=${cookie.value}`;
}

describe('a refused collaboration socket', () => {
  let ts: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ts = await startTestServer({ withClient: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it('says the session ended and stops trying, instead of reconnecting for ever', async () => {
    const eu = await signInAs(browser, ts, 'demo-eu');
    const page = eu.page;
    await page.addInitScript(COUNT_SOCKETS);
    await page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}`);
    await page
      .locator('[data-testid="connection-state"][data-state="connected"]')
      .waitFor({ timeout: 15_000 });

    // The connection drops (a laptop asleep, a network change) and meanwhile the session ends:
    // every attempt to reconnect is refused at the upgrade (401).
    const cookie = await sessionCookie(eu);
    await page.evaluate(() => {
      for (const s of (window as unknown as { __sockets: WebSocket[] }).__sockets) s.close();
    });
    const out = await fetch(`${ts.url}/api/auth/signout`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: ts.url },
      body: '{}',
    });
    expect(out.status).toBe(200);

    const refused = page.getByTestId('connection-refused');
    await refused.waitFor({ timeout: 10_000 });
    expect(await refused.getAttribute('data-code')).toBe('SESSION_EXPIRED');
    expect(await refused.innerText()).toContain('Your session has expired. Please sign in again.');
    expect(await refused.innerText()).toContain('Open your personal sign-in link again');
    expect(await refused.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
    await expect.poll(() => state(page)).toBe('closed');
    expect(await page.getByTestId('connection-state').innerText()).toContain('Disconnected');
    await screenshot(page, 'connection-refused-session-ended');

    // It has stopped: no more attempts, however long one waits.
    const attempts = await sockets(page);
    await page.waitForTimeout(6_000);
    expect(await sockets(page)).toBe(attempts);
    expect(eu.errors).toEqual([]);
    await eu.context.close();
  });

  it('says a session holds too many sockets, keeps trying, and connects once one is free', async () => {
    const eu = await signInAs(browser, ts, 'demo-eu');
    const cookie = await sessionCookie(eu);
    const page = eu.page;
    // Nothing of this page holds a socket (signing in may have opened the negotiation).
    await page.goto('about:blank');
    // The same browser session already holds every socket it may (other tabs): as soon as the
    // server has let the page's go, the cap is reached.
    const docs = [draftDocName(DEMO_NEGOTIATION_ID), proposalsDocName(DEMO_NEGOTIATION_ID)];
    const held: RawClient[] = [];
    for (let i = 0; held.length < MAX_SOCKETS_PER_SESSION && i < 200; i++) {
      const client = await openRawClient(`${ts.wsUrl}/${docs[i % 2]}`, { headers: { cookie } }).catch(
        () => null,
      );
      if (client) held.push(client);
      else await new Promise((r) => setTimeout(r, 50));
    }
    expect(held).toHaveLength(MAX_SOCKETS_PER_SESSION);

    await page.addInitScript(COUNT_SOCKETS);
    await page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}`);
    const refused = page.getByTestId('connection-refused');
    await refused.waitFor({ timeout: 15_000 });
    expect(await refused.getAttribute('data-code')).toBe('TOO_MANY_CONNECTIONS');
    expect(await refused.innerText()).toContain('Too many tabs of this app are open in this browser.');
    expect(await refused.innerText()).toContain('Still trying, every few seconds.');
    expect(await refused.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    expect(await state(page)).not.toBe('closed');
    await screenshot(page, 'connection-refused-too-many');

    // Two tabs close: the page connects by itself and the message goes.
    for (const c of held.splice(0, 2)) {
      c.close();
      await c.closed;
    }
    await page
      .locator('[data-testid="connection-state"][data-state="connected"]')
      .waitFor({ timeout: 25_000 });
    await refused.waitFor({ state: 'detached', timeout: 5_000 });
    expect(eu.errors).toEqual([]);
    for (const c of held) c.close();
    await eu.context.close();
  });
});
