/**
 * No typed work is lost (issue 13, case 9) in a real browser: drafts of comments, amendments,
 * alternatives and new paragraphs survive Escape, navigation, a reload and a closed and reopened
 * page until tabled or explicitly discarded; "Propose deletion" asks first; an alternative starts
 * from the paragraph's text.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import type { ProposalView } from '../../shared/proposals.js';
import { draftDocName } from '../../shared/protocol.js';
import { api } from '../support/auth.js';
import { launchBrowser, type PersonPage, screenshot, signInAs } from '../support/browser.js';
import { paragraphString } from '../support/draft.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { suggestionEditor } from '../support/suggestion.js';

const BASE = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;
const para = (pid: string) => `[data-testid="compilation"] [data-pid="${pid}"]`;
const COMMENT = 'We would like the co-facilitators to recall the 2018 commitments here.';

async function showCompilation(page: Page): Promise<void> {
  const button = page.locator('.text-view-switch [data-view="compilation"]');
  await button.waitFor({ timeout: 15_000 });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await page.locator(para('op12')).waitFor({ timeout: 15_000 });
}

/** Selects a paragraph; returns its number. */
async function select(page: Page, pid: string): Promise<string> {
  const number = page.locator(`${para(pid)} .c-label`);
  const label = (await number.innerText()).trim();
  await number.click();
  await page.getByRole('heading', { name: `Proposals on ${label}` }).waitFor({ timeout: 5_000 });
  return label;
}

describe('drafts that survive', () => {
  let ts: TestServer;
  let browser: Browser;
  let che: PersonPage;
  let cookie: string;

  const proposals = async () =>
    (await api<{ proposals: ProposalView[] }>(ts.url, 'GET', `${BASE}/proposals`, { cookie })).body.proposals;
  const mine = async (pid: string, kind: ProposalView['kind']) =>
    (await proposals()).filter((p) => p.pid === pid && p.kind === kind && p.delegation.code === 'CHE');
  const currentText = async (pid: string) =>
    paragraphString((await ts.server.rooms.open(draftDocName(DEMO_NEGOTIATION_ID))).doc, pid);

  beforeAll(async () => {
    ts = await startTestServer({ withClient: true });
    browser = await launchBrowser();
    che = await signInAs(browser, ts, 'demo-che');
    cookie = await ts.signIn('demo-che');
    await showCompilation(che.page);
  });

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it('keeps a comment through Escape and restores it, saying so', async () => {
    const page = che.page;
    const label = await select(page, 'op12');
    await page.getByRole('button', { name: 'Comment or reservation' }).click();
    const box = page.getByLabel(`Comment — ${label}`);
    await box.fill(COMMENT);
    await page.getByLabel('This is a reservation').check();
    await box.press('Escape');
    await box.waitFor({ state: 'detached', timeout: 5_000 });
    // Listed as an unsent draft, and restored as typed.
    const drafts = page.getByTestId('draft-list');
    await drafts.waitFor({ timeout: 5_000 });
    expect(await drafts.innerText()).toContain(`${label} — Comment`);
    await page.getByRole('button', { name: 'Comment or reservation' }).click();
    expect(await box.inputValue()).toBe(COMMENT);
    expect(await page.getByLabel('This is a reservation').isChecked()).toBe(true);
    expect(await page.locator('.text-proposal .editor-note').innerText()).toMatch(/^Draft restored \(saved /);
    await screenshot(page, 'drafts-comment-restored');
    await box.press('Escape');
  });

  it('keeps an amendment through a reload and a closed and reopened page', async () => {
    let page = che.page;
    const label = await select(page, 'op13');
    await page.getByRole('button', { name: 'Propose amendment' }).click();
    const editor = () => suggestionEditor(page, `Amendment to ${label}`);
    const base = await editor().text();
    const words = base.split(' ');
    const typed = [...words.slice(0, 2), 'deeply', ...words.slice(2)].join(' ');
    await editor().fill(typed);
    await expect.poll(() => page.locator('.draft-state').innerText()).toContain('Draft kept in this browser');

    // A reload, as after a crash of the tab.
    await page.reload();
    await showCompilation(page);
    const drafts = () => page.getByTestId('draft-list');
    await drafts().waitFor({ timeout: 10_000 });
    await drafts()
      .getByRole('button', { name: new RegExp(`^Resume: ${label} — Amendment`) })
      .click();
    expect(await editor().text()).toBe(typed);
    expect(await page.locator('.suggestion-editor .editor-note').innerText()).toMatch(/^Draft restored/);
    await expect.poll(() => editor().inserted()).toEqual(['deeply']);

    // The page closed and opened again, as after the browser crashed.
    await page.close();
    page = await che.context.newPage();
    che.page = page;
    await page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}`);
    await showCompilation(page);
    await drafts().waitFor({ timeout: 10_000 });
    await drafts()
      .getByRole('button', { name: new RegExp(`^Resume: ${label} — Amendment`) })
      .click();
    expect(await editor().text()).toBe(typed);
    await screenshot(page, 'drafts-amendment-after-crash');

    // Tabled: the draft goes.
    await page.getByRole('button', { name: 'Table proposal' }).click();
    await page.locator('.suggestion-editor').waitFor({ state: 'detached', timeout: 5_000 });
    expect((await mine('op13', 'amend')).map((p) => p.changes.map((c) => c.inserted.trim()))).toEqual([
      ['deeply'],
    ]);
    // (The comment's draft of the first test stays.)
    await expect.poll(() => page.getByTestId('draft-list').innerText()).not.toContain('Amendment');
  });

  it('starts an alternative from the paragraph’s text and keeps it across pages', async () => {
    const page = che.page;
    const label = await select(page, 'op14');
    const text = await currentText('op14');
    await page.getByRole('button', { name: 'Propose alternative text' }).click();
    // Below the paragraph, as "OP14 alt", starting from its text with its formatting.
    const editor = suggestionEditor(page, `Alternative text ${label} alt`);
    expect(await editor.text()).toBe(text);
    expect(await page.locator(`[data-suggestion-for="op14"] .c-label`).innerText()).toBe(`${label} alt`);
    expect(await editor.box.locator('em').count()).toBeGreaterThan(0);
    // Unchanged, it is not an alternative.
    await page.getByRole('button', { name: 'Table proposal' }).click();
    expect(await page.locator('.suggestion-editor .form-error').innerText()).toBe(
      'Change the paragraph’s text to make an alternative.',
    );
    const alt = 'We call for swift and concrete action on the matters in this paragraph.';
    await editor.fill(alt);
    expect(await page.locator('.suggestion-editor .form-error').count()).toBe(0);
    // The differences from the paragraph are marked.
    expect((await editor.inserted()).length).toBeGreaterThan(0);
    await screenshot(page, 'drafts-alternative-editor');
    // Away to the timeline and back.
    await page.getByRole('link', { name: 'Timeline' }).click();
    await page.waitForURL(/timeline/);
    await page.goBack();
    await showCompilation(page);
    await page.getByTestId('draft-list').waitFor({ timeout: 10_000 });
    await page
      .getByTestId('draft-list')
      .getByRole('button', { name: new RegExp(`^Resume: ${label} — Alternative text`) })
      .click();
    expect(await editor.text()).toBe(alt);
    await page.getByRole('button', { name: 'Table proposal' }).click();
    await editor.box.waitFor({ state: 'detached', timeout: 5_000 });
    expect((await mine('op14', 'alt')).map((p) => p.text)).toEqual([alt]);
  });

  it('discards a draft only after confirmation', async () => {
    const page = che.page;
    const label = await select(page, 'op15');
    await page.getByRole('button', { name: 'Propose new paragraph after' }).click();
    // An empty editor below the paragraph, numbered as the new paragraph will be.
    const editor = suggestionEditor(page, new RegExp(`^New paragraph ${label}(bis|ter|quater)$`));
    expect(await editor.text()).toBe('');
    await editor.box.pressSequentially('We commit to expand regular pathways.', { delay: 5 });
    // Everything in it is new.
    expect(await editor.inserted()).toEqual(['We commit to expand regular pathways.']);
    await screenshot(page, 'drafts-new-paragraph-editor');
    await page.getByRole('button', { name: 'Discard draft' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ timeout: 5_000 });
    expect(await dialog.innerText()).toContain('Discard this draft? The words you typed will be lost.');
    await screenshot(page, 'drafts-discard-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await editor.text()).toBe('We commit to expand regular pathways.');
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Discard draft' }).click();
    await editor.box.waitFor({ state: 'detached', timeout: 5_000 });
    // The comment's draft (first test) is the only one left.
    const drafts = page.getByTestId('draft-list');
    expect(await drafts.locator('li').count()).toBe(1);
    expect(await drafts.innerText()).not.toContain('New paragraph');
    await page.getByRole('button', { name: 'Propose new paragraph after' }).click();
    expect(await editor.text()).toBe('');
    await editor.box.press('Escape');
  });

  it('asks before tabling a deletion of the paragraph', async () => {
    const page = che.page;
    const label = await select(page, 'op16');
    await page.getByRole('button', { name: 'Propose deletion' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ timeout: 5_000 });
    expect(await dialog.innerText()).toContain(
      `Table a proposal to delete ${label}? Every participant sees it at once, under the name of Switzerland.`,
    );
    // Cancel has the focus: Enter twice destroys nothing.
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached', timeout: 5_000 });
    expect(await mine('op16', 'delete')).toEqual([]);
    await page.getByRole('button', { name: 'Propose deletion' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Propose deletion' }).click();
    await expect.poll(async () => (await mine('op16', 'delete')).length, { timeout: 5_000 }).toBe(1);
    expect(che.errors).toEqual([]);
  });
});
