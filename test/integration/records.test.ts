/**
 * Tamper evidence against someone with the database file: with the server stopped, the test
 * opens the SQLite file itself, drops the triggers, rewrites records and recomputes every hash
 * with the server's own formulas; after a restart, GET …/verify must say so. Only the signing
 * key, kept outside the database, is out of the attacker's reach.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { newSigningKeyPem, signingKeyFromPem } from '../../server/records/signingKey.js';
import { GUARD_NAMES } from '../../server/storage/sqliteGuards.js';
import type { RecordsReport } from '../../shared/records.js';
import type { CanonicalSnapshot } from '../../shared/snapshot.js';
import { openAsAttacker, rechainAudit, rehashSnapshots, resignHeads } from '../support/attacker.js';
import { api } from '../support/auth.js';
import { runCommand } from '../support/commands.js';
import { ROOT, removeDir, startTestServer, type TestServer } from '../support/server.js';

const N = DEMO_NEGOTIATION_ID;
const base = `/api/negotiations/${N}`;
let ts: TestServer | undefined;

afterEach(async () => {
  if (ts) {
    await ts.stop();
    removeDir(ts.dataDir);
    ts = undefined;
  }
});

async function verify(server: TestServer): Promise<RecordsReport> {
  const cookie = await server.signIn('demo-observer');
  const res = await api<RecordsReport>(server.url, 'GET', `${base}/verify`, { cookie });
  expect(res.status).toBe(200);
  return res.body;
}

/** Stops the server, lets `attack` work on its database file, and starts it again on the same files. */
async function attack(server: TestServer, fn: (db: Database.Database) => void): Promise<TestServer> {
  await server.stop();
  const db = openAsAttacker(join(server.dataDir, 'negotiations.sqlite'));
  try {
    fn(db);
  } finally {
    db.close();
  }
  return startTestServer({ dataDir: server.dataDir, keyFile: server.keyFile });
}

const reasons = (r: RecordsReport) => r.problems.map((p) => `${p.record}:${p.reason}`);
/** The reasons apart from the audit entries appended (unsigned) since the attack, such as sign-ins. */
const forged = (r: RecordsReport) => reasons(r).filter((x) => x !== 'audit:unsigned-records');

describe('records verified against the signed head', () => {
  it('verifies the demo: every chain intact and its head signed by the server key', async () => {
    ts = await startTestServer();
    const report = await verify(ts);
    expect(report).toMatchObject({ ok: true, checked: 3, problems: [] });
    expect(report.signature).toMatchObject({
      status: 'valid',
      algorithm: 'Ed25519',
      keyId: ts.key.keyId,
      publicKey: ts.key.publicKey,
      origin: { kind: 'new' },
      legacySnapshots: 0,
    });
    expect(report.snapshots.map((s) => s.seq)).toEqual([1, 2, 3]);
    expect(report.audit.count).toBeGreaterThan(30);
  });

  it('answers the cheap check of the heads that browsers make on every page, with the hash at a position asked for', async () => {
    ts = await startTestServer();
    const cookie = await ts.signIn('demo-observer');
    const full = await verify(ts);
    const heads = (await api<RecordsReport>(ts.url, 'GET', `${base}/records/heads?auditAt=5`, { cookie }))
      .body;
    expect(heads).toMatchObject({
      ok: true,
      scope: 'heads',
      checked: 0,
      problems: [],
      snapshots: full.snapshots,
    });
    expect(heads.signature).toEqual(full.signature);
    expect(heads.audit.count).toBeGreaterThanOrEqual(full.audit.count);
    const audit = await ts.storage.chains.auditChain(N);
    expect(heads.audit.at).toEqual({ position: 5, hash: audit[4]!.hash });
    expect(heads.audit.head).toBe(audit.at(-1)!.hash);
    for (const query of ['auditAt=abc', 'auditAt=0', 'auditAt=1&x=1']) {
      const bad = await api<{ error: { code: string } }>(ts.url, 'GET', `${base}/records/heads?${query}`, {
        cookie,
      });
      expect([bad.status, bad.body.error.code]).toEqual([400, 'INVALID_BODY']);
    }
    const outsider = await api(ts.url, 'GET', '/api/negotiations/nope/records/heads');
    expect(outsider.status).toBe(401);
  });

  it('catches the issue’s attack: the zero draft rewritten and every hash recomputed', async () => {
    ts = await startTestServer();
    const before = await verify(ts);
    ts = await attack(ts, (db) => {
      db.prepare(
        "UPDATE snapshots SET canonical = replace(canonical, 'the Global Compact for Safe', 'the TAMPERED Compact for Safe') WHERE seq = 1",
      ).run();
      rehashSnapshots(db, N);
    });
    const cookie = await ts.signIn('demo-eu');
    const zero = (
      await api<{ snapshot: CanonicalSnapshot }>(
        ts.url,
        'GET',
        `${base}/snapshots/${before.snapshots[0]!.id}`,
        { cookie },
      )
    ).body.snapshot;
    expect(zero.blocks.find((b) => b.label === 'PP1')!.text).toContain('Recalling the TAMPERED Compact');

    const report = await verify(ts);
    expect(report.ok).toBe(false);
    // Every hash holds again, but not the one the server signed.
    expect(forged(report)).toEqual(['snapshot:signed-head-differs']);
    expect(report.signature.status).toBe('valid');
    expect(report.snapshots[0]!.hash).not.toBe(before.snapshots[0]!.hash);
    // The cheap check of the heads sees it too.
    const heads = (await api<RecordsReport>(ts.url, 'GET', `${base}/records/heads`, { cookie })).body;
    expect(forged(heads)).toEqual(['snapshot:signed-head-differs']);
  });

  it('catches a head rewritten to match the forged records: its signature no longer holds', async () => {
    ts = await startTestServer();
    ts = await attack(ts, (db) => {
      db.prepare("UPDATE snapshots SET label = 'Rev.7' WHERE seq = 3").run();
      rehashSnapshots(db, N);
      const last = db.prepare('SELECT hash FROM snapshots WHERE negotiation_id = ? AND seq = 3').get(N) as {
        hash: string;
      };
      const row = db.prepare('SELECT body FROM chain_heads WHERE chain = ?').get(N) as { body: string };
      const body = JSON.parse(row.body) as { snapshots: { hash: string } };
      body.snapshots.hash = last.hash;
      db.prepare('UPDATE chain_heads SET body = ? WHERE chain = ?').run(JSON.stringify(body), N);
    });
    const report = await verify(ts);
    expect(report.ok).toBe(false);
    expect(reasons(report)).toContain('head:signature-invalid');
    expect(report.signature.status).toBe('invalid');
  });

  it('covers labels, authors and who closed a reading', async () => {
    ts = await startTestServer();
    const cookie = await ts.signIn('demo-eu');
    const names = async () =>
      (
        await api<{
          snapshots: { label: string; takenBy: string }[];
          readings: { closedBy: string | null }[];
        }>(ts!.url, 'GET', `${base}/timeline`, { cookie })
      ).body;
    const before = await names();
    ts = await attack(ts, (db) => {
      db.prepare("UPDATE snapshots SET label = 'Rev.9', taken_by = 'demo-eu' WHERE seq = 1").run();
      db.prepare("UPDATE readings SET closed_by = 'demo-usa' WHERE number = 1").run();
    });
    const after = await names();
    expect(after.snapshots[0]!.label).toBe('Rev.9');
    expect(after.readings[0]!.closedBy).not.toBe(before.readings[0]!.closedBy);
    const report = await verify(ts);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        { record: 'snapshot', seq: 1, snapshotId: report.snapshots[0]!.id, reason: 'content-altered' },
        { record: 'snapshot', seq: 2, snapshotId: report.snapshots[1]!.id, reason: 'content-altered' },
      ]),
    );

    // Recomputing the hashes mends the chain but not the signed head.
    ts = await attack(ts, (db) => rehashSnapshots(db, N));
    expect(forged(await verify(ts))).toEqual(['snapshot:signed-head-differs']);
  });

  it('puts the audit log in the chain: deleted, edited and re-chained entries all show', async () => {
    ts = await startTestServer();
    ts = await attack(ts, (db) => {
      db.prepare('DELETE FROM audit WHERE negotiation_id = ? AND position BETWEEN 5 AND 15').run(N);
    });
    const deleted = await verify(ts);
    expect(deleted.problems).toEqual(
      expect.arrayContaining([
        { record: 'audit', seq: 16, snapshotId: null, reason: 'sequence-gap' },
        { record: 'audit', seq: 16, snapshotId: null, reason: 'chain-broken' },
      ]),
    );

    ts = await attack(ts, (db) => rechainAudit(db, N));
    const rechained = await verify(ts);
    expect(reasons(rechained)).toContain('audit:signed-head-differs');
    expect(
      rechained.problems.filter((p) => p.reason !== 'signed-head-differs' && p.reason !== 'unsigned-records'),
    ).toEqual([]);

    const fresh = await startTestServer();
    await ts.stop();
    removeDir(ts.dataDir);
    ts = await attack(fresh, (db) => {
      db.prepare(
        "UPDATE audit SET person_name = 'Someone else' WHERE negotiation_id = ? AND position = 3",
      ).run(N);
    });
    expect((await verify(ts)).problems).toContainEqual({
      record: 'audit',
      seq: 3,
      snapshotId: null,
      reason: 'content-altered',
    });
  });

  it('never signs over a rewritten history: later appends leave the head as it was', async () => {
    ts = await startTestServer();
    const signedBefore = (await verify(ts)).signature.signedAt;
    ts = await attack(ts, (db) => {
      db.prepare(
        "UPDATE snapshots SET canonical = replace(canonical, 'Recalling', 'Forgetting') WHERE seq = 2",
      ).run();
      rehashSnapshots(db, N);
    });
    const cookie = await ts.signIn('demo-eu');
    const tabled = await api(ts.url, 'POST', `${base}/proposals`, {
      cookie,
      body: { kind: 'retain', pid: 'op21' },
    });
    expect(tabled.status).toBe(201);
    const report = await verify(ts);
    expect(report.ok).toBe(false);
    expect(reasons(report)).toEqual(['snapshot:signed-head-differs', 'audit:unsigned-records']);
    expect(report.signature.signedAt).toBe(signedBefore);
  });

  it('reports a deleted head as unsigned, and does not sign the records again', async () => {
    ts = await startTestServer();
    ts = await attack(ts, (db) => db.prepare('DELETE FROM chain_heads').run());
    await ts.signIn('demo-eu');
    const report = await verify(ts);
    expect(report.signature.status).toBe('missing');
    expect(reasons(report)).toEqual(['head:unsigned']);

    // An administrator who has looked at the records signs them as they stand.
    const run = await runCommand(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'server/admin.ts'), 'seal-records', N],
      { cwd: ROOT, env: { ...process.env, DATA_DIR: ts.dataDir, SIGNING_KEY_FILE: ts.keyFile } },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Signed imrf-2022 as it stands: 3 snapshots, \d+ audit entries/);
    const resealed = await verify(ts);
    expect(resealed.ok).toBe(true);
    expect(resealed.signature.origin?.kind).toBe('resealed');
  });

  it('shows a history re-signed with another key under that other key (what browsers remember catches)', async () => {
    ts = await startTestServer();
    const before = await verify(ts);
    const pem = newSigningKeyPem();
    ts = await attack(ts, (db) => {
      db.prepare("UPDATE snapshots SET label = 'Rev.0' WHERE seq = 1").run();
      rehashSnapshots(db, N);
      resignHeads(db, N, signingKeyFromPem(pem));
      writeFileSync(ts!.keyFile, pem);
    });
    const report = await verify(ts);
    expect(report.ok).toBe(true);
    expect(report.signature.keyId).not.toBe(before.signature.keyId);
    expect(report.snapshots[0]!.hash).not.toBe(before.snapshots[0]!.hash);
  });
});

describe('guards', () => {
  it('recreates every guarding trigger at start, replacing dropped or altered ones', async () => {
    ts = await startTestServer();
    ts = await attack(ts, (db) => {
      db.exec('CREATE TRIGGER snapshots_immutable_update BEFORE UPDATE ON snapshots BEGIN SELECT 1; END');
    });
    const db = ts.storage.db;
    const triggers = (
      db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as {
        name: string;
        sql: string;
      }[]
    ).map((t) => t.name);
    expect(triggers.sort()).toEqual([...GUARD_NAMES].sort());
    expect(() => db.prepare("UPDATE snapshots SET label = 'Forged' WHERE seq = 1").run()).toThrow(
      /immutable/,
    );
    expect(() => db.prepare('DELETE FROM snapshots WHERE seq = 3').run()).toThrow(/immutable/);
    expect(() => db.prepare("UPDATE audit SET action = 'x' WHERE position = 1").run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/immutable/);
    expect(() => db.prepare("UPDATE readings SET closed_by = 'x' WHERE number = 1").run()).toThrow(
      /immutable/,
    );
    expect(() => db.prepare('DELETE FROM readings WHERE number = 1').run()).toThrow(/records/);
    // An open reading's deadline may still move.
    expect(
      db.prepare("UPDATE readings SET deadline = '2099-01-01T00:00:00.000Z' WHERE number = 2").run().changes,
    ).toBe(1);
  });
});

describe('exports', () => {
  /** The footer and body text of a downloaded Word document. */
  async function docx(server: TestServer, cookie: string, path: string) {
    const res = await fetch(`${server.url}${base}${path}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/footer\d*\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    const text = (xml: string) => xml.replace(/<[^>]+>/g, '');
    // A comparison in tracked changes says what is not text of either version in comments.
    const comments = (await zip.file('word/comments.xml')?.async('string')) ?? '';
    return {
      footer: text(footers.join('')),
      body: text(await zip.file('word/document.xml')!.async('string')) + text(comments),
    };
  }

  it('prints the chain head on every Word export: short in the footer, in full at the end', async () => {
    ts = await startTestServer();
    const cookie = await ts.signIn('demo-usa');
    const report = await verify(ts);
    const [zero, , rev1] = report.snapshots;
    const footer = `Chain head ${report.head.slice(0, 16)} · 3 records · signed (key ${ts.key.keyId})`;
    for (const path of [
      `/export/${zero!.id}.docx`,
      `/export/${rev1!.id}.docx?mode=compilation`,
      `/export/live.docx?mode=compilation`,
      `/export/compare.docx?from=${zero!.id}&to=${rev1!.id}`,
    ]) {
      const doc = await docx(ts, cookie, path);
      expect(doc.footer, path).toContain(footer);
      expect(doc.body, path).toContain(`Head of the chain of records: ${report.head} (3 records).`);
      expect(doc.body, path).toContain(`Signed by the server with Ed25519 key ${ts.key.keyId}`);
    }
    expect((await docx(ts, cookie, `/export/${zero!.id}.docx`)).body).toContain(
      `Zero draft: SHA-256 ${zero!.hash}`,
    );
    const compared = await docx(ts, cookie, `/export/compare.docx?from=${zero!.id}&to=${rev1!.id}`);
    expect(compared.body).toContain(`Zero draft: SHA-256 ${zero!.hash}`);
    expect(compared.body).toContain(`Rev.1: SHA-256 ${rev1!.hash}`);
    expect((await docx(ts, cookie, '/export/live.docx')).body).toContain(
      'This is the live text at the time of export',
    );

    // Records no longer covered by the signature print so.
    ts = await attack(ts, (db) => db.prepare('DELETE FROM chain_heads').run());
    const after = await docx(ts, await ts.signIn('demo-usa'), `/export/${zero!.id}.docx`);
    expect(after.footer).toContain('NOT signed by the server');
    expect(after.body).toContain(`Not signed by the server’s key ${ts.key.keyId}`);
  });
});
