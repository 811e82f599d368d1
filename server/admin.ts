/**
 * Administration commands, run against the database while the server may be running:
 *   npm run admin -- create-admin "Name"     prints a sign-in link for a new server administrator
 *   npm run admin -- seal-records [id …]     signs the records of negotiations as they now stand
 *                                            (after checking what GET …/verify reports)
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeTextProblem, normalizeText, textProblem } from '../shared/textValidation.js';
import { Accounts } from './accounts/accounts.js';
import { readConfig } from './config.js';
import { createLogger } from './logger.js';
import { resealChains } from './records/reseal.js';
import { loadServerKey, serverSealer } from './records/sealing.js';
import { openStorage } from './storage/open.js';

const rootDir = resolve(fileURLToPath(import.meta.url), '../..');
const config = readConfig(process.env, rootDir);
const [command, ...args] = process.argv.slice(2);
const log = createLogger('warn');
const sealer = serverSealer(loadServerKey(config, log), log);
const where = { databaseUrl: config.databaseUrl, sqliteFile: join(config.dataDir, 'negotiations.sqlite') };

if (command === 'seal-records') {
  const storage = await openStorage({ ...where, sealer, log });
  const sealed = await resealChains(storage, sealer, args.length > 0 ? args : undefined);
  await storage.close();
  for (const s of sealed)
    process.stdout.write(
      `Signed ${s.chain || '(entries of no negotiation)'} as it stands: ${s.snapshots} snapshots, ${s.audit} audit entries.\n`,
    );
  process.stdout.write('Browsers that remember an earlier history of these records will still warn.\n');
  process.exit(0);
}

if (command !== 'create-admin') {
  process.stderr.write(
    'Usage: npm run admin -- create-admin "Your name" | seal-records [negotiation id …]\n',
  );
  process.exit(2);
}
const name = normalizeText(args.join(' ').trim() || 'Server administrator').slice(0, 120);
const problem = textProblem(name);
if (problem) {
  process.stderr.write(`${describeTextProblem(problem, 'name')}\n`);
  process.exit(2);
}
const storage = await openStorage({ ...where, sealer, log });
const link = await new Accounts(storage).createAdmin(name);
await storage.close();
const base = config.publicUrl ?? `http://localhost:${config.port}`;
process.stdout.write(
  `Administrator "${name}" created. Sign in within 24 hours with:\n  ${base}/signin#${link.token}\n`,
);
