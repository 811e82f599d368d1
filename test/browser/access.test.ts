/**
 * A delegation sees when someone was given a way in under its name (issue 14, case 8): a
 * co-facilitator issues a sign-in link for the EU's delegate from the participants page and uses
 * it; the EU delegate, on the text, is told within moments, opens Sign-ins, sees who issued the
 * link and the session it opened, and ends that session. An administrator who takes no part sees
 * the invitation form only.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { redeem } from '../support/auth.js';
import { launchBrowser, newPersonPage, type PersonPage, screenshot, signInAs } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const N = `/n/${DEMO_NEGOTIATION_ID}`;

describe('a delegation’s sign-ins', () => {
  let ts: TestServer;
  let browser: Browser;
  let facilitator: PersonPage;
  let delegate: PersonPage;

  beforeAll(async () => {
    ts = await startTestServer({ withClient: true });
    browser = await launchBrowser();
    facilitator = await signInAs(browser, ts, 'demo-cofac-lux');
    delegate = await signInAs(browser, ts, 'demo-eu');
  });

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it('tells the delegate of a link issued for them, shows who issued it, and ends the session it opened', async () => {
    await delegate.page.goto(`${ts.url}${N}`);
    await delegate.page.getByRole('link', { name: 'Sign-ins' }).waitFor({ timeout: 15_000 });
    expect(await delegate.page.getByTestId('access-alert').count()).toBe(0);

    // The co-facilitator issues a link for the EU's delegate and copies it.
    const fac = facilitator.page;
    await fac.goto(`${ts.url}${N}/participants`);
    const row = fac.locator('tr[data-person="demo-eu"]');
    await row.getByRole('button', { name: 'New sign-in link for Delegate, European Union' }).click();
    const url = await fac.getByTestId('issued-link-url').inputValue();
    await expect
      .poll(() => row.innerText(), { timeout: 10_000 })
      .toContain('issued by Co-facilitator, Luxembourg');
    // Someone signs in with it in another browser.
    const impostor = await newPersonPage(browser);
    await impostor.page.goto(url);
    await impostor.page.waitForURL((u) => u.pathname !== '/signin', { timeout: 15_000 });

    // The delegate is told without reloading (the header asks every 15 s and on focus).
    const alert = delegate.page.getByTestId('access-alert');
    await alert.waitFor({ timeout: 25_000 });
    expect(await alert.innerText()).toContain(
      'Co-facilitator, Luxembourg issued a sign-in link for Delegate, European Union',
    );
    expect(await delegate.page.getByTestId('access-badge').innerText()).toBe('1 new');
    await screenshot(delegate.page, 'access-alert');

    await alert.getByRole('link', { name: 'Review sign-ins' }).click();
    const table = delegate.page.getByTestId('participants-table');
    await table.waitFor({ timeout: 10_000 });
    const text = await table.innerText();
    expect(text).toContain('Your people (1)');
    expect(text).toContain('issued by Co-facilitator, Luxembourg');
    expect(text).toContain('this browser');
    expect(await delegate.page.getByTestId('access-badge').count()).toBe(0);
    await screenshot(delegate.page, 'access-page');

    // The session that is not this browser's, newest first in the list: end it.
    const other = table.locator('li:not([data-session-current])').filter({ hasText: 'Since' }).first();
    await other.getByRole('button', { name: /^End the session of Delegate, European Union/ }).click();
    await delegate.page.getByRole('dialog').getByRole('button', { name: 'End session' }).click();
    await delegate.page
      .getByTestId('access-status')
      .getByText('Session of Delegate, European Union ended.')
      .waitFor({
        timeout: 10_000,
      });
    const me = await impostor.page.request.get(`${ts.url}/api/me`);
    const mine = await delegate.page.request.get(`${ts.url}/api/me`);
    expect([me.status(), mine.status()]).toEqual([401, 200]);
    expect(delegate.errors).toEqual([]);
  });

  it('shows an administrator who takes no part the invitation form, not the text', async () => {
    const cookie = await redeem(ts.url, (await ts.server.accounts.createAdmin('Server admin')).token);
    const admin = await newPersonPage(browser);
    const [name, value] = cookie.split('=') as [string, string];
    await admin.context.addCookies([{ name, value, url: ts.url }]);
    await admin.page.goto(`${ts.url}${N}`);
    await admin.page.getByTestId('not-taking-part').waitFor({ timeout: 15_000 });
    expect(await admin.page.locator('.ProseMirror, .negotiation-nav').count()).toBe(0);
    await admin.page.getByRole('link', { name: 'Invite people' }).click();
    await admin.page.getByRole('heading', { name: 'Invite someone' }).waitFor({ timeout: 10_000 });
    expect((await admin.page.locator('.negotiation-nav').innerText()).trim()).toBe('Participants');
    expect(await admin.page.getByTestId('participants-table').count()).toBe(0);
    // Delegations and observers are the co-facilitators' to invite.
    expect(await admin.page.getByLabel('Role').locator('option').allInnerTexts()).toEqual(['Co-facilitator']);
    await screenshot(admin.page, 'access-admin-invites');
    expect(admin.errors).toEqual([]);
  });
});
