/**
 * `npm run cluster -- --nodes=3`: builds the app, then starts that many server processes and
 * HAProxy on `PORT` (default 3000), against `DATABASE_URL` and `REDIS_URL`, for trying a
 * deployment of several processes on one machine. Ctrl-C stops them all.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startCluster } from './cluster.js';

const { values } = parseArgs({
  options: { nodes: { type: 'string', default: '3' } },
  allowPositionals: false,
});
const nodes = Number(values.nodes);
const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(2);
};
if (!Number.isInteger(nodes) || nodes < 1 || nodes > 16) fail('--nodes must be a whole number from 1 to 16.');
const databaseUrl =
  process.env.DATABASE_URL ?? fail('Set DATABASE_URL to a PostgreSQL database (postgres://…).');
const redisUrl = process.env.REDIS_URL ?? fail('Set REDIS_URL to a Redis server (redis://…).');
const port = Number(process.env.PORT ?? 3000);

const cluster = await startCluster({
  nodes,
  port,
  databaseUrl,
  redisUrl,
  dataDir: resolve(process.env.DATA_DIR ?? './data', 'cluster'),
  // The first process's banner (the demo's sign-in links), HAProxy's notices and every log line; the other
  // processes' banners would repeat the first with links of their own.
  output: (name, chunk) => {
    const shown =
      name === 'node1' || name === 'haproxy'
        ? chunk
        : chunk.split('\n').filter((line) => line.startsWith('{'));
    const text = typeof shown === 'string' ? shown : shown.map((line) => `${line}\n`).join('');
    process.stdout.write(text);
  },
});
process.stdout.write(
  `\n  ${nodes} server processes (${cluster.nodes.map((n) => `${n.name} on ${n.port}`).join(', ')})\n` +
    `  behind HAProxy on ${cluster.url}\n  Ctrl-C stops them.\n\n`,
);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await cluster.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
