/**
 * Entry point: `npm start` / `npm run serve`. Opens the storage (the SQLite file in `DATA_DIR`, or
 * the PostgreSQL database of `DATABASE_URL`), creates the demo negotiation on first start, serves
 * the app, and shuts down cleanly on SIGTERM/SIGINT.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './app.js';
import { LocalBus } from './cluster/bus.js';
import { openRedisBus } from './cluster/redisBus.js';
import { readConfig } from './config.js';
import { ensureDemoHistory } from './demo/history.js';
import { ensureDemoRoadmap } from './demo/roadmap.js';
import { DEMO_NEGOTIATION_ID, demoSignInLinks, ensureDemoNegotiation } from './demo/seed.js';
import { createLogger } from './logger.js';
import { loadServerKey, serverSealer } from './records/sealing.js';
import { describeStorage, openStorage } from './storage/open.js';

const rootDir = resolve(fileURLToPath(import.meta.url), '../..');
const config = readConfig(process.env, rootDir);
const log = createLogger(config.logLevel);
const signingKey = loadServerKey(config, log);
const where = { databaseUrl: config.databaseUrl, sqliteFile: join(config.dataDir, 'negotiations.sqlite') };
const storage = await openStorage({ ...where, sealer: serverSealer(signingKey, log), log });
// Processes starting together on one database seed the demo one after another: the first
// creates it, the others find it there.
const DEMO_SEEDING = 'demo-seeding';
const created = await storage.serialize(DEMO_SEEDING, () => ensureDemoNegotiation(storage));
const bus = config.redisUrl ? openRedisBus(config.redisUrl, log) : new LocalBus();
const server = await startServer({
  storage,
  log,
  port: config.port,
  host: config.host,
  distDir: config.distDir,
  allowedOrigins: config.allowedOrigins,
  publicUrl: config.publicUrl,
  trustProxy: config.trustProxy,
  signingKey,
  bus,
});
await storage.serialize(DEMO_SEEDING, async () => {
  await ensureDemoHistory(storage, server, log);
  await ensureDemoRoadmap(storage, server, log);
});

const listening = `http://localhost:${server.port}`;
const address = config.publicUrl ?? listening;
const links = await demoSignInLinks(server.accounts);
const width = Math.max(...links.map((l) => l.person.name.length));
process.stdout.write(
  [
    '',
    `  Negotiated-text editor listening on ${listening}${config.publicUrl ? `, published at ${config.publicUrl}` : ''}`,
    `  Database: ${describeStorage({ ...where, sqliteFile: resolve(where.sqliteFile) })}${created ? ' (demo negotiation created)' : ''}`,
    `  Records signed with key ${signingKey.keyId} (${resolve(config.signingKeyFile)})`,
    `  Demo negotiation: ${address}/n/${DEMO_NEGOTIATION_ID}`,
    '',
    '  Sign in to the demo with one of these single-use links (valid 7 days; new ones at each start).',
    '  Use a different browser profile or a private window for each person:',
    ...links.map((l) => `    ${l.person.name.padEnd(width)}  ${address}/signin#${l.link.token}`),
    '',
    '  Server administrators: npm run admin -- create-admin "Your name"',
    '',
  ].join('\n'),
);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info('server.stopping', { signal });
  try {
    await server.stop();
    await bus.close();
    await storage.close();
    log.info('server.stopped');
    process.exit(0);
  } catch (err) {
    log.error('server.stop-failed', { error: (err as Error).message });
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
