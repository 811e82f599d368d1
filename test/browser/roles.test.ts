/**
 * Accounts and roles in real browsers: a delegate reads the text a co-facilitator edits; the
 * co-facilitator invites a new delegate from the participants page, whose copied link signs a
 * third browser in; the audit log records the invitation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  headerAccount,
  launchBrowser,
  newPersonPage,
  type PersonPage,
  screenshot,
  showText,
  signInAs,
} from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const OP3 = '.ProseMirror [data-pid="op03"]';

/** OP3's text without other people's cursors. */
function op3Text(page: Page): Promise<string> {
  return page.locator(OP3).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const cursor of copy.querySelectorAll('.ProseMirror-yjs-cursor')) cursor.remove();
    return (copy.textContent ?? '').replace(/\u2060/g, '');
  });
}

/** Waits until the page's collaboration connection is up and the draft has arrived. */
async function waitForDraft(page: Page): Promise<void> {
  await showText(page);
  await page.locator(OP3).waitFor({ timeout: 10_000 });
  await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor({ timeout: 10_000 });
}

describe('accounts and roles', () => {
  let ts: TestServer;
  let browser: Browser;
  let facilitator: PersonPage;
  let delegate: PersonPage;

  beforeAll(async () => {
    ts = await startTestServer({ withClient: true });
    browser = await launchBrowser();
    facilitator = await signInAs(browser, ts, 'demo-cofac-bgd');
    delegate = await signInAs(browser, ts, 'demo-eu');
    await waitForDraft(facilitator.page);
    await waitForDraft(delegate.page);
  });

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it('shows who is signed in, and removes the link from the address', async () => {
    expect(await headerAccount(delegate.page)).toEqual({
      name: 'Delegate, European Union',
      role: 'Delegate',
      delegation: 'European Union',
    });
    expect(await headerAccount(facilitator.page)).toEqual({
      name: 'Co-facilitator, Bangladesh',
      role: 'Co-facilitator',
      delegation: 'Bangladesh',
    });
    for (const { page } of [facilitator, delegate]) expect(new URL(page.url()).hash).toBe('');
  });

  it("gives the delegate a read-only text that still follows the co-facilitator's edits", async () => {
    const page = delegate.page;
    const editor = page.locator('.ProseMirror');
    expect(await editor.getAttribute('contenteditable')).toBe('false');
    expect(await page.getByRole('toolbar').count()).toBe(0);
    expect(await page.getByTestId('read-only-note').innerText()).toBe(
      'Only the co-facilitators edit the text; you can read it here.',
    );
    // Only co-facilitators get the participants page and audit log in the header.
    for (const name of ['Participants', 'Audit log']) {
      expect(await page.getByRole('banner').getByRole('link', { name }).count()).toBe(0);
      expect(await facilitator.page.getByRole('banner').getByRole('link', { name }).count()).toBe(1);
    }
    expect(await facilitator.page.locator('.ProseMirror').getAttribute('contenteditable')).toBe('true');

    const before = await op3Text(page);
    await page.locator(OP3).click();
    await page.keyboard.type('delegate typing');
    await page.keyboard.press('Enter');
    expect(await op3Text(page)).toBe(before);

    const marker = `cofac${Date.now().toString(36)}`;
    await facilitator.page.locator(OP3).click();
    await facilitator.page.keyboard.press('End');
    await facilitator.page.keyboard.type(` ${marker}`);
    await page.locator(OP3, { hasText: marker }).waitFor({ timeout: 2_000 });
    // By now the delegate's keystrokes, had they counted, would be in their view too.
    expect(await op3Text(page)).not.toContain('delegate typing');
    expect(await op3Text(facilitator.page)).not.toContain('delegate typing');
    expect(await page.getByTestId('presence-list').innerText()).toContain('Co-facilitator, Bangladesh');
    await page.locator(OP3).scrollIntoViewIfNeeded();
    await screenshot(page, 'roles-delegate-read-only');
  });

  it('refuses the audit log to a delegate with the reason', async () => {
    const { page } = delegate;
    await page.goto(`${ts.url}/n/imrf-2022/audit`);
    await expect
      .poll(() => page.getByRole('alert').innerText(), { timeout: 10_000 })
      .toContain('Only the co-facilitators can do that.');
    expect(await page.getByTestId('audit-table').count()).toBe(0);
  });

  it('lets the co-facilitator invite a delegate of France whose copied link signs a third browser in', async () => {
    const { page, context } = facilitator;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ts.url });
    await page
      .getByRole('navigation', { name: 'Negotiation' })
      .getByRole('link', { name: 'Participants' })
      .click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/n/imrf-2022/participants');
    const table = page.getByTestId('participants-table');
    await table.waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await table.locator('tbody tr').count()).toBe(15);

    const form = page.getByTestId('invite-form');
    expect(await form.getByLabel('Role').inputValue()).toBe('delegate');
    await form.getByRole('combobox', { name: 'Delegation' }).fill('France');
    await expect.poll(() => form.getByTestId('delegation-choice').innerText()).toBe('Selected: France (FRA)');
    expect(await form.getByLabel('Name').inputValue()).toBe('Delegate, France');
    await form.getByLabel('Link valid for').selectOption('24');
    await form.getByRole('button', { name: 'Create invitation' }).click();

    const issued = page.getByTestId('issued-link');
    await issued.waitFor({ timeout: 10_000 });
    expect(await issued.getByRole('heading').innerText()).toBe('Sign-in link for Delegate, France');
    expect(await issued.innerText()).toContain('shown only this once');
    const url = await page.getByTestId('issued-link-url').inputValue();
    expect(url).toMatch(new RegExp(`^${ts.url}/signin#[A-Za-z0-9_-]{20,}$`));
    await issued.getByRole('button', { name: 'Copy link' }).click();
    await issued.getByText('Link copied to the clipboard.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(url);
    expect(await page.getByTestId('participants-status').innerText()).toContain(
      'Invitation created for Delegate, France',
    );
    const france = table.locator('tr', { has: page.getByRole('rowheader', { name: 'Delegate, France' }) });
    await france.waitFor({ timeout: 10_000 });
    expect(await france.locator('[data-link-state="pending"]').count()).toBe(1);
    await screenshot(page, 'roles-participants-invited');

    // A third person opens the copied link in a browser of their own.
    const newcomer = await newPersonPage(browser);
    await newcomer.page.goto(copied);
    await newcomer.page.waitForURL((u) => u.pathname === '/n/imrf-2022', { timeout: 15_000 });
    expect(new URL(newcomer.page.url()).hash).toBe('');
    expect(await headerAccount(newcomer.page)).toEqual({
      name: 'Delegate, France',
      role: 'Delegate',
      delegation: 'France',
    });
    await waitForDraft(newcomer.page);
    expect(await newcomer.page.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false');
    const own = newcomer.page.getByTestId('presence-list').locator('li[data-self]');
    await expect.poll(() => own.innerText(), { timeout: 10_000 }).toContain('Delegate, France');
    expect(await own.innerText()).toContain('(you)');
    await screenshot(newcomer.page, 'roles-newcomer-france');

    // The link worked once; opened again, it says so.
    const again = await newPersonPage(browser);
    await again.page.goto(copied);
    await expect
      .poll(() => again.page.getByTestId('signin-error').innerText(), { timeout: 10_000 })
      .toContain('already been used');
    await screenshot(again.page, 'roles-link-used');
    await again.context.close();

    // The co-facilitator sees the new session, and can end it.
    await page.reload();
    await france.waitFor({ timeout: 10_000 });
    await expect.poll(() => france.getByTestId('session-count').innerText()).toBe('1 active');
    expect(await france.locator('[data-link-state="used"]').count()).toBe(1);
    await france.getByRole('button', { name: /^End the session of Delegate, France/ }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.innerText()).toContain('End this session of Delegate, France?');
    await dialog.getByRole('button', { name: 'End session' }).click();
    await expect
      .poll(() => page.getByTestId('participants-status').innerText(), { timeout: 10_000 })
      .toBe('Session of Delegate, France ended.');
    await expect.poll(() => france.getByTestId('session-count').innerText()).toBe('None');
    await expect
      .poll(() => newcomer.page.getByTestId('connection-state').getAttribute('data-state'), {
        timeout: 10_000,
      })
      .toBe('closed');
    expect(newcomer.errors).toEqual([]);
    await newcomer.context.close();
  });

  it('lists the invitation in the audit log, newest first', async () => {
    const { page } = facilitator;
    await page
      .getByRole('navigation', { name: 'Negotiation' })
      .getByRole('link', { name: 'Audit log' })
      .click();
    const table = page.getByTestId('audit-table');
    await table.waitFor({ timeout: 10_000 });
    const invitation = table.locator('tr[data-action="invitation.created"]', { hasText: 'Delegate, France' });
    expect(await invitation.count()).toBe(1);
    expect(await invitation.innerText()).toContain('Sign-in link created');
    expect(await invitation.innerText()).toContain('Co-facilitator, Bangladesh');
    expect(await invitation.innerText()).toContain('role: Delegate');
    const actions = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    // Ending the session came after the invitation and the sign-in, so it is listed above them.
    expect(actions.indexOf('session.revoked')).toBeLessThan(actions.indexOf('invitation.created'));
    const times = await table
      .locator('tbody time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
    expect([...times].sort().reverse()).toEqual(times);
    await screenshot(page, 'roles-audit-log');
    expect(facilitator.errors).toEqual([]);
    expect(delegate.errors).toEqual([]);
  });

  it('signs the delegate out; without a session every page explains how to sign in', async () => {
    const { page } = delegate;
    await page.goto(`${ts.url}/n/imrf-2022`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    const signedOut = page.getByTestId('signed-out');
    await signedOut.waitFor({ timeout: 10_000 });
    expect(await signedOut.getByRole('heading', { level: 1 }).innerText()).toBe('You have signed out');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByTestId('account').count()).toBe(0);

    await page.goto(`${ts.url}/n/imrf-2022/participants`);
    await signedOut.waitFor({ timeout: 10_000 });
    expect(await signedOut.getByRole('heading', { level: 1 }).innerText()).toBe('You are not signed in');
    expect(await signedOut.innerText()).toContain('Sign-in is by personal link');
    await screenshot(page, 'roles-not-signed-in');
    expect(delegate.errors).toEqual([]);
  });
});
