/**
 * Driving the built client in headless Chromium with playwright-core: one browser per test file,
 * one context (own cookies) per person, sign-in through the real `/signin#token` page.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { ROOT, type TestServer } from './server.js';

/** Where the system Chromium lives (Debian package `chromium`). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where screenshots go. */
export const SCREENSHOT_DIR = join(ROOT, 'test-output', 'screenshots');

/** Launches headless Chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** A signed-in person's browser context and page. */
export interface PersonPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page and content security policy violations (they should stay empty). */
  errors: string[];
}

/** A fresh context (no cookies) with a page of a desktop size, collecting uncaught page errors. */
export async function newPersonPage(browser: Browser): Promise<PersonPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Anything the server's content security policy blocks is an error too.
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) errors.push(`CSP: ${message.text()}`);
  });
  return { context, page, errors };
}

/**
 * Signs `personId` in through the sign-in page with a fresh link to the demo negotiation, in a
 * new context; resolves once the app has left `/signin`.
 */
export async function signInAs(browser: Browser, ts: TestServer, personId: string): Promise<PersonPage> {
  const link = await ts.server.accounts.issueLink(personId, DEMO_NEGOTIATION_ID, null);
  const person = await newPersonPage(browser);
  await person.page.goto(`${ts.url}/signin#${link.token}`);
  await person.page.waitForURL((url) => url.pathname !== '/signin', { timeout: 15_000 });
  return person;
}

/** Saves a screenshot of `page` as `test-output/screenshots/<name>.png`; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** What the page header says about the signed-in person. */
export interface HeaderAccount {
  name: string;
  role: string | null;
  delegation: string | null;
}

/** Reads the signed-in person from the page header (waits for it to appear). */
export async function headerAccount(page: Page): Promise<HeaderAccount> {
  const account = page.getByTestId('account');
  await account.waitFor({ timeout: 10_000 });
  const text = async (selector: string) => {
    const found = account.locator(selector);
    return (await found.count()) === 0 ? null : (await found.innerText()).trim();
  };
  return {
    name: (await text('[data-testid="account-name"]')) ?? '',
    role: await text('.role-badge'),
    delegation: await text('[data-testid="account-delegation"]'),
  };
}

/**
 * Shows the text itself rather than the compilation (delegates and observers open on the
 * compilation; co-facilitators on the text).
 */
export async function showText(page: Page): Promise<void> {
  const button = page.locator('.text-view-switch [data-view="text"]');
  await button.waitFor({ timeout: 15_000 });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await page.locator('.ProseMirror').waitFor({ timeout: 15_000 });
}
