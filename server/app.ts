/**
 * Assembles the server: Express for HTTP and the built client, the collaboration WebSocket,
 * and the rooms over storage. `startServer` is what `main.ts` and the tests call.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { draftDocName } from '../shared/protocol.js';
import { Rooms } from './collab/rooms.js';
import { type AuthorizeUpgrade, attachCollab, type CollabEndpoint } from './collab/websocket.js';
import { errorHandler, notFound } from './http/errors.js';
import { negotiationRoutes } from './http/negotiations.js';
import type { Logger } from './logger.js';
import type { Storage } from './storage/storage.js';

/** Largest JSON body accepted by the HTTP API. */
export const MAX_JSON_BODY = '256kb';

/** A running server. */
export interface RunningServer {
  readonly http: Server;
  readonly rooms: Rooms;
  readonly collab: CollabEndpoint;
  /** The port actually bound. */
  readonly port: number;
  /** Stops accepting connections, flushes and compacts every room. Does not close storage. */
  stop(): Promise<void>;
}

/** Options of `startServer`. */
export interface ServerOptions {
  storage: Storage;
  log: Logger;
  port: number;
  host?: string | undefined;
  /** Directory of the built client; static serving is skipped when it does not exist. */
  distDir?: string;
}

/** Starts the HTTP and WebSocket server. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const { storage, log } = opts;
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: MAX_JSON_BODY }));
  app.get('/api/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.use('/api', negotiationRoutes(storage));
  app.use('/api', notFound);
  if (opts.distDir && existsSync(opts.distDir)) {
    const dist = opts.distDir;
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/|collab\/).*/, (_req, res) => {
      res.sendFile(join(dist, 'index.html'));
    });
  }
  app.use(errorHandler(log));

  const http = createServer(app);
  const rooms = new Rooms(storage, log);
  const authorize: AuthorizeUpgrade = async (_req, docName) => {
    const negotiations = await storage.listNegotiations();
    if (!negotiations.some((n) => draftDocName(n.id) === docName)) {
      return { ok: false, status: 404, code: 'NOT_FOUND', message: 'No such document.' };
    }
    return { ok: true, docName, identity: { canWrite: true, label: 'guest' } };
  };
  const collab = attachCollab(http, rooms, authorize, log);

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port, opts.host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;

  return {
    http,
    rooms,
    collab,
    port,
    async stop() {
      collab.close();
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await rooms.closeAll();
      await closed;
    },
  };
}
