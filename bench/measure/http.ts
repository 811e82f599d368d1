/** Timing HTTP requests of the API the way the client makes them: a session cookie, the whole body read. */
import { median } from '../stats/histogram.js';
import type { Timed } from './compare.js';

/** Times `GET path` (median of `runs` after one warm-up request). */
export async function timeGet(baseUrl: string, path: string, cookie: string, runs = 3): Promise<Timed> {
  const once = async () => {
    const t = performance.now();
    const res = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
    const body = new Uint8Array(await res.arrayBuffer());
    return { ms: performance.now() - t, status: res.status, bytes: body.byteLength };
  };
  try {
    const first = await once();
    if (first.status !== 200) return { ok: false, reason: `GET ${path} answered ${first.status}` };
    const all: number[] = [];
    for (let i = 0; i < runs; i++) all.push((await once()).ms);
    return {
      ok: true,
      ms: median(all),
      runs: all,
      detail: `GET ${path} → ${Math.round(first.bytes / 1024)} KB`,
    };
  } catch (err) {
    return { ok: false, reason: `GET ${path} failed: ${(err as Error).message}` };
  }
}
