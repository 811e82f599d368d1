/**
 * Every browser remembers the heads of the records it has seen and warns when the server's
 * history disagrees: here the database is rewritten and signed again with a new key (the server
 * itself then finds nothing wrong), and in another case rolled back to an older, validly signed
 * copy. A person whose browser never saw the earlier history gets no warning; one who did is
 * told on every page, with the details, and may accept the new record deliberately.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memoryKey, type RecordsMemory } from '../../client/readings/recordsMemory.js';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { newSigningKeyPem, signingKeyFromPem } from '../../server/records/signingKey.js';
import type { RecordsReport } from '../../shared/records.js';
import { openAsAttacker, rehashSnapshots, resignHeads } from '../support/attacker.js';
import { api } from '../support/auth.js';
import { launchBrowser, screenshot, signInAs } from '../support/browser.js';
import { closeReadingWithAll } from '../support/readings.js';
import { removeDir, startTestServer, type TestServer } from '../support/server.js';

const N = DEMO_NEGOTIATION_ID;
const BASE = `/api/negotiations/${N}`;
const DB = 'negotiations.sqlite';

let browser: Browser;
let ts: TestServer | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  if (ts) {
    await ts.stop();
    removeDir(ts.dataDir);
    ts = undefined;
  }
});

/** Stops the server, lets `change` work on its files, and starts it again on the same port. */
async function restart(server: TestServer, change: (dataDir: string) => void): Promise<TestServer> {
  const port = server.server.port;
  await server.stop();
  change(server.dataDir);
  const next = await startTestServer({
    dataDir: server.dataDir,
    keyFile: server.keyFile,
    withClient: true,
    port,
  });
  // Connections this process kept alive to the stopped server fail once each: use them up here.
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      await fetch(`${next.url}/api/health`);
      break;
    } catch {
      // a connection of the stopped server
    }
  }
  return next;
}

/** Rewrites the database file as an attacker would (`fn` on it with the triggers dropped). */
function rewrite(dataDir: string, fn: (db: Database.Database) => void): void {
  const db = openAsAttacker(join(dataDir, DB));
  try {
    fn(db);
  } finally {
    db.close();
  }
}

/** What the page's browser remembers of the demo negotiation. */
async function memoryOf(page: Page): Promise<RecordsMemory | null> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), memoryKey(N));
  return raw === null ? null : (JSON.parse(raw) as RecordsMemory);
}

async function openTimeline(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/n/${N}/timeline`);
  await page.getByTestId('timeline').waitFor({ timeout: 15_000 });
}

describe('what each browser remembers of the records', () => {
  it('warns on every page when the history was rewritten and signed again with a new key', async () => {
    ts = await startTestServer({ withClient: true });
    const eu = await signInAs(browser, ts, 'demo-eu');
    await openTimeline(eu.page, ts.url);
    await expect.poll(async () => (await memoryOf(eu.page))?.snapshots.length, { timeout: 10_000 }).toBe(3);
    const seen = (await memoryOf(eu.page))!;
    expect(seen.key.keyId).toBe(ts.key.keyId);
    expect(await eu.page.getByTestId('records-warning').count()).toBe(0);

    const pem = newSigningKeyPem();
    ts = await restart(ts, (dir) => {
      rewrite(dir, (db) => {
        db.prepare(
          "UPDATE snapshots SET canonical = replace(canonical, 'the Global Compact for Safe', 'the TAMPERED Compact for Safe') WHERE seq = 1",
        ).run();
        rehashSnapshots(db, N);
        resignHeads(db, N, signingKeyFromPem(pem));
      });
      writeFileSync(join(dir, 'signing-key.pem'), pem);
    });
    // The server, now holding the new key, finds its records sound.
    const cookie = await ts.signIn('demo-observer');
    expect((await api<RecordsReport>(ts.url, 'GET', `${BASE}/verify`, { cookie })).body.ok).toBe(true);

    await openTimeline(eu.page, ts.url);
    const warning = eu.page.getByTestId('records-warning');
    await warning.waitFor({ timeout: 15_000 });
    expect(await warning.getAttribute('role')).toBe('alert');
    expect(await warning.innerText()).toMatch(/differs from what this browser saw on/);
    await warning.getByText('What differs').click();
    const details = await warning.innerText();
    expect(details).toMatch(
      new RegExp(
        `another key \\(${ts.key.keyId}\\) than the one this browser saw on .+ \\(${seen.key.keyId}\\)\\.`,
      ),
    );
    expect(details).toContain(`but was ${seen.snapshots[0]!.hash.slice(0, 16)}… when this browser saw it on`);
    await screenshot(eu.page, 'records-warning-new-key');

    // On the text too, and the memory stays as it was.
    await eu.page.goto(`${ts.url}/n/${N}`);
    await eu.page.getByTestId('records-warning').waitFor({ timeout: 15_000 });
    await screenshot(eu.page, 'records-warning-text-page');
    expect((await memoryOf(eu.page))!.key.keyId).toBe(seen.key.keyId);

    // Someone whose browser never saw the earlier history cannot tell.
    const usa = await signInAs(browser, ts, 'demo-usa');
    await openTimeline(usa.page, ts.url);
    await expect
      .poll(async () => (await memoryOf(usa.page))?.key.keyId, { timeout: 10_000 })
      .toBe(ts.key.keyId);
    expect(await usa.page.getByTestId('records-warning').count()).toBe(0);

    // Accepting the new record is deliberate: confirmed, then remembered.
    await openTimeline(eu.page, ts.url);
    await eu.page.getByRole('button', { name: 'Trust the server’s current record' }).click();
    await eu.page.getByRole('dialog').getByRole('button', { name: 'Trust the current record' }).click();
    await expect.poll(() => eu.page.getByTestId('records-warning').count(), { timeout: 10_000 }).toBe(0);
    expect((await memoryOf(eu.page))!.key.keyId).toBe(ts.key.keyId);
    expect(eu.errors).toEqual([]);
    await Promise.all([eu.context.close(), usa.context.close()]);
  });

  it('warns when the server rolls back to an older copy, although that copy is validly signed', async () => {
    ts = await startTestServer({ withClient: true });
    const eu = await signInAs(browser, ts, 'demo-eu');
    const backup = join(ts.dataDir, 'backup.sqlite');
    ts = await restart(ts, (dir) => copyFileSync(join(dir, DB), backup));

    // The second reading closes after the copy was taken; the delegate's browser sees it.
    const cofac = await ts.signIn('demo-cofac-bgd');
    const timeline = await api<{ readings: { id: string; closedAt: string | null }[] }>(
      ts.url,
      'GET',
      `${BASE}/timeline`,
      { cookie: cofac },
    );
    const open = timeline.body.readings.find((r) => r.closedAt === null)!;
    expect(
      (await closeReadingWithAll(ts.url, cofac, DEMO_NEGOTIATION_ID, open.id, 'carry-forward')).status,
    ).toBe(200);
    await openTimeline(eu.page, ts.url);
    await expect.poll(async () => (await memoryOf(eu.page))?.snapshots.length, { timeout: 10_000 }).toBe(4);

    ts = await restart(ts, (dir) => copyFileSync(backup, join(dir, DB)));
    const cookie = await ts.signIn('demo-observer');
    const report = (await api<RecordsReport>(ts.url, 'GET', `${BASE}/verify`, { cookie })).body;
    expect(report.ok).toBe(true);
    expect(report.snapshots.length).toBe(3);

    await openTimeline(eu.page, ts.url);
    const warning = eu.page.getByTestId('records-warning');
    await warning.waitFor({ timeout: 15_000 });
    await warning.getByText('What differs').click();
    const details = await warning.innerText();
    expect(details).toMatch(
      /Record 4 \(hash [0-9a-f]{16}…\), seen by this browser on .+, is no longer there\./,
    );
    expect(details).toMatch(/The audit log has [\d,]+ entries; this browser saw [\d,]+ entries on /);
    await screenshot(eu.page, 'records-warning-rollback');
    await eu.context.close();
  });

  it('prints the chain head under a record, signed by the server', async () => {
    ts = await startTestServer({ withClient: true });
    const eu = await signInAs(browser, ts, 'demo-eu');
    const cookie = await ts.signIn('demo-eu');
    const report = (await api<RecordsReport>(ts.url, 'GET', `${BASE}/verify`, { cookie })).body;
    const zero = report.snapshots[0]!;
    await eu.page.goto(`${ts.url}/n/${N}/print/${zero.id}`);
    const stamp = eu.page.getByTestId('chain-stamp');
    await stamp.waitFor({ timeout: 15_000 });
    const text = await stamp.innerText();
    expect(text).toContain(zero.hash);
    expect(text).toContain(
      `Chain head ${report.head.slice(0, 16)} · 3 records · signed by the server (key ${ts.key.keyId})`,
    );
    await stamp.scrollIntoViewIfNeeded();
    await screenshot(eu.page, 'records-print-stamp');
    await eu.context.close();
  });
});
