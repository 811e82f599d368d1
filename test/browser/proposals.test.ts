/**
 * Bracketed proposals in real browsers: a delegate amends OP5 in the suggestion editor, the
 * co-facilitator sees it bracketed and attributed, a second delegation supports it, and the
 * co-facilitator applies it to the text for everyone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type PersonPage, screenshot, signInAs } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { suggestionEditor } from '../support/suggestion.js';

const OP5 = '[data-testid="compilation"] [data-pid="op05"]';
const MARKER = 'skills partnerships';
/** Words the European Union adds when it edits its amendment. */
const EDITED = 'for young migrants';

async function showCompilation(page: Page): Promise<void> {
  const button = page.locator('.text-view-switch [data-view="compilation"]');
  await button.waitFor({ timeout: 15_000 });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await page.locator(OP5).waitFor({ timeout: 15_000 });
}

async function selectOp5(page: Page): Promise<void> {
  await page.locator(`${OP5} .c-label`).click();
  await page.getByRole('heading', { name: 'Proposals on OP5' }).waitFor({ timeout: 5_000 });
}

/** The bracket of our amendment in a page's compilation. */
function ourBracket(page: Page) {
  return page.locator(`${OP5} .bracket`, { hasText: MARKER });
}

describe('bracketed proposals', () => {
  let ts: TestServer;
  let browser: Browser;
  let eu: PersonPage;
  let nor: PersonPage;
  let cofac: PersonPage;

  beforeAll(async () => {
    ts = await startTestServer({ withClient: true });
    browser = await launchBrowser();
    [eu, nor, cofac] = await Promise.all([
      signInAs(browser, ts, 'demo-eu'),
      signInAs(browser, ts, 'demo-nor'),
      signInAs(browser, ts, 'demo-cofac-bgd'),
    ]);
    for (const p of [eu, nor, cofac]) await showCompilation(p.page);
  });

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it('shows the compilation of the open reading with attributed brackets', async () => {
    // The demo's second reading already has two conflicting amendments on OP5.
    await expect
      .poll(() => eu.page.locator(`${OP5} .bracket`).count(), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
    const text = await eu.page.locator(`${OP5} .cluster`).first().innerText();
    expect(text).toContain('European Union, supported by Norway, Switzerland');
    expect(text).toContain('United States');
    await screenshot(eu.page, 'proposals-compilation-delegate');
  });

  it('lets a delegate table an amendment in place; the co-facilitator sees it bracketed within 2 s', async () => {
    const page = eu.page;
    await selectOp5(page);
    await page.getByRole('button', { name: 'Propose amendment' }).click();
    const editor = suggestionEditor(page, 'Amendment to OP5');
    const base = await editor.text();
    expect(base).toContain('labour mobility schemes');
    await editor.fill(base.replace('labour mobility schemes', `labour mobility schemes and ${MARKER}`));
    await expect.poll(async () => (await editor.inserted()).join(' ')).toContain(MARKER);
    await screenshot(page, 'proposals-suggestion-editor');
    const started = Date.now();
    await page.getByRole('button', { name: 'Table proposal' }).click();
    await ourBracket(cofac.page).waitFor({ timeout: 2_000 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await ourBracket(cofac.page).innerText()).toContain('European Union');
    expect(await ourBracket(cofac.page).locator('ins').innerText()).toContain(MARKER);
    await ourBracket(page).waitFor({ timeout: 2_000 });
  });

  it('lets the tabling delegation edit its amendment, starting from the words it tabled', async () => {
    const page = eu.page;
    await ourBracket(page).click();
    await page.locator('.proposal-card.selected').getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = suggestionEditor(page, 'Amendment to OP5');
    await expect.poll(() => editor.text()).toContain(`and ${MARKER}`);
    await screenshot(page, 'proposals-edit-amendment');
    await editor.fill((await editor.text()).replace(`and ${MARKER}`, `and ${MARKER} ${EDITED}`));
    await page.getByRole('button', { name: 'Save changes' }).click();
    for (const p of [eu.page, cofac.page]) {
      await expect.poll(() => ourBracket(p).locator('ins').innerText(), { timeout: 5_000 }).toContain(EDITED);
    }
  });

  it('lets a second delegation support it, and the attribution updates for everyone', async () => {
    const page = nor.page;
    await ourBracket(page).waitFor({ timeout: 5_000 });
    await ourBracket(page).click();
    const card = page.locator('.proposal-card.selected');
    await card.getByRole('button', { name: 'Support', exact: true }).click();
    for (const p of [eu.page, nor.page, cofac.page]) {
      await expect
        .poll(() => ourBracket(p).innerText(), { timeout: 5_000 })
        .toContain('European Union, supported by Norway');
    }
    // The tabling delegation cannot support its own proposal; the button is not offered.
    await ourBracket(eu.page).click();
    expect(
      await eu.page
        .locator('.proposal-card.selected')
        .getByRole('button', { name: 'Support', exact: true })
        .count(),
    ).toBe(0);
    await screenshot(nor.page, 'proposals-supported');
  });

  it('lets the co-facilitator apply it: the base text changes for everyone', async () => {
    const page = cofac.page;
    await ourBracket(page).click();
    page.once('dialog', (d) => void d.accept());
    await page.locator('.proposal-card.selected').getByRole('button', { name: 'Apply to text' }).click();
    for (const p of [eu.page, nor.page, cofac.page]) {
      await expect
        .poll(() => p.locator(`${OP5} .c-text`).first().innerText(), { timeout: 5_000 })
        .toContain(`and ${MARKER}`);
      // The text and the proposal's new status come over two documents: either may come first.
      await expect.poll(() => ourBracket(p).count(), { timeout: 5_000 }).toBe(0);
    }
    await expect
      .poll(() => page.locator('.proposal-card.selected .badge').first().innerText())
      .toBe('Incorporated');
    await screenshot(page, 'proposals-applied-cofacilitator');
  });

  it('offers observers nothing to table', async () => {
    const observer = await signInAs(browser, ts, 'demo-observer');
    await showCompilation(observer.page);
    await selectOp5(observer.page);
    expect(await observer.page.getByRole('button', { name: 'Propose amendment' }).count()).toBe(0);
    expect(await observer.page.getByText('Observers follow the negotiation').count()).toBe(1);
  });
});
