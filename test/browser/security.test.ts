/**
 * The built client under the server's security headers: it signs in, connects its WebSocket and
 * edits with no content security policy violation, and no other page can frame it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPersonPage, screenshot, showText, signInAs } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

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

describe('security headers', () => {
  it('serves the app with a content security policy it runs under without violations', async () => {
    const res = await fetch(`${ts.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');

    const lux = await signInAs(browser, ts, 'demo-cofac-lux');
    const bgd = await signInAs(browser, ts, 'demo-cofac-bgd');
    for (const person of [lux, bgd]) {
      await showText(person.page);
      await expect
        .poll(() => person.page.getByTestId('connection-state').getAttribute('data-state'), {
          timeout: 15_000,
        })
        .toBe('connected');
    }
    // Typing shows the other co-facilitator's coloured cursor (a style attribute) on this page.
    await lux.page.locator('[data-pid="op02"]').click();
    await lux.page.keyboard.type(' under policy');
    await expect
      .poll(() => bgd.page.locator('.ProseMirror-yjs-cursor').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    // A selected word is highlighted on the other page in that person's colour (a style attribute).
    for (let i = 0; i < 6; i++) await lux.page.keyboard.press('Shift+ArrowLeft');
    const highlight = bgd.page.locator('.ProseMirror-yjs-selection').first();
    await highlight.waitFor({ timeout: 10_000 });
    await highlight.scrollIntoViewIfNeeded();
    expect(await highlight.evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    await screenshot(bgd.page, 'security-editor-under-csp');
    expect(lux.errors).toEqual([]);
    expect(bgd.errors).toEqual([]);
    await lux.context.close();
    await bgd.context.close();
  });

  it('cannot be framed by another page', async () => {
    const other = await newPersonPage(browser);
    await other.page.setContent(`<iframe id="app" src="${ts.url}/" width="600" height="300"></iframe>`);
    await other.page.waitForTimeout(1_000);
    const frame = other.page.frames().find((f) => f !== other.page.mainFrame());
    const rendered = frame
      ? await frame
          .locator('#root')
          .count()
          .catch(() => 0)
      : 0;
    expect(rendered).toBe(0);
    await screenshot(other.page, 'security-framing-refused');
    await other.context.close();
  });
});
