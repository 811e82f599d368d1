/**
 * Every export and import format on the large negotiation, over HTTP as a browser asks for them:
 * the Word compilation of the live text and of the last closed reading, the comparison of the
 * last two readings in tracked changes, Akoma Ntoso of the live text and of a reading, and the
 * imports — a zero draft from Word and from Akoma Ntoso (previews: the negotiation has been
 * circulated, so the replacement itself is timed on a new negotiation), and a delegation's
 * tracked changes read back as amendments and tabled.
 */
import { type ImportItem, importItemBody } from '../../shared/amendmentImport.js';
import { del, editExport, ins, t } from '../../test/support/trackedDocx.js';
import { median } from '../stats/histogram.js';
import type { Timed } from './compare.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What the measurements need: the server, the negotiation, and who asks. */
export interface FormatsContext {
  baseUrl: string;
  negotiationId: string;
  /** Snapshot ids of the last two closed readings, oldest first (none when fewer were seeded). */
  readings: readonly string[];
  delegateCookie: string;
  facilitatorCookie: string;
  /** A server administrator's sign-in token (`createBenchAdmin`), to start a negotiation of its own. */
  adminToken?: string;
}

/** A server administrator in the benchmark's database (before the server opens it); its sign-in token. */
export async function createBenchAdmin(dbFile: string): Promise<string> {
  const { openSqliteStorage } = await import('../../server/storage/sqlite.js');
  const { Accounts } = await import('../../server/accounts/accounts.js');
  const storage = openSqliteStorage(dbFile);
  try {
    return (await new Accounts(storage).createAdmin('Benchmark administrator')).token;
  } finally {
    await storage.close();
  }
}

/** Signs in with a single-use token; the `Cookie` header of the session. */
async function signIn(ctx: FormatsContext, token: string): Promise<string> {
  const res = await fetch(`${ctx.baseUrl}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ctx.baseUrl },
    body: JSON.stringify({ token }),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

interface Answer {
  status: number;
  body: Buffer;
}

async function request(
  ctx: FormatsContext,
  method: 'GET' | 'POST',
  path: string,
  cookie: string,
  body?: { type: string; data: Buffer | string },
): Promise<Answer> {
  const res = await fetch(`${ctx.baseUrl}${path}`, {
    method,
    headers: {
      cookie,
      ...(body ? { 'content-type': body.type } : {}),
      // The server refuses writes from other sites: a browser sends its own origin.
      ...(method === 'POST' ? { origin: ctx.baseUrl } : {}),
    },
    ...(body ? { body: typeof body.data === 'string' ? body.data : new Uint8Array(body.data) } : {}),
  });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}

/** Median of `runs` timed calls after one untimed one; `once` for a call that changes the data. */
async function timed(
  what: string,
  call: () => Promise<Answer>,
  opts: { runs?: number; once?: boolean } = {},
): Promise<Timed & { answer?: Answer }> {
  try {
    const all: number[] = [];
    let answer: Answer | undefined;
    const count = opts.once ? 1 : (opts.runs ?? 3) + 1;
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      answer = await call();
      const ms = performance.now() - t0;
      if (answer.status >= 300)
        return {
          ok: false,
          reason: `${what} answered ${answer.status}: ${answer.body.toString().slice(0, 200)}`,
        };
      if (opts.once || i > 0) all.push(ms);
    }
    return {
      ok: true,
      ms: median(all),
      runs: all,
      detail: `${what} → ${Math.round(answer!.body.byteLength / 1024)} KB`,
      answer: answer!,
    };
  } catch (err) {
    return { ok: false, reason: `${what} failed: ${(err as Error).message}` };
  }
}

const strip = ({ answer: _answer, ...t }: Timed & { answer?: Answer }): Timed => t;

/** The operative labels of a clean Word export, in order (the first text of each numbered paragraph). */
function operativeLabels(docXml: string): string[] {
  return [...docXml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:t(?: [^>]*)?>(OP[^<]*)<\/w:t>/gs)].map((m) => m[1]!);
}

/** Every export and import, timed; keys name the format as the report shows it. */
export async function measureFormats(ctx: FormatsContext): Promise<Record<string, Timed>> {
  const out: Record<string, Timed> = {};
  const n = `/api/negotiations/${ctx.negotiationId}`;
  const get =
    (path: string, cookie = ctx.delegateCookie) =>
    () =>
      request(ctx, 'GET', `${n}${path}`, cookie);
  const [older, newer] = ctx.readings.length >= 2 ? ctx.readings.slice(-2) : [undefined, undefined];

  out['Word, compilation of the live text'] = strip(
    await timed('GET export/live.docx?mode=compilation', get('/export/live.docx?mode=compilation')),
  );
  if (newer)
    out['Word, compilation of the last closed reading'] = strip(
      await timed(
        'GET export/<reading>.docx?mode=compilation',
        get(`/export/${newer}.docx?mode=compilation`),
      ),
    );
  if (older && newer)
    out['Word, comparison of two readings in tracked changes'] = strip(
      await timed('GET export/compare.docx', get(`/export/compare.docx?from=${older}&to=${newer}`)),
    );
  const liveAkn = await timed('GET export/live.akn.xml', get('/export/live.akn.xml'));
  out['Akoma Ntoso, live compilation'] = strip(liveAkn);
  if (newer)
    out['Akoma Ntoso, last closed reading'] = strip(
      await timed('GET export/<reading>.akn.xml', get(`/export/${newer}.akn.xml`)),
    );

  // Zero-draft imports: the previews here, the replacement in a negotiation of its own.
  const cleanLive = await request(ctx, 'GET', `${n}/export/live.docx`, ctx.delegateCookie);
  out['Zero draft from Word, preview'] = strip(
    await timed('POST import/preview (.docx)', () =>
      request(ctx, 'POST', `${n}/import/preview`, ctx.facilitatorCookie, {
        type: DOCX,
        data: cleanLive.body,
      }),
    ),
  );
  if (liveAkn.answer) {
    const akn = liveAkn.answer.body;
    const preview = await timed('POST import/preview (Akoma Ntoso)', () =>
      request(ctx, 'POST', `${n}/import/preview`, ctx.facilitatorCookie, {
        type: 'application/xml',
        data: akn,
      }),
    );
    out['Zero draft from Akoma Ntoso, preview'] = strip(preview);
    if (preview.answer)
      out['Zero draft, replacement in a new negotiation'] = await replaceInNew(ctx, preview.answer);
  }

  // A delegation's tracked changes: one replaced word in every fifth operative paragraph.
  const JSZip = (await import('jszip')).default;
  const docXml = await (await JSZip.loadAsync(cleanLive.body)).file('word/document.xml')!.async('string');
  const edits: Record<string, (text: string) => string[]> = {};
  operativeLabels(docXml)
    .filter((_, i) => i % 5 === 0)
    .forEach((label) => {
      edits[label] = (text) => {
        const word = /^\S+/.exec(text)?.[0] ?? '';
        return [
          del(word, { author: 'Capital' }),
          ins('Further', { author: 'Capital' }),
          t(text.slice(word.length)),
        ];
      };
    });
  const tracked = await editExport(cleanLive.body, edits);
  const amendPreview = await timed(
    `POST amendments/import/preview (${Object.keys(edits).length} paragraphs changed)`,
    () =>
      request(ctx, 'POST', `${n}/amendments/import/preview`, ctx.delegateCookie, {
        type: DOCX,
        data: tracked,
      }),
  );
  out['Amendments from Word tracked changes, preview'] = strip(amendPreview);
  if (amendPreview.answer) {
    const preview = JSON.parse(amendPreview.answer.body.toString()) as { items: ImportItem[] };
    const items = preview.items.filter((i) => !i.alreadyTabled).map(importItemBody);
    out['Amendments from Word tracked changes, tabled'] = strip(
      await timed(
        `POST amendments/import (${items.length} amendments in one unit)`,
        () =>
          request(ctx, 'POST', `${n}/amendments/import`, ctx.delegateCookie, {
            type: 'application/json',
            data: JSON.stringify({ items }),
          }),
        { once: true },
      ),
    );
  }
  return out;
}

/**
 * A new negotiation's zero draft replaced by the recognised import (once): an administrator
 * starts the negotiation and invites a co-facilitator, who imports.
 */
async function replaceInNew(ctx: FormatsContext, preview: Answer): Promise<Timed> {
  if (!ctx.adminToken) return { ok: false, reason: 'no administrator to start a negotiation' };
  try {
    const admin = await signIn(ctx, ctx.adminToken);
    const json = (data: unknown) => ({ type: 'application/json', data: JSON.stringify(data) });
    const created = await request(
      ctx,
      'POST',
      '/api/negotiations',
      admin,
      json({ title: 'Import benchmark', timeZone: 'UTC', facilitatorDelegations: ['CHE'] }),
    );
    if (created.status !== 201)
      throw new Error(
        `POST /api/negotiations answered ${created.status}: ${created.body.toString().slice(0, 200)}`,
      );
    const { id } = JSON.parse(created.body.toString()) as { id: string };
    const invited = await request(
      ctx,
      'POST',
      `/api/negotiations/${id}/invitations`,
      admin,
      json({ name: 'Co-facilitator, benchmark', role: 'facilitator', delegation: 'CHE' }),
    );
    if (invited.status !== 201)
      throw new Error(
        `POST invitations answered ${invited.status}: ${invited.body.toString().slice(0, 200)}`,
      );
    const facilitator = await signIn(ctx, (JSON.parse(invited.body.toString()) as { token: string }).token);
    const { doc } = JSON.parse(preview.body.toString()) as { doc: unknown };
    return strip(
      await timed(
        'POST import (the recognised draft, in a new negotiation)',
        () => request(ctx, 'POST', `/api/negotiations/${id}/import`, facilitator, json({ doc })),
        { once: true },
      ),
    );
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}
