/**
 * Cold load of the large negotiation in headless Chromium: a fresh browser context (empty
 * cache) opens the negotiation's page, and the time is taken from navigation start until every
 * paragraph (`[data-pid]`) is rendered and the proposals' brackets (`.bracket`, in the
 * compilation view) have stopped changing. Also the rendered comparison of two readings, when
 * the client has a route for it.
 */
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { median } from '../stats/histogram.js';
import { importOptional } from './optional.js';

/** Chromium as the issue asks for it. */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};

/** One page load. */
export interface PageLoad {
  /** Navigation start → all paragraphs rendered and brackets settled (ms). */
  loadMs: number | null;
  paragraphsMs: number | null;
  bracketsMs: number | null;
  paragraphs: number;
  brackets: number;
  /** The API request the page waited for (`PageTarget.api`): when it ended, and how long it took. */
  api?: { endMs: number; durationMs: number };
  note: string;
}

/** Cold-load figures: median and each run. */
export interface ColdLoad {
  ok: boolean;
  loadMs: number | null;
  /** Comparison only: from the comparison's API answer to its rows rendered (median). */
  renderMs?: number;
  runs: PageLoad[];
  note: string;
}

/** How long the brackets must stay unchanged to count as settled. */
const SETTLED_MS = 1_500;

/**
 * Records, in the page, when the paragraph and bracket counts change. A string, not a function:
 * tsx compiles functions with name helpers that do not exist in the page.
 */
function observerScript(target: PageTarget): string {
  const count =
    target.count === 'paragraphs'
      ? `const seen = new Set();
      for (const el of document.querySelectorAll('[data-pid]')) seen.add(el.getAttribute('data-pid'));
      const pids = seen;`
      : `const pids = { size: document.querySelectorAll(${JSON.stringify(target.count.selector)}).length };`;
  const expected = target.expected;
  return `(() => {
    const state = { pidsAt: null, bracketsAt: null, pids: 0, brackets: 0 };
    window.__bench = state;
    let scheduled = false;
    const check = () => {
      scheduled = false;
      ${count}
      const brackets = document.querySelectorAll('.bracket').length;
      const now = performance.now();
      state.pids = pids.size;
      if (pids.size >= ${expected} && state.pidsAt === null) state.pidsAt = now;
      if (brackets !== state.brackets) {
        state.brackets = brackets;
        state.bracketsAt = now;
      }
    };
    new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(check);
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-pid'] });
  })();`;
}

/** What a page load waits for: distinct paragraphs (`[data-pid]`) or elements matching a selector. */
interface PageTarget {
  count: 'paragraphs' | { selector: string };
  expected: number;
  /** A fragment of the URL of the API request whose timing is reported. */
  api?: string;
}

async function newContext(browser: Browser, url: string, cookie: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  const [name, ...value] = cookie.split('=');
  await context.addCookies([{ name: name!, value: value.join('='), url, httpOnly: true, sameSite: 'Lax' }]);
  // The display name asked for before accounts existed; harmless once the session names the person.
  await context.addInitScript("try { localStorage.setItem('displayName', 'Benchmark'); } catch {}");
  return context;
}

async function loadOnce(
  browser: Browser,
  url: string,
  path: string,
  cookie: string,
  target: PageTarget,
): Promise<PageLoad> {
  const expected = target.expected;
  const context = await newContext(browser, url, cookie);
  try {
    await context.addInitScript(observerScript(target));
    const page = await context.newPage();
    await page.goto(`${url}${path}`, { waitUntil: 'commit' });
    const until = Date.now() + 60_000;
    let s = { pidsAt: null as number | null, bracketsAt: null as number | null, pids: 0, brackets: 0 };
    let now = 0;
    while (Date.now() < until) {
      await page.waitForTimeout(100);
      [s, now] = (await page.evaluate('[window.__bench, performance.now()]')) as [typeof s, number];
      const lastChange = Math.max(s.pidsAt ?? 0, s.bracketsAt ?? 0);
      if (s.pidsAt !== null && now - lastChange > SETTLED_MS) break;
    }
    if (s.pidsAt === null) {
      return {
        loadMs: null,
        paragraphsMs: null,
        bracketsMs: s.bracketsAt,
        paragraphs: s.pids,
        brackets: s.brackets,
        note: `only ${s.pids} of ${expected} ${target.count === 'paragraphs' ? 'paragraphs' : 'rows'} rendered within 60 s`,
      };
    }
    const api = target.api
      ? ((await page.evaluate(
          `(() => { const e = performance.getEntriesByType('resource').find((r) => r.name.includes(${JSON.stringify(target.api)})); return e ? { endMs: e.responseEnd, durationMs: e.duration } : undefined; })()`,
        )) as PageLoad['api'])
      : undefined;
    return {
      ...(api ? { api } : {}),
      loadMs: Math.max(s.pidsAt, s.bracketsAt ?? 0),
      paragraphsMs: s.pidsAt,
      bracketsMs: s.bracketsAt,
      paragraphs: s.pids,
      brackets: s.brackets,
      note: s.brackets === 0 ? 'no .bracket rendered: time to all [data-pid] paragraphs' : '',
    };
  } finally {
    await context.close();
  }
}

/** Opens the negotiation's page `runs` times, each in a fresh context. */
export async function measureColdLoad(
  url: string,
  negotiationId: string,
  cookie: string,
  paragraphs: number,
  runs = 3,
): Promise<ColdLoad> {
  const browser = await chromium.launch(CHROMIUM);
  try {
    const target: PageTarget = { count: 'paragraphs', expected: paragraphs };
    // One load to start the browser's own machinery; not counted.
    await loadOnce(browser, url, `/n/${negotiationId}`, cookie, target);
    const all: PageLoad[] = [];
    for (let i = 0; i < runs; i++)
      all.push(await loadOnce(browser, url, `/n/${negotiationId}`, cookie, target));
    const done = all.filter((r) => r.loadMs !== null).map((r) => r.loadMs!);
    const notes = [...new Set(all.map((r) => r.note).filter(Boolean))];
    return {
      ok: done.length === all.length,
      loadMs: done.length > 0 ? median(done) : null,
      runs: all,
      note: notes.join('; '),
    };
  } finally {
    await browser.close();
  }
}

/** Path of the compare page; `{id}`, `{a}`, `{b}` are replaced (override with BENCH_COMPARE_PATH). */
export const COMPARE_PATH = process.env.BENCH_COMPARE_PATH ?? '/n/{id}/compare?from={a}&to={b}';

/** Rows of the comparison table (override with BENCH_COMPARE_ROWS). */
export const COMPARE_ROWS = process.env.BENCH_COMPARE_ROWS ?? 'tr.cmp-row';

/** Opens the compare page of two readings, when the client routes it. */
export async function measureRenderedCompare(
  url: string,
  negotiationId: string,
  cookie: string,
  ids: [string, string],
  paragraphs: number,
): Promise<ColdLoad> {
  const path = COMPARE_PATH.replace('{id}', negotiationId).replace('{a}', ids[0]).replace('{b}', ids[1]);
  const routing = await importOptional('../../client/routing.js');
  const match = routing.ok
    ? (routing.exports.matchRoute as ((p: string) => { page: string }) | undefined)
    : undefined;
  const page = match?.(path.split('?')[0]!).page;
  if (page === undefined || page === 'notFound') {
    return {
      ok: false,
      loadMs: null,
      runs: [],
      note: `not available: the client has no compare route (${path} is ${page ?? 'unknown'}; set BENCH_COMPARE_PATH)`,
    };
  }
  const browser = await chromium.launch(CHROMIUM);
  try {
    const target: PageTarget = { count: { selector: COMPARE_ROWS }, expected: paragraphs, api: '/compare?' };
    await loadOnce(browser, url, path, cookie, target);
    const all: PageLoad[] = [];
    for (let i = 0; i < 3; i++) all.push(await loadOnce(browser, url, path, cookie, target));
    const done = all.filter((r) => r.paragraphsMs !== null).map((r) => r.paragraphsMs!);
    return {
      ok: done.length === all.length,
      loadMs: done.length > 0 ? median(done) : null,
      runs: all,
      note: `navigation to ${paragraphs} comparison rows (${COMPARE_ROWS}) rendered, cold context`,
      renderMs: median(all.map((r) => (r.paragraphsMs ?? 0) - (r.api?.endMs ?? 0))),
    };
  } finally {
    await browser.close();
  }
}
