/**
 * Circulating a text that has not changed since the last revision is refused, and the
 * co-facilitator is told why instead of a second, identical revision being recorded.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, redeem } from '../support/auth.js';
import { launchBrowser, newPersonPage, screenshot } from '../support/browser.js';
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

describe('circulation', () => {
  it('refuses to circulate an unchanged text as a new revision, with words', async () => {
    const admin = await redeem(ts.url, (await ts.server.accounts.createAdmin('Admin')).token);
    const id = (
      await api<{ id: string }>(ts.url, 'POST', '/api/negotiations', {
        cookie: admin,
        body: { title: 'Political declaration', timeZone: 'Europe/Zurich', facilitatorDelegations: ['MEX'] },
      })
    ).body.id;
    const invited = await api<{ token: string }>(ts.url, 'POST', `/api/negotiations/${id}/invitations`, {
      cookie: admin,
      body: { name: 'Co-facilitator, Mexico', role: 'facilitator', delegation: 'MEX' },
    });
    const cookie = await redeem(ts.url, invited.body.token);
    const preview = await api<{ doc: unknown }>(ts.url, 'POST', `/api/negotiations/${id}/import/preview`, {
      cookie,
      body: { text: 'Political declaration\nOP1 We commit to act.' },
    });
    await api(ts.url, 'POST', `/api/negotiations/${id}/import`, { cookie, body: { doc: preview.body.doc } });
    expect(
      (await api(ts.url, 'POST', `/api/negotiations/${id}/revisions`, { cookie, body: {} })).status,
    ).toBe(201);

    const mex = await newPersonPage(browser);
    const link = await api<{ token: string }>(ts.url, 'POST', `/api/negotiations/${id}/invitations`, {
      cookie: admin,
      body: { name: 'Co-facilitator, Mexico (second)', role: 'facilitator', delegation: 'MEX' },
    });
    await mex.page.goto(`${ts.url}/signin#${link.body.token}`);
    await mex.page.waitForURL((url) => url.pathname !== '/signin', { timeout: 15_000 });
    const page = mex.page;
    await page.goto(`${ts.url}/n/${id}/timeline`);
    await page.getByRole('button', { name: 'Circulate Rev.1' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Circulate Rev.1' }).click();
    const error = page.getByTestId('reading-error');
    await error.waitFor({ timeout: 10_000 });
    expect(await error.innerText()).toBe('The text has not changed since the last revision was circulated.');
    await screenshot(page, 'circulation-unchanged-refused');
    const timeline = await api<{ snapshots: unknown[] }>(ts.url, 'GET', `/api/negotiations/${id}/timeline`, {
      cookie,
    });
    expect(timeline.body.snapshots).toHaveLength(1);
    expect(mex.errors).toEqual([]);
  });
});
