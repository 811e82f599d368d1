/**
 * An Arabic paragraph on screen: typed into the editor by a co-facilitator, it reads right to
 * left there, in the compilation and in the comparison, its number on the right; the English
 * paragraphs around it stay left to right.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { api } from '../support/auth.js';
import { launchBrowser, type PersonPage, screenshot, showText, signInAs } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const ARABIC = 'نلتزم بتعزيز التعاون الدولي بشأن الهجرة الآمنة والمنظمة والنظامية';

/** The computed `direction` of an element. */
function direction(locator: Locator): Promise<string> {
  return locator.evaluate((element) => getComputedStyle(element).direction);
}

/** Which side of the paragraph its margin number (the `::before` of its `data-number`) is set on. */
function numberSide(page: Page, pid: string): Promise<'left' | 'right'> {
  return page.locator(`.ProseMirror [data-pid="${pid}"]`).evaluate((element) => {
    // Set in the margin: the offset from the paragraph's edge on its side is negative.
    return Number.parseFloat(getComputedStyle(element, '::before').right) < 0 ? 'right' : 'left';
  });
}

describe('right-to-left text on screen', () => {
  let ts: TestServer;
  let browser: Browser;
  let bgd: PersonPage;

  beforeAll(async () => {
    ts = await startTestServer({ withClient: true });
    browser = await launchBrowser();
    bgd = await signInAs(browser, ts, 'demo-cofac-bgd');
  });

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it('sets an Arabic paragraph right to left in the editor, its number in the right margin', async () => {
    const { page } = bgd;
    await page.setViewportSize({ width: 1280, height: 900 });
    await showText(page);
    const op03 = page.locator('.ProseMirror [data-pid="op03"]');
    await op03.scrollIntoViewIfNeeded();
    // Select the paragraph's words and type Arabic over them.
    await op03.click({ clickCount: 3 });
    await page.keyboard.insertText(ARABIC);
    await expect.poll(() => op03.innerText(), { timeout: 10_000 }).toContain(ARABIC);
    await expect
      .poll(() => page.getByTestId('save-state').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('saved');
    expect(await direction(op03)).toBe('rtl');
    expect(await numberSide(page, 'op03')).toBe('right');
    expect(await direction(page.locator('.ProseMirror [data-pid="op02"]'))).toBe('ltr');
    expect(await numberSide(page, 'op02')).toBe('left');
    await screenshot(page, 'rtl-editor');
  });

  it('sets it right to left in the compilation, its number’s column on the right', async () => {
    const { page } = bgd;
    const button = page.locator('.text-view-switch [data-view="compilation"]');
    await button.click();
    const section = page.locator('section.c-para[data-pid="op03"]');
    await section.waitFor({ timeout: 15_000 });
    await section.scrollIntoViewIfNeeded();
    expect(await direction(section)).toBe('rtl');
    const margin = (await section.locator('.c-margin').boundingBox())!;
    const body = (await section.locator('.c-body').boundingBox())!;
    expect(margin.x).toBeGreaterThan(body.x);
    expect(await direction(page.locator('section.c-para[data-pid="op02"]'))).toBe('ltr');
    await screenshot(page, 'rtl-compilation');
  });

  it('sets it right to left in the comparison with Rev.1', async () => {
    const { page } = bgd;
    const cookie = await ts.signIn('demo-cofac-bgd');
    const timeline = await api<{ snapshots: { id: string; label: string }[] }>(
      ts.url,
      'GET',
      `/api/negotiations/${DEMO_NEGOTIATION_ID}/timeline`,
      { cookie },
    );
    const rev1 = timeline.body.snapshots.find((s) => s.label === 'Rev.1')!.id;
    await page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}/compare?from=${rev1}&to=live`);
    const table = page.getByTestId('comparison');
    await table.waitFor({ timeout: 15_000 });
    const newer = table.locator('td.cmp-newer .cmp-text', { hasText: 'نلتزم' });
    await newer.scrollIntoViewIfNeeded();
    expect(await direction(newer)).toBe('rtl');
    const row = table.locator('tr', { has: page.locator('td.cmp-newer .cmp-text', { hasText: 'نلتزم' }) });
    expect(await direction(row.locator('td.cmp-older .cmp-text'))).toBe('ltr');
    await screenshot(page, 'rtl-comparison');
  });
});
