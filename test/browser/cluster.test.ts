/**
 * The app through HAProxy in front of three server processes on PostgreSQL and Redis, in two real
 * browsers: two co-facilitators type and see each other's words; the process that serves their
 * negotiation is killed with SIGKILL; both pages say they are reconnecting, come back through
 * another process on their own, keep every word that was saved, and go on typing.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerOf } from '../../deploy/cluster.js';
import { Accounts } from '../../server/accounts/accounts.js';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { launchBrowser, newPersonPage, type PersonPage, screenshot, showText } from '../support/browser.js';
import { draftText, startTestCluster, storedDraft, type TestCluster } from '../support/testCluster.js';

let tc: TestCluster;
let browser: Browser;

/** Signs `personId` in through HAProxy with a fresh link, in a new context, and shows the text. */
async function signIn(personId: string): Promise<PersonPage> {
  const link = await new Accounts(tc.storage).issueLink(personId, DEMO_NEGOTIATION_ID, null);
  const person = await newPersonPage(browser);
  await person.page.goto(`${tc.cluster.url}/signin#${link.token}`);
  await person.page.waitForURL((url) => url.pathname !== '/signin', { timeout: 15_000 });
  await showText(person.page);
  return person;
}

const connection = (page: Page) => page.getByTestId('connection-state').getAttribute('data-state');
const saved = (page: Page) => page.getByTestId('save-state').getAttribute('data-state');

/** A paragraph's text as the page shows it, without other people's cursors. */
function paragraphText(page: Page, pid: string): Promise<string> {
  return page.locator(`.ProseMirror [data-pid="${pid}"]`).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const cursor of copy.querySelectorAll('.ProseMirror-yjs-cursor')) cursor.remove();
    return (copy.textContent ?? '').replace(/\u2060/g, '');
  });
}

/** Types `words` at the end of paragraph `pid` (clicking just after its last character). */
async function typeAtEnd(page: Page, pid: string, words: string): Promise<void> {
  const paragraph = page.locator(`.ProseMirror [data-pid="${pid}"]`);
  await paragraph.scrollIntoViewIfNeeded();
  const point = await paragraph.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const rects = range.getClientRects();
    const last = rects[rects.length - 1]!;
    return { x: last.right - 1, y: last.top + last.height / 2 };
  });
  await page.mouse.click(point.x, point.y);
  await page.keyboard.type(words, { delay: 20 });
}

/** The people a page lists as online. */
const online = (page: Page) => page.getByTestId('presence-list').locator('li').allInnerTexts();

beforeAll(async () => {
  tc = await startTestCluster({ nodes: 3 });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await tc?.stop();
});

describe('the app on three processes behind HAProxy', () => {
  it('keeps two co-facilitators editing together through the death of the process serving them', async () => {
    const bgd = await signIn('demo-cofac-bgd');
    const lux = await signIn('demo-cofac-lux');
    for (const p of [bgd, lux])
      await expect.poll(() => connection(p.page), { timeout: 15_000 }).toBe('connected');

    await typeAtEnd(bgd.page, 'op03', ' before the failure');
    await expect.poll(() => saved(bgd.page), { timeout: 10_000 }).toBe('saved');
    await expect
      .poll(() => paragraphText(lux.page, 'op03'), { timeout: 10_000 })
      .toContain('before the failure');

    const ownerName = await ownerOf(tc.cluster, DEMO_NEGOTIATION_ID);
    const victim = tc.cluster.nodes.find((n) => n.name === ownerName)!;
    await victim.kill('SIGKILL');
    const killedAt = Date.now();
    // Each page says so, then is back by itself, through another process.
    await expect.poll(() => connection(bgd.page), { timeout: 10_000 }).not.toBe('connected');
    await screenshot(bgd.page, 'cluster-reconnecting');
    for (const p of [bgd, lux])
      await expect.poll(() => connection(p.page), { timeout: 20_000 }).toBe('connected');
    const backMs = Date.now() - killedAt;
    expect(await ownerOf(tc.cluster, DEMO_NEGOTIATION_ID)).not.toBe(victim.name);
    // Each sees the other again, and nobody twice.
    await expect.poll(() => online(bgd.page), { timeout: 10_000 }).toHaveLength(2);
    await expect.poll(() => online(lux.page), { timeout: 10_000 }).toHaveLength(2);

    // What was saved before the failure is still there, and typing goes on.
    expect(await paragraphText(lux.page, 'op03')).toMatch(/Goals\. before the failure$/);
    await typeAtEnd(lux.page, 'op03', ' and after it');
    await expect.poll(() => saved(lux.page), { timeout: 10_000 }).toBe('saved');
    await expect.poll(() => paragraphText(bgd.page, 'op03'), { timeout: 10_000 }).toContain('and after it');
    const stored = draftText(await storedDraft(tc.storage));
    expect(stored.split('before the failure').length - 1).toBe(1);
    expect(stored.split('and after it').length - 1).toBe(1);
    await screenshot(bgd.page, 'cluster-after-failover');
    console.log(`cluster browser test: both pages connected again ${backMs} ms after the kill -9`);
    expect([...bgd.errors, ...lux.errors]).toEqual([]);
  }, 120_000);
});
