/**
 * Readable brackets in a real browser: a replacement shows the struck words and the words put in
 * apart ("[new innovative — European Union]", not "[newinnovative …]"), italic base words stay
 * italic inside a bracket (the compilation and its print view) and on both sides of the
 * comparison of two versions.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { draftDocName } from '../../shared/protocol.js';
import type { CanonicalSnapshot } from '../../shared/snapshot.js';
import { api } from '../support/auth.js';
import { launchBrowser, type PersonPage, SCREENSHOT_DIR, screenshot, signInAs } from '../support/browser.js';
import { paragraphString, paragraphText } from '../support/draft.js';
import { connectProvider, waitFor } from '../support/provider.js';
import { startTestServer, type TestServer } from '../support/server.js';

const BASE = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;
const para = (pid: string) => `[data-testid="compilation"] [data-pid="${pid}"]`;

/** The text of an element as a reader sees it, with italics as _words_ and struck words as ~~words~~. */
function marked(locator: Locator): Promise<string> {
  return locator.evaluate((root) => {
    const walk = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      const el = node as HTMLElement;
      if (el.classList?.contains('visually-hidden')) return '';
      const inner = [...node.childNodes].map(walk).join('');
      if (el.tagName === 'EM') return `_${inner}_`;
      if (el.tagName === 'DEL') return `~~${inner}~~`;
      return inner;
    };
    return walk(root);
  });
}

async function showCompilation(page: Page): Promise<void> {
  const button = page.locator('.text-view-switch [data-view="compilation"]');
  await button.waitFor({ timeout: 15_000 });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await page.locator(para('op02')).waitFor({ timeout: 15_000 });
}

describe('readable brackets', () => {
  let ts: TestServer;
  let browser: Browser;
  let eu: PersonPage;
  let euCookie: string;
  let proposalId: string;

  beforeAll(async () => {
    ts = await startTestServer({ withClient: true });
    browser = await launchBrowser();
    eu = await signInAs(browser, ts, 'demo-eu');
    euCookie = await ts.signIn('demo-eu');
    // OP2 opens with "We welcome" in italics; the EU replaces "welcome" and "new".
    const live = await api<{ snapshot: CanonicalSnapshot }>(ts.url, 'GET', `${BASE}/snapshots/live`, {
      cookie: euCookie,
    });
    const op02 = live.body.snapshot.blocks.find((b) => b.pid === 'op02')!;
    expect(op02.runs[0]).toEqual({ text: 'We welcome', em: true });
    const proposed = op02.text
      .replace('We welcome', 'We acknowledge')
      .replace('new coordination', 'innovative coordination');
    const tabled = await api<{ proposal: { id: string } }>(ts.url, 'POST', `${BASE}/proposals`, {
      cookie: euCookie,
      body: { kind: 'amend', pid: 'op02', baseText: op02.text, text: proposed },
    });
    expect(tabled.status).toBe(201);
    proposalId = tabled.body.proposal.id;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it('sets struck and inserted words apart and keeps italic base words italic in the compilation', async () => {
    const page = eu.page;
    await page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}`);
    await showCompilation(page);
    const paragraph = page.locator(para('op02'));
    const brackets = paragraph.locator(`.c-text .bracket[data-proposal-id="${proposalId}"]`);
    await expect.poll(() => brackets.count(), { timeout: 10_000 }).toBe(2);
    expect(await brackets.nth(0).innerText()).toBe('[welcome acknowledge — European Union]');
    expect(await brackets.nth(1).innerText()).toBe('[new innovative — European Union]');
    // The struck "welcome" is italic, as it is in the text; the words put in are not.
    expect(await marked(brackets.nth(0))).toBe('[~~_welcome_~~ acknowledge — European Union]');
    expect(await brackets.nth(0).locator('del em').innerText()).toBe('welcome');
    expect(await brackets.nth(0).locator('ins em').count()).toBe(0);
    expect(await marked(paragraph.locator('.c-text'))).toContain(
      '_We _[~~_welcome_~~ acknowledge — European Union] the progress made',
    );
    await paragraph.scrollIntoViewIfNeeded();
    await screenshot(page, 'brackets-compilation');
    await screenshotOf(paragraph, 'brackets-compilation-op2');
  });

  it('prints the same brackets', async () => {
    const page = eu.page;
    await page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}/print/live?mode=compilation`);
    const paragraph = page.locator('.print-sheet [data-pid="op02"]');
    await paragraph.waitFor({ timeout: 15_000 });
    const brackets = paragraph.locator(`.bracket[data-proposal-id="${proposalId}"]`);
    expect(await marked(brackets.nth(0))).toBe('[~~_welcome_~~ acknowledge — European Union]');
    expect(await brackets.nth(1).innerText()).toBe('[new innovative — European Union]');
    await screenshotOf(paragraph, 'brackets-print-op2');
  });

  it('keeps italics on both sides of the comparison, struck and inserted words included', async () => {
    // A co-facilitator rewords the italic opening of OP8, "We appreciate" → "We value" (italic).
    const cookie = await ts.signIn('demo-cofac-bgd');
    const draft = await connectProvider(ts.wsUrl, draftDocName(DEMO_NEGOTIATION_ID), { headers: { cookie } });
    try {
      const before = paragraphString(draft.doc, 'op08');
      expect(before.startsWith('We appreciate')).toBe(true);
      draft.doc.transact(() => {
        const t = paragraphText(draft.doc, 'op08');
        t.delete(3, 'appreciate'.length);
        t.insert(3, 'value', { em: {} });
      });
      const room = await ts.server.rooms.open(draftDocName(DEMO_NEGOTIATION_ID));
      await waitFor(
        () => paragraphString(room.doc, 'op08').startsWith('We value'),
        5_000,
        'edit on the server',
      );
    } finally {
      draft.provider.destroy();
    }
    const timeline = await api<{ snapshots: { id: string; label: string }[] }>(
      ts.url,
      'GET',
      `${BASE}/timeline`,
      { cookie: euCookie },
    );
    const rev1 = timeline.body.snapshots.find((s) => s.label === 'Rev.1')!.id;
    const page = eu.page;
    await page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}/compare?from=${rev1}&to=live`);
    const table = page.getByTestId('comparison');
    await table.waitFor({ timeout: 15_000 });
    // (The words a side marks are read out with "insertion"/"deletion" hidden around them.)
    const row = table
      .locator('tr[data-kind="changed"]')
      .filter({ has: page.locator('td.cmp-newer ins', { hasText: 'value' }) });
    await row.scrollIntoViewIfNeeded();
    expect(await marked(row.locator('td.cmp-older .cmp-text'))).toMatch(/^_We _~~_appreciate_~~ /);
    expect(await marked(row.locator('td.cmp-newer .cmp-text'))).toMatch(/^_We __value_ /);
    expect(await row.locator('td.cmp-older del em').innerText()).toBe('appreciate');
    expect(await row.locator('td.cmp-newer ins em').innerText()).toBe('value');
    // Unchanged italic openings stay italic too.
    const unchanged = table.locator('tr[data-kind="unchanged"]', { hasText: 'We reaffirm' }).first();
    expect(await unchanged.locator('td.cmp-older .cmp-text em').first().innerText()).toBe('We reaffirm');
    await screenshotOf(row, 'brackets-compare-op8');
  });
});

/** A screenshot of one element, `test-output/screenshots/<name>.png`. */
async function screenshotOf(locator: Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await locator.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}
