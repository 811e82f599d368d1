/**
 * A delegate imports amendments from Word in a real browser: uploads the circulated revision
 * edited with Track Changes and a comment, reviews the proposals found, drops one, tables the
 * rest, and sees them bracketed and attributed in the compilation.
 */
import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { launchBrowser, type PersonPage, screenshot, signInAs } from '../support/browser.js';
import { revisionExport, type UnchangedParagraph } from '../support/revisionExport.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { commentEnd, commentStart, del, editExport, ins, t } from '../support/trackedDocx.js';

describe('importing amendments from Word', () => {
  let ts: TestServer;
  let browser: Browser;
  let eu: PersonPage;
  let paragraphs: UnchangedParagraph[];
  const path = '/tmp/amendment-import-test.docx';

  beforeAll(async () => {
    ts = await startTestServer({ withClient: true });
    browser = await launchBrowser();
    eu = await signInAs(browser, ts, 'demo-eu');
    const { file, unchanged } = await revisionExport(ts, await ts.signIn('demo-eu'));
    paragraphs = unchanged;
    const [a, b, c] = unchanged;
    const [a0, a1, ...aRest] = a!.text.split(' ');
    writeFileSync(
      path,
      await editExport(
        file,
        {
          [a!.label]: () => [
            t(`${a0} `),
            del(a1!, { author: 'Anna Capital' }),
            ins(`resolutely ${a1}`, { author: 'Anna Capital' }),
            t(` ${aRest.join(' ')}`),
          ],
          [b!.label]: (text) => [t(text.replace(/\.$/, '')), ins(', within existing resources'), t('.')],
          [c!.label]: (text) => [commentStart(1), t(text), commentEnd(1)],
        },
        [{ id: 1, text: 'Our capital wants to discuss this paragraph.', author: 'Ben Capital' }],
      ),
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it('reviews the proposals found, drops one, tables the rest and sees them in the compilation', async () => {
    const page = eu.page;
    await page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}`);
    await page.getByRole('link', { name: 'Import from Word' }).click();
    await page.getByRole('heading', { name: 'Import amendments from Word', level: 1 }).waitFor();
    await page.getByLabel('Word document (.docx) with tracked changes').setInputFiles(path);
    await page.getByRole('button', { name: 'Read the changes' }).click();

    const heading = page.getByRole('heading', { name: '3 proposals found' });
    await heading.waitFor({ timeout: 20_000 });
    // The focus moves to the results, so that a screen reader reads them next.
    await expect.poll(() => heading.evaluate((h) => h === document.activeElement)).toBe(true);
    const items = page.getByTestId('import-item');
    await expect.poll(() => items.count()).toBe(3);
    const [a, b, c] = paragraphs;
    const first = items.nth(0);
    expect(await first.innerText()).toContain(`${a!.label} — Amendment`);
    expect(await first.locator('ins').innerText()).toContain('resolutely');
    expect(await first.innerText()).toContain('In Word: Anna Capital');
    expect(await items.nth(2).innerText()).toContain('Our capital wants to discuss this paragraph.');
    await screenshot(page, 'amendment-import-review');
    await page.screenshot({ path: '/tmp/amendment-import-review.png', fullPage: true });

    // Drop the second amendment; the button counts what is kept.
    await page.getByRole('checkbox', { name: new RegExp(`^${b!.label} — Amendment`) }).uncheck();
    await page.getByRole('button', { name: 'Table 2 proposals' }).click();
    await page.getByText('2 proposals were tabled for your delegation.').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: '/tmp/amendment-import-tabled.png', fullPage: true });

    await page.getByRole('link', { name: 'See them in the text' }).click();
    const switcher = page.locator('.text-view-switch [data-view="compilation"]');
    await switcher.waitFor({ timeout: 15_000 });
    if ((await switcher.getAttribute('aria-pressed')) !== 'true') await switcher.click();
    const compiled = page.locator(`[data-testid="compilation"] [data-pid="${a!.pid}"] .bracket`, {
      hasText: 'resolutely',
    });
    await compiled.waitFor({ timeout: 10_000 });
    expect(await compiled.innerText()).toContain('European Union');
    // The dropped amendment was not tabled; the comment was.
    expect(
      await page
        .locator(`[data-testid="compilation"] [data-pid="${b!.pid}"]`)
        .innerText()
        .then((x) => x.includes('within existing resources')),
    ).toBe(false);
    const stored = await ts.storage.proposals.list(DEMO_NEGOTIATION_ID);
    expect(
      stored.filter((p) => p.pid === c!.pid && p.kind === 'comment' && p.delegation === 'EU'),
    ).toHaveLength(1);
    expect(eu.errors).toEqual([]);
  }, 90_000);
});
