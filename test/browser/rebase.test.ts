/**
 * A delegation proposes exactly its own edits (issue 13, cases 1, 2 and 8) in real browsers:
 * the co-facilitators change a paragraph while a delegate amends it, and the delegate's own
 * changes are carried onto the new text; where both changed the same words the delegate
 * chooses; an amendment whose words were rewritten stays in place, marked outdated, and is
 * carried onto the current text in one step; applied words keep who proposed them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import type { ProposalView } from '../../shared/proposals.js';
import { draftDocName } from '../../shared/protocol.js';
import { api } from '../support/auth.js';
import { launchBrowser, type PersonPage, screenshot, showText, signInAs } from '../support/browser.js';
import { paragraphString, paragraphText } from '../support/draft.js';
import { connectProvider, waitFor } from '../support/provider.js';
import { closeReadingWithAll } from '../support/readings.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { suggestionEditor } from '../support/suggestion.js';

const BASE = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;
const para = (pid: string) => `[data-testid="compilation"] [data-pid="${pid}"]`;
const THEIR_WORDS = ', and call for their continued inclusion';

async function showCompilation(page: Page): Promise<void> {
  const button = page.locator('.text-view-switch [data-view="compilation"]');
  await button.waitFor({ timeout: 15_000 });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await page.locator(para('op04')).waitFor({ timeout: 15_000 });
}

/** Opens the suggestion editor on a paragraph; returns its number (OP4). */
async function openAmendment(page: Page, pid: string): Promise<string> {
  const number = page.locator(`${para(pid)} .c-label`);
  const label = (await number.innerText()).trim();
  await number.click();
  await page.getByRole('heading', { name: `Proposals on ${label}` }).waitFor({ timeout: 5_000 });
  await page.getByRole('button', { name: 'Propose amendment' }).click();
  return label;
}

/** Clicks just after the last character of a paragraph in the text editor. */
async function clickAtEndOf(page: Page, pid: string): Promise<void> {
  const paragraph = page.locator(`.ProseMirror [data-pid="${pid}"]`);
  await paragraph.scrollIntoViewIfNeeded();
  const point = await paragraph.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const rects = range.getClientRects();
    const last = rects[rects.length - 1];
    if (!last) throw new Error('paragraph has no text');
    return { x: last.right - 1, y: last.top + last.height / 2 };
  });
  await page.mouse.click(point.x, point.y);
}

describe('rebasing amendments onto a moving text', () => {
  let ts: TestServer;
  let browser: Browser;
  let eu: PersonPage;
  let cofac: PersonPage;
  let euCookie: string;
  let cofacCookie: string;
  let draft: Awaited<ReturnType<typeof connectProvider>>;

  const proposals = async () =>
    (await api<{ proposals: ProposalView[] }>(ts.url, 'GET', `${BASE}/proposals`, { cookie: euCookie })).body
      .proposals;
  const textOf = (pid: string) => paragraphString(draft.doc, pid);
  /** A co-facilitator's edit of the draft over the real protocol: `find` becomes `replace`. */
  const cofacEdit = async (pid: string, find: string, replace: string) => {
    const before = textOf(pid);
    const at = before.indexOf(find);
    if (at < 0) throw new Error(`"${find}" not in ${pid}`);
    draft.doc.transact(() => {
      const t = paragraphText(draft.doc, pid);
      t.delete(at, find.length);
      t.insert(at, replace);
    });
    const room = await ts.server.rooms.open(draftDocName(DEMO_NEGOTIATION_ID));
    await waitFor(() => paragraphString(room.doc, pid).includes(replace), 5_000, 'edit on the server');
  };

  beforeAll(async () => {
    ts = await startTestServer({ withClient: true });
    browser = await launchBrowser();
    [eu, cofac] = await Promise.all([
      signInAs(browser, ts, 'demo-eu'),
      signInAs(browser, ts, 'demo-cofac-lux'),
    ]);
    euCookie = await ts.signIn('demo-eu');
    cofacCookie = await ts.signIn('demo-cofac-bgd');
    draft = await connectProvider(ts.wsUrl, draftDocName(DEMO_NEGOTIATION_ID), {
      headers: { cookie: cofacCookie },
    });
    await showCompilation(eu.page);
    await showText(cofac.page);
  });

  afterAll(async () => {
    draft?.provider.destroy();
    await browser?.close();
    await ts?.stop();
  });

  it('case 1: the EU adds "essential" while a co-facilitator extends OP4; it tables exactly that addition', async () => {
    const page = eu.page;
    expect(await openAmendment(page, 'op04')).toBe('OP4');
    const editor = suggestionEditor(page, 'Amendment to OP4');
    const base = await editor.text();
    expect(base).toContain('carers and workers in food supply chains');
    await editor.fill(base.replace('carers and workers', 'carers and essential workers'));

    // Meanwhile a co-facilitator, in the text editor of another browser, appends their words.
    await clickAtEndOf(cofac.page, 'op04');
    await cofac.page.keyboard.press('End');
    await cofac.page.keyboard.press('ArrowLeft'); // before the final full stop
    await cofac.page.keyboard.type(THEIR_WORDS, { delay: 5 });
    await waitFor(() => textOf('op04').includes(THEIR_WORDS), 10_000, 'co-facilitators’ words saved');

    // Their words appear in the delegate's box as they happen; the delegate's addition stays.
    let carriedLive = true;
    try {
      await expect.poll(() => editor.text(), { timeout: 5_000 }).toContain(THEIR_WORDS);
      // The delegate's own change is still the only one marked.
      expect(await editor.inserted()).toEqual(['essential']);
      expect(await editor.deleted()).toEqual([]);
    } catch {
      carriedLive = false;
    }
    await screenshot(page, 'rebase-case1-carried');
    await page.getByRole('button', { name: 'Table proposal' }).click();
    // A delegate who is told the paragraph changed submits again, as the issue reports.
    const refused = page.locator('.suggestion-editor .form-error');
    await Promise.race([
      page.locator('.suggestion-editor').waitFor({ state: 'detached', timeout: 5_000 }),
      refused.waitFor({ timeout: 5_000 }),
    ]).catch(() => undefined);
    if (await refused.isVisible().catch(() => false))
      await page.getByRole('button', { name: 'Table proposal' }).click();

    await expect
      .poll(async () => (await proposals()).filter((p) => p.pid === 'op04' && p.kind === 'amend').length, {
        timeout: 5_000,
      })
      .toBe(1);
    const [tabled] = (await proposals()).filter((p) => p.pid === 'op04' && p.kind === 'amend');
    expect(tabled!.delegation.code).toBe('EU');
    expect(tabled!.changes.map((c) => ({ deleted: c.deleted, inserted: c.inserted.trim() }))).toEqual([
      { deleted: '', inserted: 'essential' },
    ]);
    // In the compilation: the co-facilitators' words as plain text, one bracket adding "essential".
    const bracket = page.locator(`${para('op04')} .bracket`);
    await expect.poll(() => bracket.count(), { timeout: 5_000 }).toBe(1);
    expect(await bracket.locator('ins').innerText()).toBe('essential');
    expect(await bracket.locator('del').count()).toBe(0);
    expect(await bracket.innerText()).toContain('European Union');
    expect(await page.locator(`${para('op04')} .c-text`).innerText()).toContain(
      'irrespective of their status, and call for their continued inclusion.',
    );
    expect(carriedLive).toBe(true);
    await screenshot(page, 'rebase-case1-tabled');
  });

  it('shows a conflict with both versions; the delegate keeps theirs or mine by keyboard', async () => {
    const page = eu.page;
    const label = await openAmendment(page, 'op09');
    const editor = suggestionEditor(page, `Amendment to ${label}`);
    const base = await editor.text();
    expect(base).toContain('of the projects supported');
    await editor.fill(base.replace('the projects supported', 'the programmes supported'));
    await cofacEdit('op09', 'projects', 'initiatives');

    const conflicts = page.getByTestId('rebase-conflicts');
    await conflicts.waitFor({ timeout: 5_000 });
    expect(await conflicts.getByRole('heading').innerText()).toBe(
      'The co-facilitators changed words you were changing',
    );
    expect(await conflicts.locator('.conflict-words.theirs').innerText()).toBe('initiatives');
    expect(await conflicts.locator('.conflict-words.mine').innerText()).toBe('programmes');
    expect(await editor.box.getAttribute('aria-readonly')).toBe('true');
    expect(await editor.box.getAttribute('contenteditable')).toBe('false');
    expect(await page.getByRole('button', { name: 'Table proposal' }).isDisabled()).toBe(true);
    await screenshot(page, 'rebase-conflict');

    // Keyboard only: the heading has the focus; Tab to the first choice, Space, on to the button.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H4');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('mine');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    const apply = page.getByRole('button', { name: 'Use these choices' });
    await apply.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('rebase-conflicts').waitFor({ state: 'detached', timeout: 5_000 });
    expect(await editor.text()).toBe(textOf('op09').replace('initiatives', 'programmes'));
    // Their word, struck through, and the delegate's in its place.
    expect(await editor.deleted()).toEqual(['initiatives']);
    expect(await editor.inserted()).toEqual(['programmes']);
    expect(await editor.box.getAttribute('contenteditable')).toBe('true');
    await page.getByRole('button', { name: 'Table proposal' }).click();
    await page.locator('.suggestion-editor').waitFor({ state: 'detached', timeout: 5_000 });
    const [tabled] = (await proposals()).filter(
      (p) => p.pid === 'op09' && p.kind === 'amend' && p.delegation.code === 'EU',
    );
    // The delegation chose to put its word in place of theirs, and only that.
    expect(tabled!.changes.map((c) => [c.deleted, c.inserted])).toEqual([['initiatives', 'programmes']]);
  });

  it('Escape closes the editor from the conflict choices too, keeping the draft and its conflict', async () => {
    const page = eu.page;
    const label = await openAmendment(page, 'op13');
    const editor = suggestionEditor(page, `Amendment to ${label}`);
    const base = await editor.text();
    const word = base.match(/\b[a-z]{6,}\b/)?.[0];
    if (!word) throw new Error('no long word in op13');
    await editor.fill(base.replace(word, 'OURS'));
    await cofacEdit('op13', word, 'THEIRS');
    const conflicts = page.getByTestId('rebase-conflicts');
    await conflicts.waitFor({ timeout: 5_000 });
    // From a choice (the box is read-only meanwhile), Escape closes the editor as from the box.
    await conflicts.getByLabel('Keep mine').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Escape');
    await page.locator('.suggestion-editor').waitFor({ state: 'detached', timeout: 5_000 });
    expect((await proposals()).filter((p) => p.pid === 'op13').length).toBe(0);
    // Reopened: the delegate's words are back, and so is the place where both changed.
    await page.getByRole('button', { name: 'Propose amendment' }).click();
    await conflicts.waitFor({ timeout: 5_000 });
    expect(await conflicts.locator('.conflict-words.mine').innerText()).toBe('OURS');
    expect(await conflicts.locator('.conflict-words.theirs').innerText()).toBe('THEIRS');
    // From the words written for a place, too.
    await conflicts.getByLabel('Write other words').check();
    await conflicts.getByLabel('Words for place 1').press('Escape');
    await page.locator('.suggestion-editor').waitFor({ state: 'detached', timeout: 5_000 });
    await screenshot(page, 'rebase-conflict-escaped');
    expect(eu.errors).toEqual([]);
  });

  it('keeps an outdated amendment in place, marked outdated, and carries it onto the current text in one step', async () => {
    const page = eu.page;
    const before = textOf('op10');
    const proposed = before
      .replace('the assistance provided', 'the assistance given')
      .replace('to States that', 'to countries that');
    const res = await api<{ proposal: ProposalView }>(ts.url, 'POST', `${BASE}/proposals`, {
      cookie: euCookie,
      body: { kind: 'amend', pid: 'op10', baseText: before, text: proposed },
    });
    expect(res.status).toBe(201);
    const id = res.body.proposal.id;
    const ours = page.locator(`${para('op10')} [data-proposal-id="${id}"]`);
    await expect.poll(() => ours.count(), { timeout: 5_000 }).toBeGreaterThan(0);

    // The co-facilitators take one of its changes themselves: the words it targeted are gone.
    await cofacEdit('op10', 'assistance provided', 'assistance given');
    await expect.poll(() => ours.first().getAttribute('class'), { timeout: 5_000 }).toContain('outdated');
    // Still in place inside the paragraph's text (not only after it), saying "outdated".
    expect(await page.locator(`${para('op10')} .c-text [data-proposal-id="${id}"]`).count()).toBe(1);
    expect(await ours.first().textContent()).toMatch(/^\[outdated /);
    await screenshot(page, 'rebase-outdated-in-place');

    // The print page shows it in place too.
    const print = await eu.context.newPage();
    await print.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}/print/live?mode=compilation`);
    const printed = print.locator(`[data-pid="op10"] .c-text .bracket.outdated[data-proposal-id="${id}"]`);
    await printed.waitFor({ timeout: 10_000 });
    expect((await printed.textContent()) ?? '').toContain('outdated');
    await printed.scrollIntoViewIfNeeded();
    await screenshot(print, 'rebase-outdated-print');
    await print.close();

    // One step from the live notification's link (#proposal-<id>): the card, its action, the
    // result, table it.
    const toast = page.getByTestId('toast').filter({ hasText: 'outdated' });
    await toast.waitFor({ timeout: 5_000 });
    await toast.getByRole('link', { name: 'Show it and carry it onto the current text' }).click();
    await page.waitForURL((url) => url.hash === `#proposal-${id}`);
    const card = page.locator(`#proposal-${id}`);
    await card.waitFor({ timeout: 5_000 });
    await card.getByRole('button', { name: 'Carry onto the current text' }).click();
    const carried = card.getByTestId('carried');
    await carried.waitFor({ timeout: 5_000 });
    expect(await carried.locator('del').allInnerTexts()).toEqual(['States']);
    expect(await carried.locator('ins').allInnerTexts()).toEqual(['countries']);
    await screenshot(page, 'rebase-carry-preview');
    await carried.getByRole('button', { name: 'Table this version' }).click();
    await expect
      .poll(async () => (await proposals()).find((p) => p.id === id)?.version, { timeout: 5_000 })
      .toBe(2);
    const now = (await proposals()).find((p) => p.id === id)!;
    expect(now.outdated).toBe(false);
    expect(now.changes.map((c) => [c.deleted, c.inserted])).toEqual([['States', 'countries']]);
    await expect.poll(() => ours.first().getAttribute('class'), { timeout: 5_000 }).not.toContain('outdated');
  });

  it('opens the editor with the conflict shown when an outdated amendment meets the co-facilitators’ words', async () => {
    const page = eu.page;
    const before = textOf('op11');
    expect(before).toContain('in several corridors');
    const res = await api<{ proposal: ProposalView }>(ts.url, 'POST', `${BASE}/proposals`, {
      cookie: euCookie,
      body: { kind: 'amend', pid: 'op11', baseText: before, text: before.replace('several', 'many') },
    });
    const id = res.body.proposal.id;
    await cofacEdit('op11', 'several', 'a few');
    const ours = page.locator(`${para('op11')} [data-proposal-id="${id}"]`);
    await expect.poll(() => ours.first().getAttribute('class'), { timeout: 5_000 }).toContain('outdated');
    await ours.first().click();
    await page
      .locator(`#proposal-${id}`)
      .getByRole('button', { name: 'Carry onto the current text' })
      .click();
    const conflicts = page.getByTestId('rebase-conflicts');
    await conflicts.waitFor({ timeout: 5_000 });
    expect(await conflicts.locator('.conflict-words.theirs').innerText()).toBe('a few');
    expect(await conflicts.locator('.conflict-words.mine').innerText()).toBe('many');
    await conflicts.getByLabel('Write other words').check();
    await conflicts.getByLabel('Words for place 1').fill('a number of');
    await conflicts.getByRole('button', { name: 'Use these choices' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('.suggestion-editor').waitFor({ state: 'detached', timeout: 5_000 });
    const now = (await proposals()).find((p) => p.id === id)!;
    expect(now.outdated).toBe(false);
    expect(now.changes.map((c) => [c.deleted, c.inserted])).toEqual([['few', 'number of']]);
  });

  it('marks the words an applied amendment put in as incorporated, with who proposed them', async () => {
    const page = eu.page;
    const [essential] = (await proposals()).filter((p) => p.pid === 'op04' && p.kind === 'amend');
    const applied = await api(ts.url, 'POST', `${BASE}/proposals/${essential!.id}/apply`, {
      cookie: cofacCookie,
    });
    expect(applied.status).toBe(200);
    const mark = page.locator(`${para('op04')} .incorporated[data-proposal-id="${essential!.id}"]`);
    await mark.waitFor({ timeout: 5_000 });
    expect(await mark.locator('.incorporated-words').innerText()).toBe('essential');
    expect(await mark.locator('.incorporated-tag').innerText()).toBe('incorporated: European Union');
    // Read out as such, and not an open bracket.
    expect(await mark.innerText()).toContain('Incorporated from European Union:');
    expect(await page.locator(`${para('op04')} .bracket`).count()).toBe(0);
    await mark.scrollIntoViewIfNeeded();
    await screenshot(page, 'rebase-incorporated');
    // Not in the clean text.
    await showText(page);
    expect(await page.locator('.ProseMirror [data-pid="op04"]').innerText()).toContain('essential workers');
    expect(await page.locator('.incorporated').count()).toBe(0);
    await showCompilation(page);

    // The print page of the live compilation marks them the same way.
    const print = await eu.context.newPage();
    await print.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}/print/live?mode=compilation`);
    const printed = print.locator(`[data-pid="op04"] .incorporated[data-proposal-id="${essential!.id}"]`);
    await printed.waitFor({ timeout: 10_000 });
    expect(await printed.locator('.incorporated-words').innerText()).toBe('essential');
    expect(await printed.locator('.incorporated-tag').innerText()).toBe('incorporated: European Union');
    await printed.scrollIntoViewIfNeeded();
    await screenshot(print, 'rebase-incorporated-print');
    await print.close();

    // Once the next reading opens (nothing tabled in it yet), they are the text's own words.
    const timeline = await api<{ readings: { id: string; closedAt: string | null }[] }>(
      ts.url,
      'GET',
      `${BASE}/timeline`,
      { cookie: cofacCookie },
    );
    const open = timeline.body.readings.find((r) => r.closedAt === null)!;
    expect(
      (await closeReadingWithAll(ts.url, cofacCookie, DEMO_NEGOTIATION_ID, open.id, 'set-aside')).status,
    ).toBe(200);
    // Between readings the latest reading's incorporations still show.
    expect(await mark.count()).toBe(1);
    expect((await api(ts.url, 'POST', `${BASE}/revisions`, { cookie: cofacCookie, body: {} })).status).toBe(
      201,
    );
    const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
    expect(
      (await api(ts.url, 'POST', `${BASE}/readings`, { cookie: cofacCookie, body: { deadline } })).status,
    ).toBe(201);
    await expect.poll(() => mark.count(), { timeout: 10_000 }).toBe(0);
    expect(await page.locator(`${para('op04')} .c-text`).innerText()).toContain('essential workers');
    for (const p of [eu, cofac]) expect(p.errors).toEqual([]);
  });
});
