/**
 * The working views in real browsers. A co-facilitator editing the text sees how many open
 * proposals each paragraph has, and the proposals of the paragraph under the cursor beside the
 * text, where she sets their status and applies them without leaving the edit view. A delegate
 * who comes back, in another browser, after the text and the proposals changed is told how many
 * changes there were, sees them listed and highlighted, and goes through them by keyboard.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { api } from '../support/auth.js';
import { launchBrowser, type PersonPage, screenshot, signInAs } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const N = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;
const COMPILATION = '[data-testid="compilation"]';
const PANEL = '[data-testid="edit-proposals"]';

interface View {
  id: string;
  pid: string;
  kind: string;
  status: string;
  delegation: { code: string };
}

async function openText(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/n/${DEMO_NEGOTIATION_ID}`);
  await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor({ timeout: 15_000 });
}

async function showCompilation(page: Page): Promise<void> {
  const button = page.locator('.text-view-switch [data-view="compilation"]');
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await page.locator(`${COMPILATION} [data-pid="op05"]`).waitFor({ timeout: 15_000 });
}

describe('the working views', () => {
  let ts: TestServer;
  let browser: Browser;
  let cofac: PersonPage;
  let cofacCookie: string;
  let euCookie: string;

  const proposals = async () =>
    (await api<{ proposals: View[] }>(ts.url, 'GET', `${N}/proposals`, { cookie: cofacCookie })).body
      .proposals;

  beforeAll(async () => {
    ts = await startTestServer({ withClient: true });
    browser = await launchBrowser();
    cofacCookie = await ts.signIn('demo-cofac-lux');
    euCookie = await ts.signIn('demo-eu');
    cofac = await signInAs(browser, ts, 'demo-cofac-bgd');
  });

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it("shows the co-facilitator each paragraph's open proposals while she edits, and lets her decide them there", async () => {
    const page = cofac.page;
    await openText(page, ts.url);
    // Co-facilitators open on the text, with a proposal count beside each paragraph that has some.
    await page.locator('.ProseMirror [data-pid="op05"][data-proposals="2"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('.ProseMirror [data-pid="op20"]').getAttribute('data-proposals')).toBe('1');
    expect(await page.locator('.ProseMirror [data-pid="op06"]').getAttribute('data-proposals')).toBeNull();
    expect(await page.locator(PANEL).innerText()).toContain('Put the cursor in a paragraph');

    // The cursor in OP5: its proposals beside the text, with the co-facilitators' actions.
    await page.locator('.ProseMirror [data-pid="op05"]').click();
    await page.locator(PANEL).getByRole('heading', { name: 'Proposals on OP5' }).waitFor({ timeout: 5_000 });
    const cards = page.locator(`${PANEL} .proposal-panel > .proposal-list > .proposal-card`);
    expect(await cards.count()).toBe(2);
    expect(await page.locator('.ProseMirror [data-pid="op05"]').getAttribute('class')).toContain(
      'current-paragraph',
    );
    await screenshot(page, 'workspace-edit-view-proposals');

    // Keyboard: Tab from the text reaches the panel's controls.
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.activeElement?.closest('[data-testid="edit-proposals"]') !== null),
    ).toBe(true);

    // Status from the edit view: the United States' amendment is not retained, for everyone.
    const usa = (await proposals()).find((p) => p.pid === 'op05' && p.delegation.code === 'USA')!;
    const usaCard = page.locator(`${PANEL} .proposal-card[data-proposal-id="${usa.id}"]`);
    await usaCard.getByLabel('Set status').selectOption('not-retained');
    await expect
      .poll(async () => (await proposals()).find((p) => p.id === usa.id)?.status, { timeout: 5_000 })
      .toBe('not-retained');
    await expect.poll(() => usaCard.locator('.badge').first().innerText()).toBe('Not retained');
    await expect
      .poll(() => page.locator('.ProseMirror [data-pid="op05"]').getAttribute('data-proposals'))
      .toBe('1');

    // Apply from the edit view: the European Union's amendment goes into the text being edited.
    const eu = (await proposals()).find((p) => p.pid === 'op05' && p.delegation.code === 'EU')!;
    page.once('dialog', (d) => void d.accept());
    await page
      .locator(`${PANEL} .proposal-card[data-proposal-id="${eu.id}"]`)
      .getByRole('button', { name: 'Apply to text' })
      .click();
    await expect
      .poll(() => page.locator('.ProseMirror [data-pid="op05"]').innerText(), { timeout: 5_000 })
      .toContain('the further widening');
    expect(await page.locator('.ProseMirror [data-pid="op05"]').getAttribute('data-proposals')).toBeNull();
    await screenshot(page, 'workspace-edit-view-applied');
  });

  it('tells a returning delegate, in another browser, what changed since her last visit', async () => {
    // First visit, in one browser.
    const first = await signInAs(browser, ts, 'demo-eu');
    const recorded = first.page.waitForResponse(
      (r) => r.url().endsWith(`${N}/visit`) && r.request().method() === 'PUT',
    );
    await openText(first.page, ts.url);
    await showCompilation(first.page);
    await recorded;
    expect(await first.page.getByTestId('since-visit').count()).toBe(0);
    await first.context.close();

    // Meanwhile: the co-facilitators reword OP3 and close OP20's alternative; Norway comments on OP7.
    const page = cofac.page;
    await page.locator('.ProseMirror [data-pid="op03"]').click({ position: { x: 2, y: 6 } });
    await page.keyboard.press('Home');
    await page.keyboard.type('Today, ');
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor({ timeout: 5_000 });
    const alt = (await proposals()).find((p) => p.pid === 'op20' && p.kind === 'alt' && p.status === 'open')!;
    const nor = await ts.signIn('demo-nor');
    expect(
      (
        await api(ts.url, 'PUT', `${N}/proposals/${alt.id}/status`, {
          cookie: cofacCookie,
          body: { status: 'not-retained' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api(ts.url, 'POST', `${N}/proposals`, {
          cookie: nor,
          body: { kind: 'comment', pid: 'op07', text: 'Norway asks for the data sources.' },
        })
      ).status,
    ).toBe(201);

    // Back, in another browser: the count, the list, the marks.
    const back = await signInAs(browser, ts, 'demo-eu');
    await openText(back.page, ts.url);
    const bar = back.page.getByTestId('since-visit');
    await bar.waitFor({ timeout: 10_000 });
    await expect
      .poll(() => bar.locator('h2').innerText(), { timeout: 5_000 })
      .toBe('3 changes since your last visit');
    const heading = await bar.locator('h2').innerText();
    await bar.getByText('List of changes').click();
    const items = await bar.locator('.since-change').allInnerTexts();
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/^OP3 Text changed/);
    expect(items[0]).toContain('Today,');
    // Labels are the paragraphs' numbers now (op07 reads OP8 in Rev.1).
    const label = (pid: string) =>
      back.page.locator(`${COMPILATION} section[data-pid="${pid}"] .c-label`).innerText();
    expect(items[1]).toMatch(new RegExp(`^${await label('op07')} Comment tabled — Norway`));
    expect(items[2]).toMatch(
      new RegExp(`^${await label('op20')} Alternative text changed — .*now Not retained`),
    );
    expect(await bar.locator('.since-change.text ins').first().innerText()).toContain('Today,');
    const compilation = back.page.locator(COMPILATION);
    expect(await compilation.locator('section[data-pid="op03"]').getAttribute('class')).toContain(
      'since-visit',
    );
    for (const pid of ['op04', 'op05'])
      expect(await compilation.locator(`section[data-pid="${pid}"]`).getAttribute('class')).not.toContain(
        'since-visit',
      );
    expect(await compilation.locator('section[data-pid="op07"] .bracket.since-visit').innerText()).toContain(
      'Norway',
    );
    await screenshot(back.page, 'workspace-since-last-visit');

    // By keyboard: n goes to the first change, n again to the next (a proposal: selected), p back.
    const focusedPid = () =>
      back.page.evaluate(
        () => (document.activeElement?.closest('section[data-pid]') as HTMLElement | null)?.dataset.pid,
      );
    await back.page.locator('body').click({ position: { x: 5, y: 5 } });
    await back.page.keyboard.press('n');
    await expect.poll(() => bar.locator('.since-visit-position').innerText()).toBe('Change 1 of 3');
    await expect.poll(focusedPid).toBe('op03');
    await back.page.keyboard.press('n');
    await expect.poll(() => bar.locator('.since-visit-position').innerText()).toBe('Change 2 of 3');
    await expect.poll(focusedPid).toBe('op07');
    await back.page.locator('.proposal-card.selected.since-visit').waitFor({ timeout: 5_000 });
    expect(await back.page.locator('.proposal-card.selected').innerText()).toContain(
      'New since your last visit',
    );
    // Going to a change scrolls the text, never the page around it.
    expect(await back.page.evaluate(() => document.documentElement.scrollTop)).toBe(0);
    await screenshot(back.page, 'workspace-since-last-visit-proposal');
    await back.page.keyboard.press('p');
    await expect.poll(() => bar.locator('.since-visit-position').innerText()).toBe('Change 1 of 3');
    await expect.poll(focusedPid).toBe('op03');
    await screenshot(back.page, 'workspace-since-last-visit-paragraph');

    // A reload keeps the list; marking it seen clears list and marks.
    await back.page.reload();
    await bar.locator('h2').waitFor({ timeout: 10_000 });
    expect(await bar.locator('h2').innerText()).toBe(heading);
    await bar.getByRole('button', { name: 'Mark all as seen' }).click();
    expect(await back.page.getByTestId('since-visit').count()).toBe(0);
    expect(await back.page.locator(`${COMPILATION} .since-visit`).count()).toBe(0);
    expect(back.errors).toEqual([]);
    // Her visit is on the server, not in this browser: nobody else's changed.
    expect(
      (await api<{ visit: unknown }>(ts.url, 'GET', `${N}/visit`, { cookie: euCookie })).body.visit,
    ).not.toBeNull();
  });
  it('lets a co-facilitator step through the changes with Alt+N and Alt+P while her cursor is in the text, typing as before', async () => {
    // Her first visit, in one browser.
    const first = await signInAs(browser, ts, 'demo-cofac-lux');
    const recorded = first.page.waitForResponse(
      (r) => r.url().endsWith(`${N}/visit`) && r.request().method() === 'PUT',
    );
    await openText(first.page, ts.url);
    await recorded;
    await first.context.close();

    // Meanwhile her colleague rewords OP6 and Norway comments on op08.
    const other = cofac.page;
    await other.locator('.ProseMirror [data-pid="op06"]').click({ position: { x: 2, y: 6 } });
    await other.keyboard.press('Home');
    await other.keyboard.type('Also, ');
    await other.locator('[data-testid="save-state"][data-state="saved"]').waitFor({ timeout: 5_000 });
    const nor = await ts.signIn('demo-nor');
    const commented = await api(ts.url, 'POST', `${N}/proposals`, {
      cookie: nor,
      body: { kind: 'comment', pid: 'op08', text: 'Norway asks what changed.' },
    });
    expect(commented.status).toBe(201);

    // Back, in another browser: the edit view, the bar, and the chord shown and announced.
    const back = await signInAs(browser, ts, 'demo-cofac-lux');
    const page = back.page;
    await openText(page, ts.url);
    const bar = page.getByTestId('since-visit');
    await bar.waitFor({ timeout: 10_000 });
    await expect
      .poll(() => bar.locator('h2').innerText(), { timeout: 5_000 })
      .toBe('2 changes since your last visit');
    expect(await bar.locator('.since-visit-keys').innerText()).toContain(
      'Alt+N next change, Alt+P previous change',
    );
    expect(await bar.getByRole('button', { name: 'Next change' }).getAttribute('aria-keyshortcuts')).toBe(
      'n Alt+N',
    );
    expect(await bar.getByRole('button', { name: 'Previous change' }).getAttribute('aria-keyshortcuts')).toBe(
      'p Alt+P',
    );
    const editor = (pid: string) => page.locator(`.ProseMirror [data-pid="${pid}"]`);
    const cursorPid = () =>
      page.evaluate(() => {
        const node = document.getSelection()?.anchorNode ?? null;
        const element = node instanceof Element ? node : (node?.parentElement ?? null);
        return (element?.closest('[data-pid]') as HTMLElement | null)?.dataset.pid ?? null;
      });
    const inEditor = () =>
      page.evaluate(() => document.activeElement?.classList.contains('ProseMirror') ?? false);

    // In the text, n and p are letters: typed, not steps.
    await editor('op12').click({ position: { x: 2, y: 6 } });
    await page.keyboard.press('Home');
    await page.keyboard.press('n');
    await expect.poll(() => editor('op12').innerText()).toMatch(/^n/);
    expect(await bar.locator('.since-visit-position').innerText()).toBe('');
    // (Her own letter is a change since her last visit too.)
    await expect.poll(() => bar.locator('h2').innerText()).toBe('3 changes since your last visit');

    // Alt+N steps from the text, keeping the cursor in it: to OP6's words, then to Norway's comment.
    await page.keyboard.press('Alt+n');
    await expect.poll(() => bar.locator('.since-visit-position').innerText()).toBe('Change 1 of 3');
    await expect.poll(cursorPid).toBe('op06');
    expect(await inEditor()).toBe(true);
    await page.keyboard.press('Alt+n');
    await expect.poll(() => bar.locator('.since-visit-position').innerText()).toBe('Change 2 of 3');
    await expect.poll(cursorPid).toBe('op08');
    await page.locator(`${PANEL} .proposal-card.selected`).waitFor({ timeout: 5_000 });
    expect(await page.locator(`${PANEL} .proposal-card.selected`).innerText()).toContain(
      'Norway asks what changed.',
    );
    await screenshot(page, 'workspace-since-alt-n-editing');
    // Alt+P goes back; typing goes on where the cursor stands, and the chord typed nothing.
    await page.keyboard.press('Alt+p');
    await expect.poll(() => bar.locator('.since-visit-position').innerText()).toBe('Change 1 of 3');
    await expect.poll(cursorPid).toBe('op06');
    await page.keyboard.type('Q');
    await expect.poll(() => editor('op06').innerText()).toMatch(/^QAlso, /);
    expect(await editor('op12').innerText()).toMatch(/^n[^np]/);
    expect(back.errors).toEqual([]);
  });
});
