/**
 * What stands under a delegation's name, in real browsers: the United States, which supported a
 * G77 and China amendment, is told at once when Pakistan rewords it for the group and sees its
 * support gone from the new words; tabling the same comment twice gives one comment and a
 * readable refusal; the co-facilitators are offered no way to re-decide a closed reading's
 * proposals; a comment on a paragraph the co-facilitators remove stays in view, and its
 * delegation is told; the comparison with the closed reading shows the proposals carried forward.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import type { ProposalView } from '../../shared/proposals.js';
import { draftDocName } from '../../shared/protocol.js';
import { DRAFT_FRAGMENT } from '../../shared/schema.js';
import { api } from '../support/auth.js';
import { launchBrowser, type PersonPage, screenshot, signInAs } from '../support/browser.js';
import { paragraphString } from '../support/draft.js';
import { connectProvider } from '../support/provider.js';
import { closeReadingWithAll } from '../support/readings.js';
import { startTestServer, type TestServer } from '../support/server.js';

const BASE = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;

describe('attribution and records in the browser', () => {
  let ts: TestServer;
  let browser: Browser;
  let usa: PersonPage;
  let cofac: PersonPage;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    ts = await startTestServer({ withClient: true });
    browser = await launchBrowser();
    [usa, cofac] = await Promise.all([
      signInAs(browser, ts, 'demo-usa'),
      signInAs(browser, ts, 'demo-cofac-bgd'),
    ]);
    for (const id of ['demo-pak', 'demo-usa', 'demo-cofac-bgd']) cookies[id] = await ts.signIn(id);
  });

  afterAll(async () => {
    await browser?.close();
    await ts?.stop();
  });

  const proposals = async () =>
    (
      await api<{ proposals: ProposalView[] }>(ts.url, 'GET', `${BASE}/proposals`, {
        cookie: cookies['demo-usa'],
      })
    ).body.proposals;

  it('tells a supporter live that the words it supported were changed, and its support no longer counts', async () => {
    const words = paragraphString(
      (await ts.server.rooms.open(draftDocName(DEMO_NEGOTIATION_ID))).doc,
      'op06',
    );
    const tabled = await api<{ proposal: ProposalView }>(ts.url, 'POST', `${BASE}/proposals`, {
      cookie: cookies['demo-pak'],
      body: {
        kind: 'amend',
        pid: 'op06',
        baseText: words,
        text: words.replace('collection', 'systematic collection'),
        delegation: 'G77',
      },
    });
    const id = tabled.body.proposal.id;
    await api(ts.url, 'PUT', `${BASE}/proposals/${id}/support`, { cookie: cookies['demo-usa'] });

    const page = usa.page;
    await page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}#proposal-${id}`);
    const card = page.locator(`#proposal-${id}`);
    await card
      .getByText('G77 and China (tabled by Pakistan), supported by United States')
      .waitFor({ timeout: 15_000 });
    await card.getByRole('button', { name: 'Withdraw support' }).waitFor();

    await api(ts.url, 'PATCH', `${BASE}/proposals/${id}`, {
      cookie: cookies['demo-pak'],
      body: { text: words.replace('collection', 'regular collection'), baseText: words },
    });
    const toast = page
      .getByTestId('toasts')
      .getByText(
        /G77 and China changed the words of its amendment to OP6 “regular”, which your delegation supported/,
      );
    await toast.waitFor({ timeout: 10_000 });
    expect(await toast.innerText()).toContain('support it again if you still do');
    // The card no longer names the United States, and offers support again.
    await card.getByRole('button', { name: 'Support', exact: true }).waitFor({ timeout: 5_000 });
    expect(await card.locator('.card-attribution').innerText()).toBe('G77 and China (tabled by Pakistan)');
    await screenshot(page, 'trust-support-dropped');
  });

  it('tables the same comment once, and says why the second time', async () => {
    const page = usa.page;
    const text = 'Local authorities need resources to do this.';
    const tableComment = async () => {
      await page.locator('[data-testid="compilation"] [data-pid="op08"] .c-label').first().click();
      await page.getByRole('button', { name: 'Comment or reservation' }).click();
      await page.getByRole('textbox').last().fill(text);
      await page.getByRole('button', { name: 'Table proposal' }).click();
    };
    await tableComment();
    await expect
      .poll(async () => (await proposals()).filter((p) => p.pid === 'op08' && p.text === text).length, {
        timeout: 10_000,
      })
      .toBe(1);
    await tableComment();
    const refusal = page.getByRole('alert').filter({ hasText: 'The same proposal was already tabled' });
    await refusal.waitFor({ timeout: 10_000 });
    expect(await refusal.innerText()).toContain('Nothing new was tabled.');
    expect((await proposals()).filter((p) => p.pid === 'op08' && p.text === text)).toHaveLength(1);
    await screenshot(page, 'trust-duplicate-refused');
  });

  it('offers the co-facilitators no status or Apply on a closed reading’s proposal', async () => {
    const all = await proposals();
    const timeline = await api<{ readings: { id: string; closedAt: string | null }[] }>(
      ts.url,
      'GET',
      `${BASE}/timeline`,
      { cookie: cookies['demo-usa'] },
    );
    const first = timeline.body.readings.find((r) => r.closedAt !== null)!;
    const old = all.find(
      (p) => p.readingId === first.id && p.status === 'not-retained' && p.kind === 'amend',
    )!;
    const current = all.find((p) => p.status === 'open' && p.delegation.code === 'USA')!;
    const page = cofac.page;
    await page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}`);
    await page.locator('.text-view-switch [data-view="compilation"]').click();
    await page.getByLabel('Status', { exact: true }).selectOption('');
    const go = (id: string) => page.evaluate((hash) => (window.location.hash = hash), `#proposal-${id}`);
    // The reading under way: the co-facilitators decide here.
    await go(current.id);
    await page.locator(`#proposal-${current.id}`).getByRole('combobox').waitFor({ timeout: 15_000 });
    await go(old.id);
    const card = page.locator(`#proposal-${old.id}`);
    await card.waitFor({ timeout: 15_000 });
    await card.scrollIntoViewIfNeeded();
    expect(await card.locator('.badge.status-not-retained').count()).toBe(1);
    expect(await card.getByRole('combobox').count()).toBe(0);
    expect(await card.getByRole('button', { name: 'Apply' }).count()).toBe(0);
    await screenshot(page, 'trust-closed-reading-card');
  });

  it('says that a record that does not exist does not exist, not that the negotiation does not', async () => {
    const page = usa.page;
    await page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}/snapshot/no-such-record`);
    const main = page.locator('main');
    await main.getByText('What this page asks for does not exist').waitFor({ timeout: 15_000 });
    expect(await main.innerText()).not.toContain('negotiation does not exist');
  });

  it('keeps in view, and tells of, a comment on a paragraph the co-facilitators removed', async () => {
    const text = 'Our concern on this paragraph stands.';
    const tabled = await api<{ proposal: ProposalView }>(ts.url, 'POST', `${BASE}/proposals`, {
      cookie: cookies['demo-usa'],
      body: { kind: 'comment', pid: 'op15', text },
    });
    expect(tabled.status).toBe(201);
    const page = usa.page;
    await page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}`);
    const compilation = page.getByTestId('compilation');
    await compilation.locator('[data-pid="op15"]').getByText(text).waitFor({ timeout: 15_000 });

    const draft = await connectProvider(ts.wsUrl, draftDocName(DEMO_NEGOTIATION_ID), {
      headers: { cookie: cookies['demo-cofac-bgd']! },
    });
    const fragment = draft.doc.getXmlFragment(DRAFT_FRAGMENT);
    fragment.delete(
      fragment.toArray().findIndex((n) => n instanceof Y.XmlElement && n.getAttribute('pid') === 'op15'),
      1,
    );
    await page
      .getByTestId('toasts')
      .getByText(
        `Your comment on OP16 “${text}” is on a paragraph the co-facilitators removed from the text.`,
      )
      .waitFor({ timeout: 10_000 });
    draft.provider.destroy();
    const heading = compilation.locator('.c-section', { hasText: 'removed from the text' });
    await heading.waitFor({ timeout: 5_000 });
    const removed = compilation.locator('[data-pid="op15"]');
    expect(await removed.locator('.c-label').innerText()).toBe('OP16');
    expect(await removed.getByText(text).count()).toBe(1);
    await removed.locator('.c-label').click();
    const card = page.locator(`#proposal-${tabled.body.proposal.id}`);
    expect(await card.innerText()).toContain('Its paragraph is no longer in the text');
    // Its delegation can still withdraw it.
    await card.getByRole('button', { name: 'Withdraw', exact: true }).waitFor();
    expect(await card.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
    await heading.scrollIntoViewIfNeeded();
    await screenshot(page, 'trust-removed-paragraph');
  });

  it('shows on the comparison the proposals carried forward, beside those in and out', async () => {
    const open = (await proposals()).filter((p) => p.status === 'open');
    const reading = open[0]!.readingId!;
    const closed = await closeReadingWithAll(
      ts.url,
      cookies['demo-cofac-bgd']!,
      DEMO_NEGOTIATION_ID,
      reading,
      'carry-forward',
    );
    expect(closed.status).toBe(200);
    const timeline = await api<{ readings: { id: string; revisionId: string; snapshotId: string | null }[] }>(
      ts.url,
      'GET',
      `${BASE}/timeline`,
      { cookie: cookies['demo-usa'] },
    );
    const second = timeline.body.readings.find((r) => r.id === reading)!;
    const page = usa.page;
    await page.goto(
      `${ts.url}/n/${DEMO_NEGOTIATION_ID}/compare?from=${second.revisionId}&to=${second.snapshotId}`,
    );
    const carried = page.locator('.cmp-proposals.carried-forward');
    await carried.first().waitFor({ timeout: 15_000 });
    expect(await carried.first().locator('.cmp-proposals-title').textContent()).toBe(
      'Carried forward to the next reading',
    );
    const text = (await carried.allTextContents()).join('\n');
    expect(text).toContain('G77 and China (tabled by Pakistan), supported by Egypt, South Africa');
    expect(text).toContain('Carried forward');
    await carried.first().scrollIntoViewIfNeeded();
    await screenshot(page, 'trust-compare-carried');
  });
});
