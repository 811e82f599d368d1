/**
 * Collisions in a real browser: the demo's second reading has two amendments on the same words
 * of OP5 (the European Union's and the United States'). Their brackets are marked, OP5's margin
 * counts one collision, its panel lists them first under "Collisions"; a deletion of OP5 tabled
 * by the United Kingdom joins the group (a deletion collides with every amendment), for everyone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type PersonPage, screenshot, signInAs } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const OP5 = '[data-testid="compilation"] [data-pid="op05"]';

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

/** The read-out text of each marked bracket of OP5, by delegation. */
async function marks(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const b of await page.locator(`${OP5} .bracket.collides`).all()) {
    const code = (await b.getAttribute('data-delegation')) ?? '';
    out[code] = (await b.locator('.visually-hidden').last().textContent()) ?? '';
  }
  return out;
}

describe('collisions between proposals', () => {
  let ts: TestServer;
  let browser: Browser;
  let eu: PersonPage;
  let gbr: PersonPage;

  beforeAll(async () => {
    ts = await startTestServer({ withClient: true });
    browser = await launchBrowser();
    [eu, gbr] = await Promise.all([signInAs(browser, ts, 'demo-eu'), signInAs(browser, ts, 'demo-gbr')]);
    for (const p of [eu, gbr]) await showCompilation(p.page);
  });

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it('marks the two amendments on the same words and counts one collision in the margin', async () => {
    const page = eu.page;
    await expect
      .poll(() => marks(page), { timeout: 10_000 })
      .toEqual({
        EU: ' (collides with 1 proposal)',
        USA: ' (collides with 1 proposal)',
      });
    expect(await page.locator(`${OP5} .collision-mark`).first().isVisible()).toBe(true);
    expect(await page.locator(`${OP5} .c-collisions`).innerText()).toBe('⇄1');
    expect(await page.locator(`${OP5} .c-label`).getAttribute('aria-label')).toBe(
      'OP5, 2 proposals, 1 collision',
    );
    // A paragraph whose proposals touch different words (or none) has no mark and no count.
    expect(await page.locator('[data-testid="compilation"] [data-pid="pp04"] .bracket').count()).toBe(1);
    expect(await page.locator('[data-testid="compilation"] [data-pid="pp04"] .collides').count()).toBe(0);
    expect(await page.locator('[data-testid="compilation"] .c-collisions').count()).toBe(1);
  });

  it('lists the colliding proposals first in the panel, under "Collisions"', async () => {
    const page = eu.page;
    await selectOp5(page);
    const panel = page.locator('.proposal-panel');
    await panel.getByRole('heading', { name: 'Collisions', exact: true }).waitFor({ timeout: 5_000 });
    const groups = panel.getByTestId('collision-group');
    expect(await groups.count()).toBe(1);
    expect(await groups.first().getByRole('heading').innerText()).toBe(
      'Collision 1: 2 proposals change the same words',
    );
    const cards = groups.first().locator('.proposal-card');
    expect(await cards.count()).toBe(2);
    const text = await groups.first().innerText();
    expect(text).toContain('European Union');
    expect(text).toContain('United States');
    // The group stands before any other proposal of the paragraph.
    expect(
      await panel
        .locator('.proposal-card')
        .first()
        .evaluate((el) => el.closest('.collision-group') !== null),
    ).toBe(true);
    await screenshot(page, 'collisions-panel');
    await page.screenshot({ path: '/tmp/collisions-panel.png' });
  });

  it('puts a deletion of the paragraph in the group, for everyone', async () => {
    const page = gbr.page;
    await selectOp5(page);
    await page.getByRole('button', { name: 'Propose deletion' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Propose deletion' }).click();
    for (const p of [eu.page, gbr.page]) {
      await expect
        .poll(() => marks(p), { timeout: 5_000 })
        .toEqual({
          EU: ' (collides with 2 proposals)',
          USA: ' (collides with 2 proposals)',
          GBR: ' (collides with 2 proposals)',
        });
      expect(await p.locator(`${OP5} .c-collisions`).innerText()).toBe('⇄1');
    }
    await expect
      .poll(() => eu.page.getByTestId('collision-group').first().locator('.proposal-card').count())
      .toBe(3);
    await eu.page.screenshot({ path: '/tmp/collisions-delete.png' });
    expect(eu.errors).toEqual([]);
    expect(gbr.errors).toEqual([]);
  });
});
