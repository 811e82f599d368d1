/**
 * Run as a child by `processes.test.ts`: spawns a server the way tests do, prints its pid and
 * port as one JSON line, then waits to be killed without running any cleanup of its own.
 */
import { removeDir, spawnServer, tempDataDir } from './server.js';

const dataDir = tempDataDir();
const server = await spawnServer(dataDir);
process.stdout.write(`${JSON.stringify({ pid: server.child.pid, port: server.port, dataDir })}\n`);
setInterval(() => undefined, 60_000);
process.once('SIGTERM', () => removeDir(dataDir));
