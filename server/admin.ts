/**
 * Administration commands, run against the database while the server may be running:
 *   npm run admin -- create-admin "Name"     prints a sign-in link for a new server administrator
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Accounts } from './accounts/accounts.js';
import { readConfig } from './config.js';
import { openSqliteStorage } from './storage/sqlite.js';

const rootDir = resolve(fileURLToPath(import.meta.url), '../..');
const config = readConfig(process.env, rootDir);
const [command, ...args] = process.argv.slice(2);

if (command !== 'create-admin') {
  process.stderr.write('Usage: npm run admin -- create-admin "Your name"\n');
  process.exit(2);
}
const name = (args.join(' ').trim() || 'Server administrator').slice(0, 120);
const storage = openSqliteStorage(join(config.dataDir, 'negotiations.sqlite'));
const link = await new Accounts(storage).createAdmin(name);
await storage.close();
const base = config.publicUrl ?? `http://localhost:${config.port}`;
process.stdout.write(
  `Administrator "${name}" created. Sign in within 24 hours with:\n  ${base}/signin#${link.token}\n`,
);
