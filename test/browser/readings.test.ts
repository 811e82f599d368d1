/**
 * Readings, revisions and comparisons in real browsers: the co-facilitator applies a proposal,
 * closes the second reading and circulates Rev.2 from the timeline; a delegate compares Rev.1
 * with Rev.2 side by side, steps through the changes and downloads the comparison; records are
 * opened read-only and verified; a deadline set in New York time is enforced and explained.
 */
import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import type { ProposalView } from '../../shared/proposals.js';
import { api, redeem } from '../support/auth.js';
import { launchBrowser, newPersonPage, type PersonPage, screenshot, signInAs } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const BASE = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;

interface TimelineBody {
  snapshots: { id: string; label: string }[];
  readings: { id: string; number: number; closedAt: string | null }[];
}

/** Waits for the timeline page to have loaded. */
async function openTimeline(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/n/${DEMO_NEGOTIATION_ID}/timeline`);
  await page.getByTestId('timeline').waitFor({ timeout: 15_000 });
}

/** The text of the first option of the version pickers that matches. */
async function optionLabel(page: Page, pattern: RegExp): Promise<string | undefined> {
  const options = await page.getByLabel('Older version').locator('option').allInnerTexts();
  return options.find((o) => pattern.test(o));
}

/** Confirms the open confirmation dialog with its "go ahead" button. */
async function confirmDialog(page: Page, label: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ timeout: 5_000 });
  await dialog.getByRole('button', { name: label }).click();
}

describe('readings, revisions and comparison', () => {
  let ts: TestServer;
  let browser: Browser;
  let cofac: PersonPage;
  let eu: PersonPage;
  let cookie: string;

  beforeAll(async () => {
    ts = await startTestServer({ withClient: true });
    browser = await launchBrowser();
    [cofac, eu] = await Promise.all([
      signInAs(browser, ts, 'demo-cofac-bgd'),
      signInAs(browser, ts, 'demo-eu'),
    ]);
    cookie = await ts.signIn('demo-cofac-bgd');
  });

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it('lets the co-facilitator close the second reading and circulate Rev.2 from the timeline', async () => {
    // A visible change first: the co-facilitators take in the EU's and Mexico's amendments and
    // leave out the United States' rival one.
    const board = await api<{ proposals: ProposalView[] }>(ts.url, 'GET', `${BASE}/proposals`, { cookie });
    const open = board.body.proposals.filter((p) => p.status === 'open' && p.kind === 'amend');
    const take = open.filter((p) => p.delegation.code === 'EU' || p.delegation.code === 'MEX');
    expect(take.length).toBe(2);
    for (const p of take) {
      expect((await api(ts.url, 'POST', `${BASE}/proposals/${p.id}/apply`, { cookie })).status).toBe(200);
    }
    const usa = open.find((p) => p.delegation.code === 'USA')!;
    const leftOut = await api(ts.url, 'PUT', `${BASE}/proposals/${usa.id}/status`, {
      cookie,
      body: { status: 'not-retained' },
    });
    expect(leftOut.status).toBe(200);

    const page = cofac.page;
    await openTimeline(page, ts.url);
    const now = page.getByTestId('current-state');
    expect(await now.innerText()).toContain('Second reading on Rev.1 is open');
    expect(await now.getByRole('timer').innerText()).toMatch(/left$/);
    expect(await page.getByTestId('timeline').innerText()).toContain('12 Incorporated');
    await screenshot(page, 'readings-timeline-open');

    // Closing decides each proposal still open: Pakistan's alternative (for the G77) and the
    // United Kingdom's deletion are carried forward to the next reading.
    await page.getByRole('button', { name: 'Close reading' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('list', { name: 'Open proposals' }).waitFor({ timeout: 10_000 });
    expect(await dialog.innerText()).toContain('freezes a permanent record');
    expect(await dialog.getByRole('listitem').count()).toBe(2);
    await dialog.getByRole('button', { name: 'Close reading' }).click();
    await dialog.getByRole('alert').getByText('2 proposals are still undecided').waitFor({ timeout: 5_000 });
    await dialog.getByRole('button', { name: 'Carry all forward' }).click();
    expect(await dialog.getByTestId('close-tally').innerText()).toBe(
      '0 to incorporate, 0 to set aside, 2 to carry forward.',
    );
    await screenshot(page, 'readings-close-dialog');
    await dialog.getByRole('button', { name: 'Close reading' }).click();
    await page.getByTestId('reading-notice').getByText('Second reading closed.').waitFor({ timeout: 10_000 });
    // A reading was held on Rev.1: the next step is Rev.2, not another reading on Rev.1.
    expect(await page.getByRole('form', { name: /Open the third reading/ }).count()).toBe(0);
    expect(await page.locator('.read-on-revision').innerText()).toContain('Circulate Rev.2');

    await page.getByRole('button', { name: 'Circulate Rev.2' }).click();
    await confirmDialog(page, 'Circulate Rev.2');
    await page.getByTestId('reading-notice').getByText('Rev.2 circulated.').waitFor({ timeout: 10_000 });
    const timeline = page.getByTestId('timeline');
    await timeline.getByRole('heading', { name: /^Rev\.2/ }).waitFor({ timeout: 10_000 });
    expect(await timeline.innerText()).toContain('Compare Rev.1 ↔ Rev.2');
    expect(await now.innerText()).toContain('No reading is open');
    await page.getByRole('heading', { name: /^Rev\.2/ }).scrollIntoViewIfNeeded();
    await screenshot(page, 'readings-timeline-rev2');

    const records = await api<TimelineBody>(ts.url, 'GET', `${BASE}/timeline`, { cookie });
    expect(records.body.snapshots.map((s) => s.label)).toEqual([
      'Zero draft',
      'First reading',
      'Rev.1',
      'Second reading',
      'Rev.2',
    ]);
  });

  it('lets a delegate compare Rev.1 with Rev.2 side by side and step through the changes', async () => {
    const page = eu.page;
    await page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}`);
    await page
      .getByRole('navigation', { name: 'Negotiation' })
      .getByRole('link', { name: 'Timeline' })
      .click();
    await page.getByTestId('timeline').waitFor({ timeout: 15_000 });
    // Delegates see the history, not the co-facilitators' controls.
    expect(await page.getByRole('button', { name: /Circulate/ }).count()).toBe(0);

    await page.getByRole('link', { name: 'Compare Rev.1 ↔ Rev.2' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/n/${DEMO_NEGOTIATION_ID}/compare`);
    const table = page.getByTestId('comparison');
    await table.waitFor({ timeout: 15_000 });
    const query = new URL(page.url()).searchParams;
    expect(query.get('from')).toBeTruthy();
    expect(query.get('to')).toBeTruthy();
    // The comparison may show before the list of versions is in (the pickers wait, disabled).
    const picked = (label: string) => page.getByLabel(label).locator('option:checked').innerText();
    await expect.poll(() => picked('Older version')).toMatch(/^Rev\.1/);
    await expect.poll(() => picked('Newer version')).toMatch(/^Rev\.2/);
    expect(await page.getByTestId('compare-summary').innerText()).toContain(
      '2 paragraphs changed, 0 added, 0 deleted, 0 moved',
    );

    // Paragraph against paragraph: the EU's words inserted on the right, nothing lost on the left.
    const op5 = table.locator('tr[data-kind="changed"]', { hasText: 'further' });
    expect(await op5.locator('th').innerText()).toContain('OP5');
    expect(await op5.locator('td.cmp-newer ins').first().innerText()).toContain('further');
    // Proposals off screen are not laid out (content-visibility), so they have no rendered text yet.
    await op5.scrollIntoViewIfNeeded();
    await expect
      .poll(() => op5.locator('td.cmp-newer .cmp-proposals').innerText())
      .toContain('European Union, supported by Norway, Switzerland');
    expect(await op5.locator('td.cmp-older .cmp-proposals').innerText()).toContain('United States');
    expect(await table.locator('tr[data-kind="changed"] ins').count()).toBeGreaterThanOrEqual(2);

    await page.getByRole('button', { name: 'Next change' }).click();
    await expect.poll(() => page.getByTestId('change-position').innerText()).toBe('Change 1 of 2');
    const first = await page.evaluate(() => document.activeElement?.getAttribute('data-change'));
    expect(first).toBe('0');
    await page.keyboard.press('n');
    await expect.poll(() => page.getByTestId('change-position').innerText()).toBe('Change 2 of 2');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-change'))).toBe('1');
    await page.keyboard.press('p');
    await expect.poll(() => page.getByTestId('change-position').innerText()).toBe('Change 1 of 2');
    await page.waitForTimeout(600); // the smooth scroll settles
    await screenshot(page, 'readings-compare-rev1-rev2');

    await page.getByLabel('Changed paragraphs only').check();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'readings-compare-changed-only');

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      page.getByRole('link', { name: 'Download .docx (Word, tracked changes)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/Rev\.?1-vs-Rev\.?2.*comparison\.docx$/);
    const data = readFileSync((await download.path())!);
    expect(data.subarray(0, 2).toString('latin1')).toBe('PK');

    // Opened from a link, the page asks for the comparison as the client boots.
    await page.reload();
    await expect
      .poll(() => page.getByTestId('compare-summary').innerText(), { timeout: 15_000 })
      .toContain('2 paragraphs changed, 0 added, 0 deleted, 0 moved');

    // Any two versions, not only neighbours: the zero draft against Rev.1 shows the new OP7 and
    // the paragraphs renumbered after it.
    await page.getByLabel('Changed paragraphs only').uncheck();
    await page.getByLabel('Older version').selectOption({ label: (await optionLabel(page, /^Zero draft/))! });
    await page.getByLabel('Newer version').selectOption({ label: (await optionLabel(page, /^Rev\.1/))! });
    await expect
      .poll(() => page.getByTestId('compare-summary').innerText(), { timeout: 15_000 })
      .toContain('9 paragraphs changed, 1 added, 0 deleted, 0 moved');
    const added = table.locator('tr[data-kind="added"]');
    expect(await added.locator('th').innerText()).toMatch(/OP7\s+New/i);
    expect(await added.locator('td.cmp-older').innerText()).toBe('Not in this version');
    const renumbered = table.locator('tr[data-kind="changed"]', { hasText: 'Multi-Partner Trust Fund' });
    expect(await renumbered.locator('th .cmp-number').getAttribute('class')).toContain('renumbered');
    expect(await renumbered.locator('th [aria-hidden="true"]').innerText()).toBe('OP9 → OP10');
    await added.scrollIntoViewIfNeeded();
    // Its proposals are laid out once on screen, at their own height rather than the estimate.
    await expect.poll(() => added.locator('td.cmp-newer .cmp-proposals').innerText()).not.toBe('');
    await added.evaluate((row) => row.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'readings-compare-zero-rev1');
    expect(eu.errors).toEqual([]);
  });

  it('opens any record read-only, clean or as a compilation, with its hash, and verifies the records', async () => {
    const page = eu.page;
    await openTimeline(page, ts.url);
    await page.getByRole('link', { name: 'Open First reading' }).click();
    await page.getByTestId('snapshot-text').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('snapshot-hash').innerText()).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.locator('[data-testid="snapshot-text"] .bracket').count()).toBe(0);

    await page.getByRole('button', { name: 'Compilation' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('mode')).toBe('compilation');
    const brackets = page.locator('[data-testid="snapshot-text"] .bracket');
    await expect.poll(() => brackets.count()).toBeGreaterThan(10);
    expect(await page.getByTestId('snapshot-text').innerText()).toContain('Not retained');
    expect(await page.locator('[data-testid="snapshot-text"] button').count()).toBe(0);

    await page.getByRole('button', { name: 'Verify records' }).click();
    await page.getByText('All 5 records verified').waitFor({ timeout: 10_000 });
    await screenshot(page, 'readings-snapshot-verified');
    await page
      .locator('[data-testid="snapshot-text"] [data-pid="op01"]')
      .evaluate((el) => el.scrollIntoView());
    await screenshot(page, 'readings-snapshot-compilation');

    await page.getByRole('link', { name: 'Print view' }).click();
    await page.getByTestId('snapshot-text').waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toMatch(/\/print\//);
    expect(await page.locator('.app-header').count()).toBe(0);
    await screenshot(page, 'readings-print-screen');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-toolbar').isVisible()).toBe(false);
    await screenshot(page, 'readings-print-media');
    await page.emulateMedia({ media: 'screen' });
  });

  it('opens a reading with a deadline typed in New York time, and explains a passed deadline', async () => {
    const page = cofac.page;
    await openTimeline(page, ts.url);
    const form = page.getByRole('form', { name: 'Open the third reading on Rev.2' });
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Date').fill(tomorrow);
    await form.getByLabel('Time').fill('18:00');
    await expect.poll(() => form.locator('.deadline-fields').innerText()).toMatch(/18:00 E[SD]T in New York/);
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, 'readings-open-reading-form');
    await form.getByRole('button', { name: 'Open reading' }).click();
    await page.getByTestId('reading-notice').getByText('Third reading opened.').waitFor({ timeout: 10_000 });
    await expect
      .poll(() => page.getByTestId('current-state').innerText())
      .toContain('Third reading on Rev.2');
    await screenshot(page, 'readings-third-reading-open');

    const readings = (await api<TimelineBody>(ts.url, 'GET', `${BASE}/timeline`, { cookie })).body.readings;
    const third = readings.find((r) => r.number === 3)!;
    expect(third.closedAt).toBeNull();
    ts.storage.db
      .prepare('UPDATE readings SET deadline = ? WHERE id = ?')
      .run('2022-04-08T22:00:00.000Z', third.id);

    // A delegate tables too late: the compilation says when the deadline was, in both times.
    const delegate = eu.page;
    await delegate.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}`);
    const op21 = delegate.locator('[data-testid="compilation"] [data-pid="op21"]');
    await op21.waitFor({ timeout: 15_000 });
    await op21.locator('.c-label').click();
    await delegate.getByRole('button', { name: 'Support retaining' }).click();
    const notice = delegate.locator('.side-panel .notice.error');
    await notice.waitFor({ timeout: 10_000 });
    const text = await notice.innerText();
    expect(text).toContain('The deadline for proposals in this reading passed on');
    expect(text).toContain('Fri 8 Apr 2022, 18:00 EDT in New York');
    await screenshot(delegate, 'readings-deadline-passed');
  });

  it('lets the co-facilitators of a new negotiation import a draft from Word, preview it and replace the draft', async () => {
    const admin = await redeem(ts.url, (await ts.server.accounts.createAdmin('Admin')).token);
    const created = await api<{ id: string }>(ts.url, 'POST', '/api/negotiations', {
      cookie: admin,
      body: { title: 'Political declaration', timeZone: 'Europe/Zurich', facilitatorDelegations: ['MEX'] },
    });
    const invited = await api<{ token: string }>(
      ts.url,
      'POST',
      `/api/negotiations/${created.body.id}/invitations`,
      {
        cookie: admin,
        body: { name: 'Co-facilitator, Mexico', role: 'facilitator', delegation: 'MEX' },
      },
    );
    const mex = await newPersonPage(browser);
    await mex.page.goto(`${ts.url}/signin#${invited.body.token}`);
    await mex.page.waitForURL((url) => url.pathname !== '/signin', { timeout: 15_000 });
    const page = mex.page;
    await page.goto(`${ts.url}/n/${created.body.id}/timeline`);
    await page.getByText('No revision has been circulated yet').waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: 'Import a draft' }).click();
    await page.getByRole('heading', { name: 'Import a draft' }).waitFor();

    const word = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ children: [new TextRun('Political declaration on migration')] }),
              new Paragraph({ children: [new TextRun({ text: 'Preamble', bold: true })] }),
              new Paragraph({
                children: [
                  new TextRun({ text: 'Recalling', italics: true }),
                  new TextRun(' our commitments,'),
                ],
              }),
              new Paragraph({ children: [new TextRun('PP2 Noting the progress made,')] }),
              new Paragraph({ children: [new TextRun({ text: 'Commitments', bold: true })] }),
              new Paragraph({ children: [new TextRun('OP1 We commit to act together.')] }),
              new Paragraph({ children: [new TextRun('OP2 We decide to review progress in 2026.')] }),
            ],
          },
        ],
      }),
    );
    await page.getByLabel('Word document', { exact: true }).setInputFiles({
      name: 'zero-draft.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: word,
    });
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('import-summary').innerText()).toBe(
      '2 section headings, 2 preambular paragraphs, 2 operative paragraphs',
    );
    const sheet = await preview.locator('.import-sheet').innerText();
    expect(sheet).toContain('Political declaration on migration');
    expect(sheet).toMatch(/OP2\s+We decide to review progress in 2026\./);
    await screenshot(page, 'readings-import-preview');

    await page.getByRole('button', { name: 'Replace the draft' }).click();
    await confirmDialog(page, 'Replace the draft');
    await page.getByText('The draft was replaced.').waitFor({ timeout: 10_000 });

    await page.goto(`${ts.url}/n/${created.body.id}/timeline`);
    await page.getByRole('button', { name: 'Circulate Zero draft' }).click();
    await confirmDialog(page, 'Circulate Zero draft');
    await page.getByTestId('reading-notice').getByText('Zero draft circulated.').waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByRole('link', { name: 'Import a draft' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Open Zero draft' }).click();
    const text = page.getByTestId('snapshot-text');
    await text.waitFor({ timeout: 15_000 });
    expect(await text.innerText()).toContain('We commit to act together.');
    expect(await text.locator('em').first().innerText()).toBe('Recalling');
    expect(mex.errors).toEqual([]);
    await mex.context.close();
  });

  it('lists the records that were tampered with', async () => {
    const records = (await api<TimelineBody>(ts.url, 'GET', `${BASE}/timeline`, { cookie })).body.snapshots;
    const first = records.find((r) => r.label === 'First reading')!;
    ts.storage.db.exec('DROP TRIGGER snapshots_immutable_update');
    ts.storage.db
      .prepare(
        "UPDATE snapshots SET canonical = replace(canonical, 'not-retained', 'incorporated') WHERE id = ?",
      )
      .run(first.id);
    const page = eu.page;
    await openTimeline(page, ts.url);
    await page.getByRole('button', { name: 'Verify records' }).click();
    const alert = page.locator('.verify-problems');
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.innerText()).toContain(
      'Record 2, First reading: its content or its details (label, author, time, the reading it closed) no longer match its hash',
    );
    await alert.scrollIntoViewIfNeeded();
    await screenshot(page, 'readings-verify-tampered');
  });
});
