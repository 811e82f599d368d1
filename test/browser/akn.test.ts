/**
 * Akoma Ntoso in the browser: a snapshot's page and the live text offer the AKN download beside
 * Word, which saves a valid AKN 3.0 file; a co-facilitator imports an AKN file from the import
 * page, sees what was recognised, and replaces the zero draft with it.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import type { CanonicalSnapshot } from '../../shared/snapshot.js';
import { validateAkn } from '../support/aknSchema.js';
import { api, redeem } from '../support/auth.js';
import { launchBrowser, newPersonPage, type PersonPage, screenshot, signInAs } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

let ts: TestServer;
let browser: Browser;
let usa: PersonPage;

beforeAll(async () => {
  ts = await startTestServer({ withClient: true });
  browser = await launchBrowser();
  usa = await signInAs(browser, ts, 'demo-usa');
});
afterAll(async () => {
  await browser?.close();
  await ts?.stop();
});

const AKN_LINK = 'Download Akoma Ntoso (.akn.xml)';

describe('Akoma Ntoso in the browser', () => {
  it('downloads a revision as valid AKN from its page, and offers it for the live text', async () => {
    const page = usa.page;
    const cookie = await ts.signIn('demo-usa');
    const t = await api<{ snapshots: { id: string; label: string }[] }>(
      ts.url,
      'GET',
      `/api/negotiations/${DEMO_NEGOTIATION_ID}/timeline`,
      { cookie },
    );
    const rev1 = t.body.snapshots.find((s) => s.label === 'Rev.1')!;
    await page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}/snapshot/${rev1.id}`);
    const link = page.getByRole('link', { name: AKN_LINK });
    await link.waitFor({ timeout: 15_000 });
    await page.getByRole('list', { name: 'Export' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'akn-export-links-snapshot');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), link.click()]);
    expect(download.suggestedFilename()).toMatch(/_Rev\.1_\d{4}-\d{2}-\d{2}\.akn\.xml$/);
    const xml = readFileSync((await download.path())!, 'utf8');
    const { valid, errors } = await validateAkn(xml);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
    expect(xml).toContain('<FRBRversionNumber value="Rev.1"/>');

    await page.goto(`${ts.url}/n/${DEMO_NEGOTIATION_ID}`);
    const liveLink = page.getByRole('link', { name: AKN_LINK });
    await liveLink.waitFor({ timeout: 15_000 });
    expect(await liveLink.getAttribute('href')).toBe(
      `/api/negotiations/${DEMO_NEGOTIATION_ID}/export/live.akn.xml`,
    );
    await screenshot(page, 'akn-export-links-workspace');
    expect(usa.errors).toEqual([]);
  });

  it('imports an AKN file as the zero draft from the import page', async () => {
    const cookie = await ts.signIn('demo-usa');
    const rev1 = (
      await api<{ snapshots: { id: string; label: string }[] }>(
        ts.url,
        'GET',
        `/api/negotiations/${DEMO_NEGOTIATION_ID}/timeline`,
        { cookie },
      )
    ).body.snapshots.find((s) => s.label === 'Rev.1')!;
    const file = Buffer.from(
      await (
        await fetch(`${ts.url}/api/negotiations/${DEMO_NEGOTIATION_ID}/export/${rev1.id}.akn.xml`, {
          headers: { cookie },
        })
      ).arrayBuffer(),
    );

    const admin = await redeem(ts.url, (await ts.server.accounts.createAdmin('Admin')).token);
    const id = (
      await api<{ id: string }>(ts.url, 'POST', '/api/negotiations', {
        cookie: admin,
        body: {
          title: 'Declaration from AKN',
          timeZone: 'America/New_York',
          facilitatorDelegations: ['MEX'],
        },
      })
    ).body.id;
    const invited = await api<{ token: string }>(ts.url, 'POST', `/api/negotiations/${id}/invitations`, {
      cookie: admin,
      body: { name: 'Co-facilitator, Mexico', role: 'facilitator', delegation: 'MEX' },
    });
    const mex = await newPersonPage(browser);
    const page = mex.page;
    await page.goto(`${ts.url}/signin#${invited.body.token}`);
    await page.waitForURL((url) => url.pathname !== '/signin', { timeout: 15_000 });

    await page.goto(`${ts.url}/n/${id}/import`);
    await page.getByRole('heading', { name: 'Import a draft' }).waitFor({ timeout: 15_000 });
    await page.getByLabel('Akoma Ntoso (.xml, .akn.xml)').check();
    await page.getByLabel('Akoma Ntoso document').setInputFiles({
      name: 'rev1.akn.xml',
      mimeType: 'application/xml',
      buffer: file,
    });
    await screenshot(page, 'akn-import-page');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByTestId('import-preview').waitFor({ timeout: 20_000 });
    const record = (
      await api<{ snapshot: CanonicalSnapshot }>(
        ts.url,
        'GET',
        `/api/negotiations/${DEMO_NEGOTIATION_ID}/snapshots/${rev1.id}`,
        { cookie },
      )
    ).body.snapshot;
    const count = (type: string) => record.blocks.filter((b) => b.type === type).length;
    expect(await page.getByTestId('import-summary').innerText()).toBe(
      `${count('section')} section headings, ${count('preambular')} preambular paragraphs, ${count('operative')} operative paragraphs`,
    );
    await screenshot(page, 'akn-import-preview');

    await page.getByRole('button', { name: 'Replace the draft' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ timeout: 5_000 });
    await dialog.getByRole('button', { name: 'Replace the draft' }).click();
    await page.getByText('The draft was replaced.').waitFor({ timeout: 15_000 });

    const facilitator = await ts.server.accounts.issueLink(
      (await ts.storage.accounts.listParticipants(id))[0]!.personId,
      id,
      null,
    );
    const mexCookie = await redeem(ts.url, facilitator.token);
    const live = (
      await api<{ snapshot: CanonicalSnapshot }>(ts.url, 'GET', `/api/negotiations/${id}/snapshots/live`, {
        cookie: mexCookie,
      })
    ).body.snapshot;
    expect(live.blocks.map((b) => [b.type, b.label ?? null, b.text])).toEqual(
      record.blocks.map((b) => [b.type, b.label ?? null, b.text]),
    );
    expect(mex.errors).toEqual([]);
  });
});
