/**
 * Amending in place (issue 15) in real browsers: the delegate edits the paragraph itself in the
 * suggestion editor and sees the brackets form as they type, the italic opening words kept;
 * what is tabled is exactly what was seen; a co-facilitator's concurrent edit of the same
 * paragraph comes into the delegate's editor without touching the delegate's own changes; all
 * of it by keyboard, with the changes announced.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import type { ProposalView } from '../../shared/proposals.js';
import { draftDocName } from '../../shared/protocol.js';
import { DRAFT_FRAGMENT } from '../../shared/schema.js';
import { api } from '../support/auth.js';
import { launchBrowser, type PersonPage, screenshot, showText, signInAs } from '../support/browser.js';
import { paragraph, paragraphString, paragraphText } from '../support/draft.js';
import { closeReadingWithAll } from '../support/readings.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { suggestionEditor } from '../support/suggestion.js';

const BASE = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;
const para = (pid: string) => `[data-testid="compilation"] [data-pid="${pid}"]`;
const trimmed = (list: readonly string[]) => list.map((t) => t.trim());

async function showCompilation(page: Page): Promise<void> {
  const button = page.locator('.text-view-switch [data-view="compilation"]');
  await button.waitFor({ timeout: 15_000 });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await page.locator(para('op02')).waitFor({ timeout: 15_000 });
}

/** Selects a paragraph by its number and opens "Propose amendment"; returns its number. */
async function openAmendment(page: Page, pid: string): Promise<string> {
  const number = page.locator(`${para(pid)} .c-label`);
  const label = (await number.innerText()).trim();
  await number.click();
  await page.getByRole('heading', { name: `Proposals on ${label}` }).waitFor({ timeout: 5_000 });
  await page.getByRole('button', { name: 'Propose amendment' }).click();
  return label;
}

describe('the suggestion editor', () => {
  let ts: TestServer;
  let browser: Browser;
  let che: PersonPage;
  let eu: PersonPage;
  let cofac: PersonPage;
  let cookie: string;

  const proposals = async () =>
    (await api<{ proposals: ProposalView[] }>(ts.url, 'GET', `${BASE}/proposals`, { cookie })).body.proposals;
  const mine = async (pid: string, code: string) =>
    (await proposals()).filter((p) => p.pid === pid && p.kind === 'amend' && p.delegation.code === code);
  const liveText = async (pid: string) =>
    paragraphString((await ts.server.rooms.open(draftDocName(DEMO_NEGOTIATION_ID))).doc, pid);

  /** The id of the paragraph whose text holds `words`. */
  const pidWith = async (words: string) => {
    const doc = (await ts.server.rooms.open(draftDocName(DEMO_NEGOTIATION_ID))).doc;
    return doc
      .getXmlFragment(DRAFT_FRAGMENT)
      .toArray()
      .map((c) => (c instanceof Y.XmlElement ? c.getAttribute('pid') : undefined))
      .find((id) => id !== undefined && paragraphString(doc, id).includes(words))!;
  };

  beforeAll(async () => {
    ts = await startTestServer({ withClient: true });
    browser = await launchBrowser();
    [che, eu, cofac] = await Promise.all([
      signInAs(browser, ts, 'demo-che'),
      signInAs(browser, ts, 'demo-eu'),
      signInAs(browser, ts, 'demo-cofac-lux'),
    ]);
    cookie = await ts.signIn('demo-che');
    await Promise.all([showCompilation(che.page), showCompilation(eu.page), showText(cofac.page)]);
  });

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it('(a) shows the brackets forming as a delegate deletes a word and types two, italics kept; tables exactly that', async () => {
    const page = che.page;
    const base = await liveText('op02');
    expect(base.startsWith('We welcome the progress')).toBe(true);
    expect(base).toContain('reviews of migration legislation');
    const label = await openAmendment(page, 'op02');
    const editor = suggestionEditor(page, `Amendment to ${label}`);
    await editor.box.waitFor({ timeout: 5_000 });
    // It opens as the paragraph reads: its text, the opening words in italics, no bracket.
    expect(await editor.text()).toBe(base);
    expect(await editor.box.locator('em').allInnerTexts()).toEqual(['We welcome']);
    expect(await editor.inserted()).toEqual([]);
    expect(await editor.deleted()).toEqual([]);
    await screenshot(page, 'suggestion-a0-opened');

    // Step 1: delete one word.
    await editor.select('migration ');
    await page.keyboard.press('Backspace');
    await expect.poll(() => editor.deleted()).toEqual(['migration']);
    expect(await editor.inserted()).toEqual([]);
    expect(await editor.text()).toBe(base.replace('migration ', ''));
    await screenshot(page, 'suggestion-a1-deleted');

    // Step 2: two words typed after the italic opening words, the bracket growing as they come.
    await editor.select('We welcome');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type(' most', { delay: 20 });
    await expect.poll(async () => trimmed(await editor.inserted())).toEqual(['most']);
    await screenshot(page, 'suggestion-a2-first-word');
    await page.keyboard.type(' warmly', { delay: 20 });
    await expect.poll(async () => trimmed(await editor.inserted())).toEqual(['most warmly']);
    expect(await editor.deleted()).toEqual(['migration']);
    // The typed words are plain; the opening words keep their italics.
    expect(await editor.box.locator('em').allInnerTexts()).toEqual(['We welcome']);
    expect(await editor.box.locator('ins.sg-ins em, em ins.sg-ins').count()).toBe(0);
    // The paragraph reads as the bracketed proposal will: brackets around each change.
    const shown = await editor.reads();
    expect(shown).toContain('We welcome [most warmly] the progress');
    expect(shown).toContain('reviews of [migration] legislation');
    await screenshot(page, 'suggestion-a3-two-words');
    const proposed = await editor.text();
    expect(proposed).toBe(base.replace('We welcome', 'We welcome most warmly').replace('migration ', ''));
    const seen = { inserted: trimmed(await editor.inserted()), deleted: trimmed(await editor.deleted()) };

    await page.getByRole('button', { name: 'Table proposal' }).click();
    await editor.form.waitFor({ state: 'detached', timeout: 5_000 });
    const [tabled, ...others] = await mine('op02', 'CHE');
    expect(others).toEqual([]);
    // Exactly the changes seen: the inserted words, the struck-out word, nothing else.
    expect(tabled!.changes.map((c) => [c.deleted.trim(), c.inserted.trim()])).toEqual([
      ['', 'most warmly'],
      ['migration', ''],
    ]);
    expect(trimmed(tabled!.changes.map((c) => c.inserted).filter(Boolean))).toEqual(seen.inserted);
    expect(trimmed(tabled!.changes.map((c) => c.deleted).filter(Boolean))).toEqual(seen.deleted);
    // And the compilation brackets them under Switzerland.
    const brackets = page.locator(`${para('op02')} .bracket[data-proposal-id="${tabled!.id}"]`);
    await expect.poll(() => brackets.count(), { timeout: 5_000 }).toBe(2);
    await screenshot(page, 'suggestion-a4-tabled');
    expect(che.errors).toEqual([]);
  });

  it('(b) brings a co-facilitator’s concurrent edit into the delegate’s editor, the delegate’s changes staying on their words', async () => {
    const page = eu.page;
    const base = await liveText('op06');
    expect(base).toContain('the steps taken to improve the collection');
    const label = await openAmendment(page, 'op06');
    const editor = suggestionEditor(page, `Amendment to ${label}`);
    await editor.box.waitFor({ timeout: 5_000 });
    await editor.replace('improve', 'strengthen');
    await expect.poll(() => editor.deleted()).toEqual(['improve']);
    expect(trimmed(await editor.inserted())).toEqual(['strengthen']);

    // A co-facilitator, in the text editor of another browser, adds words at the end of the paragraph.
    const theirs = ', in line with national legislation';
    const paragraph = cofac.page.locator('.ProseMirror [data-pid="op06"]');
    await paragraph.scrollIntoViewIfNeeded();
    const end = await paragraph.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const rects = range.getClientRects();
      const last = rects[rects.length - 1]!;
      return { x: last.right - 1, y: last.top + last.height / 2 };
    });
    await cofac.page.mouse.click(end.x, end.y);
    await cofac.page.keyboard.press('End');
    await cofac.page.keyboard.press('ArrowLeft'); // before the final full stop
    await cofac.page.keyboard.type(theirs, { delay: 5 });
    await expect.poll(() => liveText('op06'), { timeout: 10_000 }).toContain(theirs);

    // Their words appear in the delegate's editor, unmarked; the delegate's marks stay on "improve" → "strengthen".
    await expect.poll(() => editor.text(), { timeout: 5_000 }).toContain(theirs);
    expect(await editor.deleted()).toEqual(['improve']);
    expect(trimmed(await editor.inserted())).toEqual(['strengthen']);
    expect(await editor.text()).toBe((await liveText('op06')).replace('improve', 'strengthen'));
    expect(await page.locator('.suggestion-editor .editor-note').innerText()).toContain(
      'The co-facilitators changed this paragraph',
    );
    await editor.box.scrollIntoViewIfNeeded();
    await screenshot(page, 'suggestion-b-carried');

    await page.getByRole('button', { name: 'Table proposal' }).click();
    await editor.form.waitFor({ state: 'detached', timeout: 5_000 });
    const [tabled] = await mine('op06', 'EU');
    expect(tabled!.changes.map((c) => [c.deleted, c.inserted])).toEqual([['improve', 'strengthen']]);
    for (const p of [eu, cofac]) expect(p.errors).toEqual([]);
  });

  it('(c) works by keyboard alone: opens, types, announces, Ctrl+Enter tables, the focus is back on the paragraph', async () => {
    const page = che.page;
    const base = await liveText('op08');
    // The paragraph's number is a button: Enter selects it, then "Propose amendment" by keyboard.
    await page.locator('#label-op08').focus();
    await page.keyboard.press('Enter');
    const label = (await page.locator('#label-op08').innerText()).trim();
    await page.getByRole('heading', { name: `Proposals on ${label}` }).waitFor({ timeout: 5_000 });
    await page.getByRole('button', { name: 'Propose amendment' }).focus();
    await page.keyboard.press('Enter');
    const editor = suggestionEditor(page, `Amendment to ${label}`);
    await editor.box.waitFor({ timeout: 5_000 });
    // The focus is in the text, which says what it is and how to use it.
    await expect.poll(() => editor.box.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await editor.box.getAttribute('aria-multiline')).toBe('true');
    const described = await editor.box.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(described).toContain('Ctrl+Enter');
    expect(described).toContain('Escape');

    // Enter does not split the paragraph; the end of the text, before its full stop, then words.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type(' as appropriate', { delay: 15 });
    expect(await editor.text()).toBe(`${base.slice(0, -1)} as appropriate.`);
    await expect.poll(() => editor.announcement(), { timeout: 5_000 }).toBe('Inserts “as appropriate”.');
    // Undo and redo by keyboard.
    await page.keyboard.press('Control+z');
    await expect.poll(() => editor.text()).toBe(base);
    await expect.poll(() => editor.announcement(), { timeout: 5_000 }).toBe('No change yet.');
    await page.keyboard.press('Control+y');
    await expect.poll(() => editor.text()).toBe(`${base.slice(0, -1)} as appropriate.`);
    await screenshot(page, 'suggestion-c-keyboard');

    await page.keyboard.press('Control+Enter');
    await editor.form.waitFor({ state: 'detached', timeout: 5_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('label-op08');
    const [tabled] = await mine('op08', 'CHE');
    expect(tabled!.changes.map((c) => c.inserted.trim())).toEqual(['as appropriate']);

    // Escape closes the editor too (the draft is kept), and the focus goes back the same way.
    await page.getByRole('button', { name: 'Propose amendment' }).focus();
    await page.keyboard.press('Enter');
    await editor.box.waitFor({ timeout: 5_000 });
    await page.keyboard.press('Escape');

    await editor.form.waitFor({ state: 'detached', timeout: 5_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('label-op08');
    expect(che.errors).toEqual([]);
  });

  it('(e) closes the editor saying so when the co-facilitators remove the paragraph, the words kept as a draft', async () => {
    const page = che.page;
    const label = await openAmendment(page, 'op12');
    const editor = suggestionEditor(page, `Amendment to ${label}`);
    await editor.box.waitFor({ timeout: 5_000 });
    await editor.replace('uneven', 'unequal');
    await expect.poll(() => editor.deleted()).toEqual(['uneven']);

    // A co-facilitator removes the paragraph from the text.
    const doc = (await ts.server.rooms.open(draftDocName(DEMO_NEGOTIATION_ID))).doc;
    const element = paragraph(doc, 'op12');
    const parent = element.parent as Y.XmlFragment;
    doc.transact(() => parent.delete(parent.toArray().indexOf(element), 1));

    await editor.form.waitFor({ state: 'detached', timeout: 5_000 });
    const notice = page.locator('.side-panel .notice');
    await expect
      .poll(() => notice.innerText(), { timeout: 5_000 })
      .toContain(`${label} is no longer in the text`);
    // The focus is not lost to the page: it is on the message.
    expect(await notice.evaluate((el) => el === document.activeElement)).toBe(true);
    // The words are kept: the draft is listed.
    expect(await page.getByTestId('draft-list').innerText()).toContain('Amendment');
    await screenshot(page, 'suggestion-e-removed');
    expect(che.errors).toEqual([]);
  });

  it('(f) does not tell a screen reader “no change” when the co-facilitators change the words being changed', async () => {
    const page = eu.page;
    const doc = (await ts.server.rooms.open(draftDocName(DEMO_NEGOTIATION_ID))).doc;
    const pid = await pidWith('face barriers');
    const label = await openAmendment(page, pid);
    const editor = suggestionEditor(page, `Amendment to ${label}`);
    await editor.box.waitFor({ timeout: 5_000 });
    await editor.replace('barriers', 'obstacles');
    await expect
      .poll(() => editor.announcement(), { timeout: 5_000 })
      .toBe('Deletes “barriers”. Inserts “obstacles”.');

    // A co-facilitator deletes the very word the delegate is replacing: a conflict to decide.
    const at = paragraphString(doc, pid).indexOf('barriers ');
    doc.transact(() => paragraphText(doc, pid).delete(at, 'barriers '.length));
    await page.getByTestId('rebase-conflicts').waitFor({ timeout: 5_000 });
    // The proposal still changes words: after the pause in which an announcement would come, none says otherwise.
    await page.waitForTimeout(1_500);
    expect(await editor.announcement()).not.toBe('No change yet.');
    await page.keyboard.press('Escape');
    await editor.form.waitFor({ state: 'detached', timeout: 5_000 });
    expect(eu.errors).toEqual([]);
  });

  it('(g) leaves one space where a deleted word stood, as tabled', async () => {
    const page = che.page;
    const pid = await pidWith('remittances has fallen');
    const base = await liveText(pid);
    const label = await openAmendment(page, pid);
    const editor = suggestionEditor(page, `Amendment to ${label}`);
    await editor.box.waitFor({ timeout: 5_000 });
    // A word selected alone (as a double-click selects it) and deleted; another by Ctrl+Backspace.
    await editor.select('several');
    await page.keyboard.press('Delete');
    await editor.select('above');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Control+Backspace');
    await expect.poll(() => editor.deleted()).toEqual(['several', 'above']);
    const proposed = base.replace('several ', '').replace('above ', '');
    expect(await editor.text()).toBe(proposed);
    expect(await editor.reads()).toContain('in [several] corridors');
    await page.getByRole('button', { name: 'Table proposal' }).click();
    await editor.form.waitFor({ state: 'detached', timeout: 5_000 });
    const [tabled] = await mine(pid, 'CHE');
    // The words recorded (the proposal's history): one space where each word stood.
    const history = await api<{ versions: { content: { text: string } }[] }>(
      ts.url,
      'GET',
      `${BASE}/proposals/${tabled!.id}/history`,
      { cookie },
    );
    expect(history.body.versions.at(-1)!.content.text).toBe(proposed);
    expect(che.errors).toEqual([]);
  });

  it('(h) pastes plain words on one line, from plain text or from formatted text alone', async () => {
    const page = eu.page;
    const pid = await pidWith('our full commitment');
    const label = await openAmendment(page, pid);
    const editor = suggestionEditor(page, `Amendment to ${label}`);
    await editor.box.waitFor({ timeout: 5_000 });
    const paste = (data: Record<string, string>) =>
      editor.box.evaluate((box, entries) => {
        const transfer = new DataTransfer();
        for (const [type, value] of Object.entries(entries)) transfer.setData(type, value);
        box.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
        );
      }, data);
    await editor.select('full commitment');
    // Several lines, with formatting the record cannot hold.
    await paste({
      'text/plain': 'full and lasting\r\ncommitment',
      'text/html': '<p><em>full and lasting</em></p><p>commitment</p>',
    });
    await expect.poll(() => editor.text()).toContain('our full and lasting commitment to the Global Compact');
    expect(await editor.box.locator('ins em, ins strong, em ins, strong ins').count()).toBe(0);
    // Formatted text alone (no plain text offered): its words, plain, one space between its paragraphs.
    await editor.select('concrete action');
    await paste({
      'text/html':
        '<style>p{color:red}</style><p><strong>concrete</strong> action</p><p style="color:red">and partnership</p>',
    });
    await expect.poll(() => editor.text()).toContain('through concrete action and partnership at the local');
    expect(await editor.box.locator('ins em, ins strong, em ins, strong ins').count()).toBe(0);
    await page.keyboard.press('Escape');
    await editor.form.waitFor({ state: 'detached', timeout: 5_000 });
    expect(eu.errors).toEqual([]);
  });

  it('(d) says why nothing can be tabled when the paragraph is agreed or the reading closes, the words kept', async () => {
    const page = che.page;
    const cofacCookie = await ts.signIn('demo-cofac-lux');
    const label = await openAmendment(page, 'op09');
    const editor = suggestionEditor(page, `Amendment to ${label}`);
    await editor.box.waitFor({ timeout: 5_000 });
    await editor.replace('projects', 'programmes');
    await expect.poll(() => editor.deleted()).toEqual(['projects']);
    const proposed = await editor.text();
    const table = page.getByRole('button', { name: 'Table proposal' });

    // A co-facilitator marks the paragraph agreed ad ref. while the delegate is writing.
    const agreed = await api(ts.url, 'PUT', `${BASE}/paragraphs/op09/status`, {
      cookie: cofacCookie,
      body: { status: 'agreed-ad-ref' },
    });
    expect(agreed.status).toBe(200);
    const why = editor.form.getByRole('status').filter({ hasText: 'agreed or deleted' });
    await why.waitFor({ timeout: 5_000 });
    expect(await why.innerText()).toContain('Your words are kept as a draft');
    expect(await table.isDisabled()).toBe(true);
    expect(await editor.box.getAttribute('aria-readonly')).toBe('true');
    // The text takes no more typing; the words stay as written.
    await editor.box.click();
    await page.keyboard.type('xyz');
    expect(await editor.text()).toBe(proposed);
    await screenshot(page, 'suggestion-d1-agreed');

    // Closed, then resumed from the list of drafts: the same explanation, nothing to table.
    await page.getByRole('button', { name: 'Close' }).click();
    await editor.form.waitFor({ state: 'detached', timeout: 5_000 });
    await page
      .getByTestId('draft-list')
      .getByRole('button', { name: new RegExp(`Resume.*${label}`) })
      .click();
    await editor.box.waitFor({ timeout: 5_000 });
    expect(await editor.text()).toBe(proposed);
    await why.waitFor({ timeout: 5_000 });
    expect(await table.isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await editor.form.waitFor({ state: 'detached', timeout: 5_000 });

    // Once the reading is closed, no paragraph offers to propose; the panel says why.
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
    await page.locator(`${para('op10')} .c-label`).click();
    await page.locator('.proposal-panel').getByText('No reading is open').waitFor({ timeout: 5_000 });
    expect(await page.getByRole('button', { name: 'Propose amendment' }).count()).toBe(0);
    await screenshot(page, 'suggestion-d2-no-reading');
    expect(che.errors).toEqual([]);
  });
});
