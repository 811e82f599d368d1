/**
 * "My delegation's proposals" in a real browser: the delegate reaches it from the header, it lists
 * the delegation's proposals (and nobody else's), a status filter and an order kept in the address
 * survive a reload, and a row leads to the proposal in the compilation.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import type { MyProposalsResponse } from '../../shared/myProposals.js';
import { api } from '../support/auth.js';
import { launchBrowser, type PersonPage, signInAs } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

describe('my delegation’s proposals', () => {
  let ts: TestServer;
  let browser: Browser;
  let delegate: PersonPage;

  beforeAll(async () => {
    ts = await startTestServer({ withClient: true });
    browser = await launchBrowser();
    delegate = await signInAs(browser, ts, 'demo-eu');
  });

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it('lists the delegation’s proposals; a filter in the address survives a reload', async () => {
    const { page } = delegate;
    const cookie = await ts.signIn('demo-eu');
    const expected = (
      await api<MyProposalsResponse>(
        ts.url,
        'GET',
        `/api/negotiations/${DEMO_NEGOTIATION_ID}/proposals/mine`,
        {
          cookie,
        },
      )
    ).body.proposals;
    expect(expected.length).toBeGreaterThan(1);

    await page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}`);
    await page
      .getByRole('navigation', { name: 'Negotiation' })
      .getByRole('link', { name: 'My proposals' })
      .click();
    await page.waitForURL(`**/n/${DEMO_NEGOTIATION_ID}/mine`);
    const table = page.getByRole('table', { name: /proposals/ });
    await table.waitFor();
    const rows = page.getByTestId('my-proposal');
    await expect.poll(() => rows.count()).toBe(expected.length);
    const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-proposal-id')));
    expect(ids.sort()).toEqual(expected.map((p) => p.id).sort());
    await page.screenshot({ path: '/tmp/my-proposals.png', fullPage: true });

    // Filter by a status some but not all of them have, and sort by paragraph.
    const status = expected.some((p) => p.status === 'open') ? 'open' : expected[0]!.status;
    const matching = expected.filter((p) => p.status === status).length;
    expect(matching).toBeLessThan(expected.length);
    await page.getByLabel('Status', { exact: true }).selectOption(status);
    await table.getByRole('button', { name: 'Paragraph' }).click();
    await expect.poll(() => page.url()).toContain(`status=${status}`);
    expect(page.url()).toContain('sort=paragraph');
    await expect.poll(() => rows.count()).toBe(matching);

    await page.reload();
    await table.waitFor();
    await expect.poll(() => rows.count()).toBe(matching);
    expect(await page.getByLabel('Status', { exact: true }).inputValue()).toBe(status);
    expect(await table.locator('th[aria-sort="ascending"]').textContent()).toContain('Paragraph');
    const statuses = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')));
    expect(new Set(statuses)).toEqual(new Set([status]));
    await page.screenshot({ path: '/tmp/my-proposals-filtered.png', fullPage: true });

    // A row leads to its proposal in the compilation.
    const first = rows.first();
    const id = await first.getAttribute('data-proposal-id');
    await first.getByRole('link').click();
    await page.waitForURL(`**/n/${DEMO_NEGOTIATION_ID}#proposal-${id}`);
  });
});
