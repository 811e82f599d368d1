/**
 * A co-facilitator who uploads a Word file the server will not read is told why, in words, on
 * the import page, and can go on importing a proper file.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, redeem } from '../support/auth.js';
import { launchBrowser, newPersonPage, type PersonPage, screenshot } from '../support/browser.js';
import { docxOf, paragraphXml, repeat } from '../support/docxFiles.js';
import { startTestServer, type TestServer } from '../support/server.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
let ts: TestServer;
let browser: Browser;
let mex: PersonPage;
let negotiationId: string;

beforeAll(async () => {
  ts = await startTestServer({ withClient: true });
  browser = await launchBrowser();
  const admin = await redeem(ts.url, (await ts.server.accounts.createAdmin('Admin')).token);
  negotiationId = (
    await api<{ id: string }>(ts.url, 'POST', '/api/negotiations', {
      cookie: admin,
      body: { title: 'Political declaration', timeZone: 'Europe/Zurich', facilitatorDelegations: ['MEX'] },
    })
  ).body.id;
  const invited = await api<{ token: string }>(
    ts.url,
    'POST',
    `/api/negotiations/${negotiationId}/invitations`,
    {
      cookie: admin,
      body: { name: 'Co-facilitator, Mexico', role: 'facilitator', delegation: 'MEX' },
    },
  );
  mex = await newPersonPage(browser);
  await mex.page.goto(`${ts.url}/signin#${invited.body.token}`);
  await mex.page.waitForURL((url) => url.pathname !== '/signin', { timeout: 15_000 });
});
afterAll(async () => {
  await browser?.close();
  await ts?.stop();
});

async function upload(name: string, buffer: Buffer): Promise<void> {
  await mex.page.getByLabel('Word document', { exact: true }).setInputFiles({ name, mimeType: DOCX, buffer });
  await mex.page.getByRole('button', { name: 'Preview' }).click();
}

describe('import limits in the browser', () => {
  it('explains each refusal of a hostile file, then previews a proper one', async () => {
    const page = mex.page;
    await page.goto(`${ts.url}/n/${negotiationId}/import`);
    await page.getByRole('heading', { name: 'Import a draft' }).waitFor({ timeout: 15_000 });

    await upload('many.docx', await docxOf(repeat('<w:p/>'.repeat(1_000), 1_000)));
    await page
      .getByText('This document has too many paragraphs to import (at most 5,000).')
      .waitFor({ timeout: 20_000 });
    await screenshot(page, 'import-refused-too-many-paragraphs');

    await upload('bomb.docx', await docxOf(repeat(paragraphXml('x'.repeat(1000)).repeat(100), 300)));
    await page
      .getByText('This document is too large to import. Paste its text instead.')
      .waitFor({ timeout: 20_000 });

    await upload(
      'formatted.docx',
      await docxOf(repeat(`<w:p>${'<w:r><w:t>ab</w:t></w:r>'.repeat(200)}</w:p>`, 1000)),
    );
    await page
      .getByText('This document has too much formatting to import.', { exact: false })
      .waitFor({ timeout: 20_000 });

    await upload('draft.docx', await docxOf(repeat(paragraphXml('We commit to act together.'), 3)));
    await page.getByTestId('import-preview').waitFor({ timeout: 20_000 });
    await screenshot(page, 'import-after-refusals');
    expect(mex.errors).toEqual([]);
  });
});
