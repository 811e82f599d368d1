/**
 * The roadmap and written inputs in real browsers: the seeded 2022 roadmap in order with the
 * header's live countdown; a delegate answers a guiding question before the deadline; the
 * co-facilitator finds the answer in the compilation.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentMonth, monthLabel } from '../../client/roadmap/monthGrid.js';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { launchBrowser, type PersonPage, screenshot, signInAs } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const ANSWER = 'The European Union would like the Declaration to set out indicators for each commitment.';

describe('roadmap and written inputs', () => {
  let ts: TestServer;
  let browser: Browser;
  let delegate: PersonPage;
  let facilitator: PersonPage;

  beforeAll(async () => {
    ts = await startTestServer({ withClient: true });
    browser = await launchBrowser();
    delegate = await signInAs(browser, ts, 'demo-eu');
    facilitator = await signInAs(browser, ts, 'demo-cofac-lux');
  });

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it('shows the seeded roadmap in date order, with the next deadline counting down in the header', async () => {
    const { page } = delegate;
    await page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}`);
    await page
      .getByRole('navigation', { name: 'Negotiation' })
      .getByRole('link', { name: 'Roadmap' })
      .click();
    await page.waitForURL(`**/n/${DEMO_NEGOTIATION_ID}/roadmap`);
    const table = page.getByRole('table', { name: 'Activities and deadlines, in date order' });
    await table.waitFor();
    const titles = await table.locator('tbody th[scope="row"] .entry-title').allInnerTexts();
    expect(titles).toHaveLength(17);
    expect(titles[0]).toBe('Informal meeting with Member States: roadmap and priorities');
    expect(titles.indexOf('Zero draft shared')).toBe(2);
    expect(titles.indexOf('Deadline for written comments on the zero draft')).toBeGreaterThan(
      titles.indexOf('Second round of informal consultations: first reading'),
    );
    expect(titles.at(-2)).toBe('Deadline to agree on the final version of the Progress Declaration');
    expect(titles.at(-1)).toMatch(/^Deadline for proposals and written inputs — Second reading/);
    // Times as announced in New York (EST before 13 March, EDT after), and the reader's own (UTC here).
    const first = table.locator('tbody tr').first();
    await expect
      .poll(() => first.innerText())
      .toMatch(/Thu 3 Mar 2022[\s\S]*10:00–13:00 EST[\s\S]*15:00–18:00 UTC/);
    const consultations = table.locator('tbody tr', { hasText: 'general comments on the zero draft' });
    expect(await consultations.innerText()).toMatch(/10:00–13:00 EDT[\s\S]*14:00–17:00 UTC/);

    const timer = page.getByTestId('next-up').getByTestId('deadline-countdown');
    await expect.poll(() => timer.innerText()).toMatch(/^in \d+ days?, \d+ hours?$/);
    expect(await timer.getAttribute('role')).toBe('timer');
    expect(await timer.getAttribute('aria-live')).toBe('off');
    const clock = page.getByTestId('next-up').locator('.countdown-clock').last();
    const before = await clock.innerText();
    await expect.poll(() => clock.innerText(), { timeout: 5000 }).not.toBe(before);
    await screenshot(page, 'roadmap-list');

    await page.getByText('Month', { exact: true }).click();
    // It opens on the current month (in New York), and goes back to the roadmap's first month.
    const now = currentMonth('America/New_York');
    await page.getByRole('table', { name: `Roadmap, ${monthLabel(now)}` }).waitFor();
    const back = (Number(now.slice(0, 4)) - 2022) * 12 + Number(now.slice(5, 7)) - 3;
    for (let i = 0; i < back; i++) await page.getByRole('button', { name: 'Previous month' }).click();
    const month = page.getByRole('table', { name: 'Roadmap, March 2022' });
    await month.waitFor();
    expect(await month.locator('td.busy').count()).toBeGreaterThanOrEqual(7);
    await screenshot(page, 'roadmap-month');
    expect(delegate.errors).toEqual([]);
  });

  it('lets a delegate answer a guiding question before the deadline', async () => {
    const { page } = delegate;
    await page
      .getByRole('navigation', { name: 'Negotiation' })
      .getByRole('link', { name: 'Written inputs' })
      .click();
    await page.waitForURL(`**/n/${DEMO_NEGOTIATION_ID}/inputs`);
    await page.getByTestId('reading-banner').waitFor();
    expect(await page.getByTestId('question').count()).toBe(3);
    expect(await page.getByText('Submitted as European Union').count()).toBe(1);
    const answer = page.getByTestId('answer-1');
    await answer.getByRole('textbox', { name: 'Your answer to question 1' }).fill(ANSWER);
    await answer.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('status').filter({ hasText: 'Input submitted.' }).waitFor();
    const card = page.getByTestId('question').first().getByTestId('input-card');
    await card.waitFor();
    expect(await card.innerText()).toContain('European Union');
    expect(await card.innerText()).toContain(ANSWER);
    await screenshot(page, 'inputs-delegate');
    expect(delegate.errors).toEqual([]);
  });

  it('shows the answer to the co-facilitator in the compilation, by question and by delegation', async () => {
    const { page } = facilitator;
    await page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}/inputs`);
    const compilation = page.getByTestId('compilation-byQuestion');
    await compilation.waitFor();
    const question1 = compilation.locator('section', { hasText: 'Question 1.' });
    await expect.poll(() => question1.innerText()).toContain(ANSWER);
    expect(await question1.innerText()).toContain('Mexico');
    await compilation.scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 300);
    await screenshot(page, 'inputs-compilation');
    await page.getByText('By delegation', { exact: true }).click();
    const eu = page.getByTestId('compilation-byDelegation').locator('section', { hasText: 'European Union' });
    expect(await eu.innerText()).toContain('Answer to question 1');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export as Word (.docx)' }).click();
    expect((await download).suggestedFilename()).toBe('written-inputs-imrf-2022-reading-2.docx');
    expect(facilitator.errors).toEqual([]);
  });

  it('lets the co-facilitator add an entry, explaining a wrong time zone', async () => {
    const { page } = facilitator;
    await page
      .getByRole('navigation', { name: 'Negotiation' })
      .getByRole('link', { name: 'Roadmap' })
      .click();
    await page.getByRole('button', { name: 'Add an entry' }).click();
    const form = page.getByTestId('entry-form');
    await form.getByLabel('Title').fill('Briefing for Vienna-based delegates');
    await form.getByLabel('Date', { exact: true }).fill('2022-04-12');
    await form.getByLabel('Starts').fill('16:00');
    await form.getByLabel('Ends').fill('17:30');
    await form.getByLabel('For', { exact: true }).selectOption('geneva-delegates');
    // The zone is a combobox offering every IANA zone; an unknown name is explained at the field.
    const zone = form.getByRole('combobox', { name: 'Times given in' });
    expect(await form.getByTestId('zone-choices').locator('option').count()).toBeGreaterThan(300);
    expect(await form.locator('datalist option[value="Europe/Vienna"]').count()).toBe(1);
    await zone.fill('Mars/Olympus_Mons');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('“Mars/Olympus_Mons” is not a time zone.', { exact: false }).waitFor();
    expect(await zone.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('list'))).toBeTruthy();
    await screenshot(page, 'roadmap-entry-form');
    // Keyboard only: clear the field and type the zone.
    await zone.press('Control+a');
    await zone.press('Backspace');
    await page.keyboard.type('Europe/Vienna');
    expect(await zone.getAttribute('aria-invalid')).toBeNull();
    // A date problem names the field as the form shows it, without the format sentence.
    await form.getByLabel('Ends').fill('15:00');
    await form.getByRole('button', { name: 'Save' }).click();
    await form
      .getByRole('alert')
      .filter({ hasText: 'End of date 1: The end must come after the start.' })
      .waitFor();
    expect(await form.getByRole('alert').innerText()).not.toMatch(/YYYY|slots\./);
    expect(await form.getByLabel('Ends').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'roadmap-entry-date-error');
    await form.getByLabel('Ends').fill('17:30');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Roadmap saved.' }).waitFor();
    const row = page.getByTestId('roadmap-row').filter({ hasText: 'Vienna-based' });
    // 16:00 in Vienna (CEST) is 10:00 in New York (EDT).
    await expect.poll(() => row.innerText()).toMatch(/Tue 12 Apr 2022[\s\S]*10:00–11:30 EDT/);
    expect(facilitator.errors).toEqual([]);
  });
  it('shows a new entry to a reader whose roadmap page is open, without a reload', async () => {
    const { page } = delegate;
    await page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}/roadmap`);
    const table = page.getByRole('table', { name: 'Activities and deadlines, in date order' });
    await table.waitFor();
    await facilitator.page.evaluate(async (id) => {
      const res = await fetch(`/api/negotiations/${id}/roadmap`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'activity',
          title: 'Added while the page is open',
          precision: 'day',
          slots: [{ start: '2022-04-20' }],
          format: 'virtual',
          audience: 'all',
        }),
      });
      if (res.status !== 201) throw new Error(`HTTP ${res.status}`);
    }, DEMO_NEGOTIATION_ID);
    await table.getByText('Added while the page is open').waitFor({ timeout: 20_000 });
    expect(delegate.errors).toEqual([]);
  });

  it('lets a reader choose a closed reading on the inputs page, kept in the address', async () => {
    const { page } = delegate;
    await page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}/inputs`);
    const banner = page.getByTestId('reading-banner');
    await expect.poll(() => banner.innerText()).toMatch(/^Second reading/);
    const picker = page.getByLabel('Show the questions and inputs of');
    await picker.selectOption({ label: 'First reading (closed)' });
    await expect.poll(() => banner.innerText()).toMatch(/^First reading[\s\S]*This reading is closed/);
    expect(new URL(page.url()).searchParams.get('reading')).toBeTruthy();
    await screenshot(page, 'inputs-closed-reading');
    await page.reload();
    await expect.poll(() => page.getByTestId('reading-banner').innerText()).toMatch(/^First reading/);
    expect(await page.getByLabel('Show the questions and inputs of').inputValue()).toBe(
      new URL(page.url()).searchParams.get('reading'),
    );
    expect(delegate.errors).toEqual([]);
  });
});
