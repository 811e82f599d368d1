/**
 * Agreed ad ref. paragraphs, deleted paragraphs and stable numbers in real browsers: the
 * co-facilitators' editor locks an agreed paragraph, marks it and reopens it; a change refused
 * by the server in a race is undone by reloading the text; a deleted paragraph is struck in the
 * compilation and left out of the clean text; a new paragraph applied mid-reading is OP16bis
 * and keeps the numbers after it; circulation shows the table of old → new numbers.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { draftDocName } from '../../shared/protocol.js';
import { api } from '../support/auth.js';
import { launchBrowser, type PersonPage, screenshot, showText, signInAs } from '../support/browser.js';
import { paragraphString } from '../support/draft.js';
import { startTestServer, type TestServer } from '../support/server.js';

const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;

/** A paragraph's text in the editor, without other people's cursors. */
function editorText(page: Page, pid: string): Promise<string> {
  return page.locator(`.ProseMirror [data-pid="${pid}"]`).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const cursor of copy.querySelectorAll('.ProseMirror-yjs-cursor')) cursor.remove();
    return (copy.textContent ?? '').replace(/\u2060/g, '');
  });
}

/** The number in a paragraph's margin (the first line of its `::before`, whose second is its status). */
async function margin(page: Page, pid: string): Promise<string> {
  return (await marginLines(page, pid))[0] ?? '';
}

/** The lines CSS shows in a paragraph's left margin: its number, then its status if not pending. */
function marginLines(page: Page, pid: string): Promise<string[]> {
  return page.locator(`.ProseMirror [data-pid="${pid}"]`).evaluate((element) => {
    // Computed as quoted strings, e.g. `"OP5" "\a " "Agreed ad ref."`.
    const content = getComputedStyle(element, '::before').content;
    return [...content.matchAll(/"([^"]*)"/g)]
      .map((m) => m[1]!)
      .join('')
      .split(/\\a ?/i)
      .filter((line) => line !== '');
  });
}

/** Clicks into the middle of a paragraph's first line. */
async function clickInto(page: Page, pid: string): Promise<void> {
  const paragraph = page.locator(`.ProseMirror [data-pid="${pid}"]`);
  await paragraph.scrollIntoViewIfNeeded();
  const box = (await paragraph.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + 8);
}

describe('agreed, deleted and numbered paragraphs', () => {
  let ts: TestServer;
  let browser: Browser;
  let bgd: PersonPage;
  let eu: PersonPage;
  const cookies: Record<string, string> = {};

  const setStatus = async (pid: string, status: string) => {
    const res = await api(ts.url, 'PUT', `${base}/paragraphs/${pid}/status`, {
      cookie: cookies.lux,
      body: { status },
    });
    expect(res.status).toBe(200);
  };
  const serverText = async (pid: string) =>
    paragraphString((await ts.server.rooms.open(draftDocName(DEMO_NEGOTIATION_ID))).doc, pid);

  beforeAll(async () => {
    ts = await startTestServer({ withClient: true });
    browser = await launchBrowser();
    cookies.lux = await ts.signIn('demo-cofac-lux');
    cookies.eu = await ts.signIn('demo-eu');
    [bgd, eu] = await Promise.all([
      signInAs(browser, ts, 'demo-cofac-bgd'),
      signInAs(browser, ts, 'demo-eu'),
    ]);
    await bgd.page.locator('.ProseMirror [data-pid="op05"]').waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  it('locks an agreed paragraph in the editor, marks it, and lets a co-facilitator reopen it', async () => {
    const page = bgd.page;
    const before = await editorText(page, 'op05');
    await setStatus('op05', 'agreed-ad-ref');
    await expect
      .poll(() => page.locator('.ProseMirror [data-pid="op05"]').getAttribute('data-status'), {
        timeout: 5_000,
      })
      .toBe('agreed-ad-ref');
    expect(await marginLines(page, 'op05')).toEqual(['OP5', 'Agreed ad ref.']);

    await clickInto(page, 'op05');
    const notice = page.getByTestId('lock-notice');
    await expect.poll(() => notice.innerText()).toContain('OP5 is agreed ad referendum: its text is locked.');
    await page.keyboard.type('TYPED ');
    await page.keyboard.press('Backspace');
    expect(await editorText(page, 'op05')).toBe(before);
    await expect
      .poll(() => notice.innerText())
      .toContain('OP5 is agreed ad referendum: that change was not made.');
    await screenshot(page, 'agreed-locked-editor');

    // Typing in the paragraph next to it works as ever.
    await clickInto(page, 'op06');
    await page.keyboard.type('Next door ');
    await expect.poll(() => serverText('op06'), { timeout: 5_000 }).toContain('Next door ');
    expect(await notice.innerText()).toBe('');

    // Reopen, by keyboard, from the notice.
    await clickInto(page, 'op05');
    const reopen = page.getByRole('button', { name: 'Reopen OP5' });
    await reopen.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.ProseMirror [data-pid="op05"]').getAttribute('data-status'), {
        timeout: 5_000,
      })
      .toBeNull();
    // Everyone sees it reopened: the delegate's compilation loses the "Agreed ad ref." badge.
    await eu.page.locator('[data-testid="compilation"] [data-pid="op05"]').waitFor({ timeout: 10_000 });
    await expect
      .poll(() => eu.page.locator('[data-testid="compilation"] [data-pid="op05"] .badge').count(), {
        timeout: 5_000,
      })
      .toBe(0);
    await clickInto(page, 'op05');
    await page.keyboard.type('Reopened ');
    await expect.poll(() => serverText('op05'), { timeout: 5_000 }).toContain('Reopened ');
    expect(bgd.errors).toEqual([]);
  });

  it('recovers from a change the server refused in a race: reloads the text and says so', async () => {
    const page = bgd.page;
    await clickInto(page, 'op07');
    await page.keyboard.type('Raced ');
    await expect.poll(() => serverText('op07'), { timeout: 5_000 }).toContain('Raced ');
    const agreed = await serverText('op07');
    // Another co-facilitator agrees the paragraph; undo then changes it through Yjs, past the lock.
    await setStatus('op07', 'agreed-ad-ref');
    await expect
      .poll(() => page.locator('.ProseMirror [data-pid="op07"]').getAttribute('data-status'), {
        timeout: 5_000,
      })
      .toBe('agreed-ad-ref');
    await page.keyboard.press('Control+z');
    const alert = page.locator('.status-bar [role="alert"]');
    await expect.poll(() => alert.innerText(), { timeout: 5_000 }).toContain('the text has been reloaded');
    expect(await alert.innerText()).toContain('OP8 is agreed ad referendum');
    // The editor shows the server's text again, locked, connected and saved.
    await expect.poll(() => editorText(page, 'op07'), { timeout: 5_000 }).toBe(agreed);
    expect(await serverText('op07')).toBe(agreed);
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
    await expect
      .poll(() => page.locator('.ProseMirror [data-pid="op07"]').getAttribute('data-status'))
      .toBe('agreed-ad-ref');
    await page.locator('.ProseMirror [data-pid="op07"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'agreed-race-reloaded');
    // The editor still works after the reload.
    await clickInto(page, 'op06');
    await page.keyboard.type('After reload ');
    await expect.poll(() => serverText('op06'), { timeout: 5_000 }).toContain('After reload ');
    expect(bgd.errors).toEqual([]);
  });

  it('strikes a deleted paragraph in the compilation, keeps its number, and leaves it out of the clean text', async () => {
    await setStatus('op08', 'deleted');
    const page = eu.page;
    const para = page.locator('[data-testid="compilation"] [data-pid="op08"]');
    await expect.poll(() => para.locator('.badge').innerText(), { timeout: 5_000 }).toBe('Deleted');
    expect(await para.locator('.c-label').innerText()).toBe('OP9');
    expect(await para.locator('.c-text').evaluate((e) => getComputedStyle(e).textDecorationLine)).toBe(
      'line-through',
    );
    await para.scrollIntoViewIfNeeded();
    await screenshot(page, 'deleted-compilation');
    // The clean text (the read-only editor) leaves it out, and numbers the rest as before.
    await showText(page);
    await expect
      .poll(() => page.locator('.ProseMirror [data-pid="op08"]').isVisible(), { timeout: 5_000 })
      .toBe(false);
    expect(await margin(page, 'op09')).toBe('OP10');
    // So does the print view of the clean text; the co-facilitators' editor shows it struck.
    const print = await eu.context.newPage();
    await print.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}/print/live?mode=clean`);
    await print.locator('[data-pid="op09"]').waitFor({ timeout: 10_000 });
    expect(await print.locator('[data-pid="op08"]').count()).toBe(0);
    await print.close();
    expect(await marginLines(bgd.page, 'op08')).toEqual(['OP9', 'Deleted']);
    expect(
      await bgd.page
        .locator('.ProseMirror [data-pid="op08"]')
        .evaluate((e) => getComputedStyle(e).textDecorationLine),
    ).toBe('line-through');
  });

  it('numbers a new paragraph applied mid-reading OP16bis, keeps OP17, and renumbers at circulation', async () => {
    const labels = async () =>
      new Map(
        (
          await api<{ snapshot: { blocks: { pid?: string; label?: string }[] } }>(
            ts.url,
            'GET',
            `${base}/snapshots/live`,
            { cookie: cookies.eu },
          )
        ).body.snapshot.blocks.flatMap((b) => (b.pid ? [[b.label!, b.pid] as const] : [])),
      );
    const byLabel = await labels();
    const op16 = byLabel.get('OP16')!;
    const op17 = byLabel.get('OP17')!;
    const tabled = await api<{ proposal: { id: string } }>(ts.url, 'POST', `${base}/proposals`, {
      cookie: cookies.eu,
      body: { kind: 'insert', pid: op16, text: 'We commit to a new paragraph, applied.' },
    });
    await api(ts.url, 'POST', `${base}/proposals`, {
      cookie: cookies.eu,
      body: { kind: 'insert', pid: op16, text: 'We commit to another new paragraph, proposed.' },
    });
    expect(
      (
        await api(ts.url, 'POST', `${base}/proposals/${tabled.body.proposal.id}/apply`, {
          cookie: cookies.lux,
        })
      ).status,
    ).toBe(200);
    const bis = (await labels()).get('OP16bis')!;
    expect(bis).toBeDefined();

    // The co-facilitator's margin and the delegate's compilation agree: OP16bis, then OP17.
    await bgd.page.locator(`.ProseMirror [data-pid="${bis}"]`).waitFor({ timeout: 5_000 });
    expect(await margin(bgd.page, bis)).toBe('OP16bis');
    expect(await margin(bgd.page, op17)).toBe('OP17');
    await bgd.page.locator(`.ProseMirror [data-pid="${bis}"]`).scrollIntoViewIfNeeded();
    await screenshot(bgd.page, 'numbering-editor-bis');
    const page = eu.page;
    await page.locator('.text-view-switch [data-view="compilation"]').click();
    const compiled = page.locator(`[data-testid="compilation"] [data-pid="${bis}"]`);
    await compiled.waitFor({ timeout: 10_000 });
    expect(await compiled.locator('.c-label').first().innerText()).toBe('OP16bis');
    // The new paragraph still proposed after OP16 continues the series: OP16ter, after OP16bis.
    await expect
      .poll(() => page.locator(`[data-pid="${bis}"] [data-insert-label]`).getAttribute('data-insert-label'))
      .toBe('OP16ter');
    expect(await page.locator(`[data-pid="${op16}"] [data-insert-label]`).count()).toBe(0);
    expect(await page.locator(`[data-testid="compilation"] [data-pid="${op17}"] .c-label`).innerText()).toBe(
      'OP17',
    );
    await compiled.scrollIntoViewIfNeeded();
    await screenshot(page, 'numbering-compilation-bis');

    // Close the reading and circulate Rev.2: the timeline shows the table of old → new numbers.
    const timeline = await api<{ readings: { id: string; closedAt: string | null }[] }>(
      ts.url,
      'GET',
      `${base}/timeline`,
      { cookie: cookies.lux },
    );
    const open = timeline.body.readings.find((r) => r.closedAt === null)!;
    const undecided = await api<{ proposals: { id: string }[] }>(
      ts.url,
      'GET',
      `${base}/readings/${open.id}/undecided`,
      { cookie: cookies.lux },
    );
    const dispositions = undecided.body.proposals.map((p) => ({
      proposalId: p.id,
      disposition: 'set-aside',
    }));
    const closed = await api(ts.url, 'POST', `${base}/readings/${open.id}/close`, {
      cookie: cookies.lux,
      body: { dispositions },
    });
    expect(closed.status).toBe(200);
    expect((await api(ts.url, 'POST', `${base}/revisions`, { cookie: cookies.lux, body: {} })).status).toBe(
      201,
    );
    await expect.poll(() => margin(bgd.page, bis), { timeout: 5_000 }).toBe('OP17');
    expect(await margin(bgd.page, op17)).toBe('OP18');

    await page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}/timeline`);
    const tables = page.getByTestId('renumbering');
    await expect.poll(() => tables.count(), { timeout: 10_000 }).toBe(2);
    const rev2 = tables.last();
    expect(await rev2.locator('summary').innerText()).toMatch(/^Renumbered at Rev\.2: \d+ paragraphs/);
    await rev2.locator('summary').click();
    const rows = await rev2.locator('tbody tr').allInnerTexts();
    expect(rows).toContain('OP16bis\tOP17');
    expect(rows).toContain('OP17\tOP18');
    await rev2.scrollIntoViewIfNeeded();
    await screenshot(page, 'numbering-timeline-table');
    expect(eu.errors).toEqual([]);
  });
});
