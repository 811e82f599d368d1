/**
 * Everyone is told, live, in real browsers: the co-facilitator closes the second reading in the
 * closing dialog, deciding each open proposal; the European Union's delegate, reading the text,
 * and Mexico's, on the roadmap, see it at once, with what became of their own proposals, and
 * their headers follow without reloading. Rev.2 is circulated and the third reading opens with
 * the carried proposals live again; when its deadline passes, every header says so at once.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import type { ProposalView } from '../../shared/proposals.js';
import { api } from '../support/auth.js';
import { launchBrowser, type PersonPage, screenshot, signInAs } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const BASE = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;
const G77_ALT = 'enhanced international cooperation and solidarity';

/** The toasts of a page. */
const toasts = (page: Page) => page.getByTestId('toasts');

describe('live notifications and header', () => {
  let ts: TestServer;
  let browser: Browser;
  let cofac: PersonPage;
  let eu: PersonPage;
  let mex: PersonPage;
  let lux: PersonPage;
  let cookie: string;

  beforeAll(async () => {
    ts = await startTestServer({ withClient: true });
    browser = await launchBrowser();
    [cofac, eu, mex, lux] = await Promise.all([
      signInAs(browser, ts, 'demo-cofac-bgd'),
      signInAs(browser, ts, 'demo-eu'),
      signInAs(browser, ts, 'demo-mex'),
      signInAs(browser, ts, 'demo-cofac-lux'),
    ]);
    cookie = await ts.signIn('demo-cofac-bgd');
  });

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it('tells a delegate live that the reading closed and what became of its proposal; the header follows', async () => {
    await eu.page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}`);
    await eu.page
      .locator('[data-testid="compilation"] [data-pid="op20"] .bracket')
      .first()
      .waitFor({ timeout: 15_000 });
    await expect
      .poll(() => eu.page.getByTestId('stage').innerText(), { timeout: 10_000 })
      .toBe('Second reading on Rev.1 — open');
    expect(await eu.page.getByTestId('next-deadline').innerText()).toContain('second reading');
    await mex.page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}/roadmap`);
    await expect.poll(() => mex.page.getByTestId('stage').innerText(), { timeout: 15_000 }).toContain('open');

    const open = (
      await api<{ proposals: ProposalView[] }>(ts.url, 'GET', `${BASE}/proposals`, { cookie })
    ).body.proposals.filter((p) => p.status === 'open');
    const euAmendment = open.find((p) => p.delegation.code === 'EU')!;
    const mexAmendment = open.find((p) => p.delegation.code === 'MEX')!;

    const page = cofac.page;
    await page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}/timeline`);
    await lux.page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}/timeline`);
    await expect.poll(() => lux.page.getByTestId('stage').innerText(), { timeout: 15_000 }).toContain('open');
    await page.getByRole('button', { name: 'Close reading' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('list', { name: 'Open proposals' }).waitFor({ timeout: 10_000 });
    expect(await dialog.getByRole('listitem').count()).toBe(5);
    await dialog.getByRole('button', { name: 'Carry all forward' }).click();
    const row = (id: string) => dialog.locator(`li[data-proposal-id="${id}"]`);
    await row(euAmendment.id)
      .getByRole('radio', { name: /^Incorporate/ })
      .check();
    await row(mexAmendment.id)
      .getByRole('radio', { name: /^Set aside/ })
      .check();
    expect(await dialog.getByTestId('close-tally').innerText()).toBe(
      '1 to incorporate, 1 to set aside, 3 to carry forward.',
    );
    await row(mexAmendment.id).scrollIntoViewIfNeeded();
    await screenshot(page, 'notifications-close-dialog');
    await dialog.getByRole('button', { name: 'Close reading' }).click();
    await page.getByTestId('reading-notice').getByText('Second reading closed.').waitFor({ timeout: 15_000 });

    // Her colleague is told; she, who closed it, is not alerted to her own action: it is in her
    // list, already read.
    await toasts(lux.page).getByText('The second reading is closed').waitFor({ timeout: 5_000 });
    expect(await toasts(page).innerText()).not.toContain('The second reading is closed');
    const own = page.getByTestId('notifications-button');
    expect(await own.getAttribute('aria-label')).toBe('Notifications');
    await own.click();
    expect(await page.getByTestId('notifications-panel').innerText()).toContain(
      'The second reading is closed',
    );
    await screenshot(page, 'notifications-own-action-listed');
    await page.keyboard.press('Escape');
    expect(lux.errors).toEqual([]);

    // The EU's delegate, on the text: told at once, without reloading, and the header follows.
    await toasts(eu.page).getByText('The second reading is closed').waitFor({ timeout: 5_000 });
    await toasts(eu.page)
      .getByText(/Your amendment to OP5 “further” was applied to the text/)
      .waitFor({ timeout: 5_000 });
    await expect
      .poll(() => eu.page.getByTestId('stage').innerText())
      .toBe('Rev.1 — its reading is closed; the next revision is awaited');
    await expect.poll(() => eu.page.getByTestId('next-up').innerText()).not.toContain('second reading');
    // Proposals of the closed reading are no longer live brackets.
    await expect
      .poll(() => eu.page.locator('[data-testid="compilation"] .bracket', { hasText: G77_ALT }).count())
      .toBe(0);
    expect(eu.errors).toEqual([]);
    await screenshot(eu.page, 'notifications-reading-closed-delegate');

    // Mexico's delegate, on another page, is told that its amendment was set aside.
    await toasts(mex.page)
      .getByText(/Your amendment to PP4 .* was set aside \(not retained\)/)
      .waitFor({ timeout: 5_000 });
    await expect.poll(() => mex.page.getByTestId('stage').innerText()).toContain('its reading is closed');

    // The list can be reopened: opening it reads everything, Escape gives the focus back.
    const button = eu.page.getByTestId('notifications-button');
    expect(await button.getAttribute('aria-label')).toMatch(/^Notifications, \d+ unread$/);
    await button.click();
    const panel = eu.page.getByTestId('notifications-panel');
    await panel.waitFor();
    expect(await panel.innerText()).toContain('The second reading is closed');
    expect(await panel.getByRole('link', { name: 'Show the proposal' }).getAttribute('href')).toBe(
      `/n/${DEMO_NEGOTIATION_ID}#proposal-${euAmendment.id}`,
    );
    await screenshot(eu.page, 'notifications-list');
    await eu.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await eu.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'notifications-button',
    );
    expect(await button.getAttribute('aria-label')).toBe('Notifications');
  });

  it('opens the third reading on Rev.2 with the carried proposals live; when its deadline passes every header says so', async () => {
    const page = cofac.page;
    await page.getByRole('button', { name: 'Circulate Rev.2' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Circulate Rev.2' }).click();
    await page.getByTestId('reading-notice').getByText('Rev.2 circulated.').waitFor({ timeout: 15_000 });
    await toasts(eu.page).getByText('Rev.2 was circulated to all participants.').waitFor({ timeout: 5_000 });

    // A deadline a few seconds ahead, to watch it pass.
    const deadline = new Date(Date.now() + 25_000).toISOString();
    const opened = await api(ts.url, 'POST', `${BASE}/readings`, { cookie, body: { deadline } });
    expect(opened.status).toBe(201);
    await toasts(eu.page)
      .getByText(
        'The third reading is open on Rev.2. 3 proposals carried forward from the last reading are open again.',
      )
      .waitFor({ timeout: 5_000 });
    await expect.poll(() => eu.page.getByTestId('stage').innerText()).toBe('Third reading on Rev.2 — open');
    await expect.poll(() => mex.page.getByTestId('stage').innerText()).toBe('Third reading on Rev.2 — open');
    expect(await eu.page.getByTestId('next-deadline').innerText()).toContain('third reading');
    expect(await eu.page.getByTestId('deadline-countdown').innerText()).toMatch(
      /^in \d+ seconds?$|^in 0 minutes/,
    );

    // The G77's alternative, carried forward, is live again: bracketed, and the EU supports it.
    const bracket = eu.page.locator('[data-testid="compilation"] [data-pid="op20"] .bracket', {
      hasText: G77_ALT,
    });
    await bracket.waitFor({ timeout: 5_000 });
    await bracket.click();
    const card = eu.page.locator('.proposal-card.selected');
    expect(await card.innerText()).toContain('Carried forward from the second reading.');
    await card.getByRole('button', { name: 'Support', exact: true }).click();
    await expect.poll(() => bracket.innerText(), { timeout: 5_000 }).toContain('supported by');
    await screenshot(eu.page, 'notifications-third-reading-open');

    // The deadline passes: no reload, and no one has to ask.
    const wait = Date.parse(deadline) - Date.now();
    if (wait > 0) await eu.page.waitForTimeout(wait);
    for (const p of [eu.page, mex.page]) {
      await expect
        .poll(() => p.getByTestId('next-deadline').innerText(), { timeout: 5_000 })
        .toContain('deadline passed');
      await toasts(p)
        .getByText('The deadline for proposals in the third reading passed')
        .waitFor({ timeout: 5_000 });
    }
    expect(await eu.page.getByTestId('next-deadline').innerText()).toContain('the reading is still open');
    await screenshot(eu.page, 'notifications-deadline-passed');
    await screenshot(mex.page, 'notifications-deadline-passed-roadmap');
    expect(eu.errors).toEqual([]);
    expect(mex.errors).toEqual([]);
  });

  it('neither brackets nor offers support for an open proposal of a closed reading', async () => {
    // A proposal left open in a closed reading, as readings closed before every proposal had to
    // be decided left them. Nobody can make one any more (a closed reading's outcomes cannot be
    // changed, READING_CLOSED): the database is written as such an old one was, and published.
    const all = (await api<{ proposals: ProposalView[] }>(ts.url, 'GET', `${BASE}/proposals`, { cookie }))
      .body.proposals;
    const mexAmendment = all.find(
      (p) => p.delegation.code === 'MEX' && p.status === 'not-retained' && p.pid === 'pp04',
    )!;
    const refused = await api(ts.url, 'PUT', `${BASE}/proposals/${mexAmendment.id}/status`, {
      cookie,
      body: { status: 'open' },
    });
    expect(refused.status).toBe(409);
    await ts.storage.proposals.update(mexAmendment.id, {
      status: 'open',
      at: new Date().toISOString(),
      personId: 'demo-cofac-bgd',
    });
    // biome-ignore lint/complexity/useLiteralKeys: the service's publication is private; a test writing legacy data reaches it
    await ts.server.proposals['publication'].publish(DEMO_NEGOTIATION_ID, [mexAmendment.id]);
    const page = eu.page;
    const pp04 = page.locator('[data-testid="compilation"] [data-pid="pp04"]');
    await pp04.locator('.c-label').click();
    const earlier = page.locator('.earlier-readings');
    await earlier.locator('summary').click();
    const card = earlier.locator(`[data-proposal-id="${mexAmendment.id}"]`);
    await expect
      .poll(() => card.innerText(), { timeout: 5_000 })
      .toContain('Left open when its reading closed');
    expect(await card.getByRole('button', { name: 'Support', exact: true }).count()).toBe(0);
    expect(await pp04.locator('.bracket').count()).toBe(0);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'notifications-closed-reading-proposal');
  });

  it('names the paragraph of an own proposal by its number on any page, bis included', async () => {
    const euCookie = await ts.signIn('demo-eu');
    const readings = await api<{ readings: { id: string; closedAt: string | null }[] }>(
      ts.url,
      'GET',
      `${BASE}/timeline`,
      { cookie },
    );
    const open = readings.body.readings.find((r) => r.closedAt === null)!;
    const later = new Date(Date.now() + 7 * 86_400_000).toISOString();
    expect(
      (
        await api(ts.url, 'PUT', `${BASE}/readings/${open.id}/deadline`, {
          cookie,
          body: { deadline: later },
        })
      ).status,
    ).toBe(200);
    // A new paragraph after op16 goes into the text: numbered with "bis" during the reading.
    const labels = async () =>
      new Map(
        (
          await api<{ paragraphs: { pid: string; label: string }[] }>(ts.url, 'GET', `${BASE}/paragraphs`, {
            cookie: euCookie,
          })
        ).body.paragraphs.map((p) => [p.pid, p.label]),
      );
    const before = await labels();
    const insert = await api<{ proposal: ProposalView }>(ts.url, 'POST', `${BASE}/proposals`, {
      cookie: euCookie,
      body: { kind: 'insert', pid: 'op16', text: 'We will meet again in 2026.' },
    });
    expect(insert.status).toBe(201);
    expect(
      (await api(ts.url, 'POST', `${BASE}/proposals/${insert.body.proposal.id}/apply`, { cookie })).status,
    ).toBe(200);
    const after = await labels();
    const [pid, label] = [...after].find(([id]) => !before.has(id))!;
    expect(label).toBe(`${before.get('op16')}bis`);

    // The EU comments on it; the delegate goes to the timeline; the comment is set aside.
    const comment = await api<{ proposal: ProposalView }>(ts.url, 'POST', `${BASE}/proposals`, {
      cookie: euCookie,
      body: { kind: 'comment', pid, text: 'We ask that this paragraph name the year.' },
    });
    expect(comment.status).toBe(201);
    await eu.page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}/timeline`);
    await expect.poll(() => eu.page.getByTestId('stage').innerText(), { timeout: 15_000 }).toContain('open');
    expect(
      (
        await api(ts.url, 'PUT', `${BASE}/proposals/${comment.body.proposal.id}/status`, {
          cookie,
          body: { status: 'not-retained' },
        })
      ).status,
    ).toBe(200);
    await toasts(eu.page)
      .getByText(
        `Your comment on ${label} “We ask that this paragraph name the year.” was set aside (not retained).`,
      )
      .waitFor({ timeout: 5_000 });
    await screenshot(eu.page, 'notifications-own-bis-label');
    expect(eu.errors).toEqual([]);
  });
});
