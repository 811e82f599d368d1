/**
 * The real-time editor in two real browsers: two co-facilitators of the demo negotiation, signed
 * in through their own links, see paragraph numbers, each other, and each other's typing.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerAccount, launchBrowser, type PersonPage, screenshot, signInAs } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** Waits until the page's connection and save states are as given. */
async function expectStatus(page: Page, connection: string, saved: string): Promise<void> {
  await expect
    .poll(() => page.getByTestId('connection-state').getAttribute('data-state'), { timeout: 10_000 })
    .toBe(connection);
  await expect
    .poll(() => page.getByTestId('save-state').getAttribute('data-state'), { timeout: 10_000 })
    .toBe(saved);
}

/** The margin number CSS shows before a paragraph (the `::before` content of its `data-number`). */
function marginNumber(page: Page, pid: string): Promise<string> {
  return page
    .locator(`.ProseMirror [data-pid="${pid}"]`)
    .evaluate((element) => getComputedStyle(element, '::before').content.replace(/^"|"$/g, ''));
}

/** A paragraph's text, without other people's cursors (their name labels are in the DOM). */
function paragraphText(page: Page, pid: string): Promise<string> {
  return page.locator(`.ProseMirror [data-pid="${pid}"]`).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const cursor of copy.querySelectorAll('.ProseMirror-yjs-cursor')) cursor.remove();
    return (copy.textContent ?? '').replace(/\u2060/g, '');
  });
}

/** Clicks just after the last character of a paragraph. */
async function clickAtEndOf(page: Page, pid: string): Promise<void> {
  const paragraph = page.locator(`.ProseMirror [data-pid="${pid}"]`);
  await paragraph.scrollIntoViewIfNeeded();
  const point = await paragraph.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const rects = range.getClientRects();
    const last = rects[rects.length - 1];
    if (!last) throw new Error('paragraph has no text');
    return { x: last.right - 1, y: last.top + last.height / 2 };
  });
  await page.mouse.click(point.x, point.y);
}

describe('real-time editor', () => {
  let ts: TestServer;
  let browser: Browser;
  let bgd: PersonPage;
  let lux: PersonPage;

  beforeAll(async () => {
    ts = await startTestServer({ withClient: true });
    browser = await launchBrowser();
    bgd = await signInAs(browser, ts, 'demo-cofac-bgd');
    lux = await signInAs(browser, ts, 'demo-cofac-lux');
  });

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it('opens the demo draft for both co-facilitators, numbered, connected and saved', async () => {
    for (const { page } of [bgd, lux]) {
      expect(new URL(page.url()).pathname).toBe('/n/imrf-2022');
      await page.locator('.ProseMirror [data-pid="op03"]').waitFor({ timeout: 10_000 });
      await expectStatus(page, 'connected', 'saved');
      expect(await page.locator('.ProseMirror').getAttribute('contenteditable')).toBe('true');
      await expect.poll(() => page.getByRole('toolbar').count()).toBe(1);
    }
    const first = bgd.page.locator('p.operative').first();
    expect(await first.getAttribute('data-pid')).toBe('op01');
    expect(await marginNumber(bgd.page, 'op01')).toBe('OP1');
    expect(await marginNumber(bgd.page, 'op03')).toBe('OP3');
    expect(await marginNumber(lux.page, 'pp01')).toBe('PP1');
  });

  it('shows both people in the presence list, with their delegations and "(you)"', async () => {
    for (const [{ page }, self, other] of [
      [bgd, 'Co-facilitator, Bangladesh', 'Co-facilitator, Luxembourg'],
      [lux, 'Co-facilitator, Luxembourg', 'Co-facilitator, Bangladesh'],
    ] as const) {
      const list = page.getByTestId('presence-list');
      await expect.poll(() => list.locator('li').allInnerTexts(), { timeout: 10_000 }).toHaveLength(2);
      const own = list.locator('li[data-self]');
      expect(await own.innerText()).toContain(self);
      expect(await own.innerText()).toContain('(you)');
      expect(await list.innerText()).toContain(other);
      expect(await list.innerText()).toContain('Luxembourg');
    }
    expect(await headerAccount(bgd.page)).toEqual({
      name: 'Co-facilitator, Bangladesh',
      role: 'Co-facilitator',
      delegation: 'Bangladesh',
    });
  });

  it('sends typing in OP3 to the other co-facilitator within 2 seconds, saved', async () => {
    const marker = `mk${Date.now().toString(36)}`;
    const before = await paragraphText(lux.page, 'op03');
    expect(before).not.toContain(marker);

    await clickAtEndOf(bgd.page, 'op03');
    await bgd.page.keyboard.type(` ${marker}`);
    expect(await paragraphText(bgd.page, 'op03')).toBe(`${before} ${marker}`);

    const typed = Date.now();
    await lux.page.locator('.ProseMirror [data-pid="op03"]', { hasText: marker }).waitFor({ timeout: 2_000 });
    expect(Date.now() - typed).toBeLessThan(2_000);
    expect(await paragraphText(lux.page, 'op03')).toBe(`${before} ${marker}`);

    await expectStatus(bgd.page, 'connected', 'saved');
    await expectStatus(lux.page, 'connected', 'saved');
    // The margin still numbers OP3 as such after the edit.
    expect(await marginNumber(lux.page, 'op03')).toBe('OP3');
    for (const { page } of [bgd, lux])
      await page.locator('.ProseMirror [data-pid="op03"]').scrollIntoViewIfNeeded();
    await screenshot(bgd.page, 'editor-cofac-bangladesh');
    await screenshot(lux.page, 'editor-cofac-luxembourg');

    // What the server acknowledged is there for a fresh page.
    await lux.page.reload();
    await lux.page
      .locator('.ProseMirror [data-pid="op03"]', { hasText: marker })
      .waitFor({ timeout: 10_000 });
    await expectStatus(lux.page, 'connected', 'saved');
    expect(new URL(lux.page.url()).pathname).toBe('/n/imrf-2022');
    await lux.page.locator('.ProseMirror [data-pid="op03"]').scrollIntoViewIfNeeded();
    await screenshot(lux.page, 'editor-cofac-luxembourg-reloaded');
    expect(bgd.errors).toEqual([]);
    expect(lux.errors).toEqual([]);
  });
});
