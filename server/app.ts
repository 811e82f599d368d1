/**
 * Assembles the server: the services over storage and rooms, Express for HTTP and the built
 * client, and the collaboration WebSocket. Routes receive services, never the storage.
 * `startServer` is what `main.ts` and the tests call.
 */
import { isUtf8 } from 'node:buffer';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { proposalsDocName } from '../shared/protocol.js';
import { Accounts } from './accounts/accounts.js';
import { AuditLog } from './accounts/audit.js';
import { Participants } from './accounts/participants.js';
import { SignInLimiter } from './accounts/signInLimiter.js';
import { SignIns } from './accounts/signIns.js';
import { type Bus, LocalBus } from './cluster/bus.js';
import { linkProcesses } from './cluster/link.js';
import { sessionAuthorizer } from './collab/authorize.js';
import type { Room } from './collab/room.js';
import { Rooms } from './collab/rooms.js';
import { touchedParagraphs } from './collab/touchedParagraphs.js';
import { attachCollab, type CollabEndpoint, type SocketLimits } from './collab/websocket.js';
import type { TrustProxy } from './config.js';
import {
  AMENDMENT_IMPORT_PATH,
  AMENDMENT_UPLOAD_PATH,
  amendmentImportRoutes,
  MAX_IMPORT_BODY,
} from './http/amendmentImport.js';
import { authRoutes } from './http/auth.js';
import { collabAccessRoutes } from './http/collabAccess.js';
import { type OriginPolicy, refuseCrossSite } from './http/crossSite.js';
import { errorHandler, NOT_UTF8, notFound } from './http/errors.js';
import { exportRoutes } from './http/exports.js';
import { DOCX_TYPE, IMPORT_UPLOAD_PATH, importRoutes } from './http/importDraft.js';
import { inputRoutes } from './http/inputs.js';
import { setPublicUrl } from './http/links.js';
import { answerMalformed, guardTargets } from './http/malformed.js';
import { negotiationRoutes } from './http/negotiations.js';
import { paragraphRoutes } from './http/paragraphs.js';
import { participantRoutes } from './http/participants.js';
import { proposalRoutes } from './http/proposals.js';
import { readingRoutes } from './http/readings.js';
import { roadmapRoutes } from './http/roadmap.js';
import { securityHeaders } from './http/securityHeaders.js';
import { loadPrincipal } from './http/session.js';
import { visitRoutes } from './http/visits.js';
import { AKN_UPLOAD_TYPES, AknImporter } from './import/aknImport.js';
import type { AknLimits } from './import/aknReader.js';
import { DocxImporter } from './import/docxImport.js';
import type { ImportLimits } from './import/docxLimits.js';
import { DraftImport } from './import/draftImport.js';
import { Inputs } from './inputs/inputs.js';
import type { Logger } from './logger.js';
import { Negotiations, parseDocName } from './negotiations.js';
import { AmendmentImport } from './proposals/amendmentImport.js';
import { ProposalCommands } from './proposals/commands.js';
import { OutdatedChecks } from './proposals/outdatedChecks.js';
import { ParagraphLocks } from './proposals/paragraphLocks.js';
import { Publication } from './proposals/publication.js';
import { ProposalQueries } from './proposals/queries.js';
import { Readings } from './readings/readings.js';
import { Snapshots } from './readings/snapshots.js';
import { Records } from './records/records.js';
import type { SigningKey } from './records/signingKey.js';
import { Roadmap } from './roadmap/roadmap.js';
import type { Storage } from './storage/storage.js';
import { Visits } from './visits/visits.js';

/** Largest JSON body accepted by the HTTP API. */
export const MAX_JSON_BODY = '256kb';

/** A running server. */
export interface RunningServer {
  readonly http: Server;
  readonly rooms: Rooms;
  readonly collab: CollabEndpoint;
  readonly accounts: Accounts;
  readonly proposals: ProposalCommands;
  readonly readings: Readings;
  readonly roadmap: Roadmap;
  readonly inputs: Inputs;
  readonly records: Records;
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
  distDir?: string | undefined;
  /** Origins allowed to send requests and open WebSockets besides the server's own. */
  allowedOrigins?: readonly string[];
  /** Origin every link the server makes starts with (`PUBLIC_URL`); also an allowed origin. */
  publicUrl?: string | undefined;
  /** Express's `trust proxy` setting (`TRUST_PROXY`); no proxy is trusted when omitted. */
  trustProxy?: TrustProxy;
  /** Connection limits (ping interval, send buffer); production defaults when omitted. */
  socketLimits?: Partial<SocketLimits>;
  /** Bounds of .docx imports; production defaults (`IMPORT_LIMITS`) when omitted. */
  importLimits?: Partial<ImportLimits>;
  /** Bounds of Akoma Ntoso imports; production defaults (`AKN_LIMITS`) when omitted. */
  aknLimits?: Partial<AknLimits>;
  /** The key whose signatures `storage`'s sealer writes (server/records/), for verification. */
  signingKey: SigningKey;
  /**
   * The link to the other processes serving from the same storage (`REDIS_URL`); a server alone
   * when omitted. The caller closes it after `stop`.
   */
  bus?: Bus;
}

/** Starts the HTTP and WebSocket server. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const { storage, log } = opts;
  const accounts = new Accounts(storage);
  const audit = new AuditLog(storage, log);
  // The Host header is checked by `guardTargets`, which answers its absence in JSON.
  const http = createServer({ requireHostHeader: false });
  // After the base text changes, check which amendments' target words, and which proposals'
  // paragraphs, are gone.
  const outdated = new OutdatedChecks((negotiationId) => commands.refreshOutdated(negotiationId), log);
  const locks = new ParagraphLocks(storage);
  const rooms: Rooms = new Rooms(storage, log, {
    // Agreed ad ref. paragraphs are locked: no writer's update may change or remove one.
    authorizeUpdate: (room, _peer, update) => {
      const doc = parseDocName(room.name);
      if (doc?.kind !== 'draft') return null;
      const agreed = locks.agreed(doc.negotiationId);
      if (agreed.size === 0) return null;
      const touched = touchedParagraphs(room.doc, update, agreed);
      if (touched.length === 0) return null;
      const refusal = locks.refusal(doc.negotiationId, room.doc, touched);
      return {
        code: refusal.code,
        message: refusal.message,
        reason: `change to agreed paragraph ${touched.join(', ')}: ${refusal.message}`,
      };
    },
    refused: (room, peer, reason) => {
      void audit.record('text.update.refused', peer.identity.negotiationId ?? null, null, {
        personId: peer.identity.personId,
        person: peer.identity.label,
        delegation: peer.identity.delegation ?? null,
        document: room.name,
        reason,
      });
    },
    loaded: async (room) => {
      const doc = parseDocName(room.name);
      if (doc?.kind === 'draft') {
        await locks.load(doc.negotiationId);
        // The locks follow the proposals document, which another process may change: held with
        // the draft, it catches up with them like any loaded room.
        const release = await rooms.hold(proposalsDocName(doc.negotiationId));
        heldWithDraft.set(room, release);
      }
      if (doc?.kind === 'proposals') {
        await publication.reconcile(room, doc.negotiationId);
        locks.follow(doc.negotiationId, room.doc);
      }
    },
    changed: (room) => {
      const doc = parseDocName(room.name);
      if (doc?.kind === 'draft') outdated.schedule(doc.negotiationId);
    },
  });
  /** The release of the proposals document each loaded draft holds (see `Rooms.hold`). */
  const heldWithDraft = new Map<Room, () => void>();
  rooms.observe({
    unloaded(room) {
      heldWithDraft.get(room)?.();
      heldWithDraft.delete(room);
    },
  });
  const publication = new Publication(storage, rooms, log);
  const readings = new Readings({ storage, rooms, audit, publication });
  const commands = new ProposalCommands(storage, rooms, publication, audit, readings);
  const roadmap = new Roadmap(storage, audit);
  const inputs = new Inputs(storage, rooms, readings, audit);
  const records = new Records(storage, opts.signingKey);
  const visits = new Visits(storage, rooms);
  const negotiations = new Negotiations(storage, audit);
  const snapshots = new Snapshots(storage, readings, records);
  const queries = new ProposalQueries(storage, publication);
  const participants = new Participants(storage, accounts, audit);
  const signIns = new SignIns(storage, accounts, audit);
  const drafts = new DraftImport(storage, rooms, audit);
  const importer = new DocxImporter(opts.importLimits);
  const amendmentImport = new AmendmentImport(storage, rooms, readings, commands, importer);
  const app = express();
  app.set('trust proxy', opts.trustProxy ?? false);
  const trustFn = app.get('trust proxy fn') as (address: string, hop: number) => boolean;
  const origins: OriginPolicy = {
    trusted: [...(opts.allowedOrigins ?? []), ...(opts.publicUrl ? [opts.publicUrl] : [])],
    trustsProxy: (address) => address !== undefined && trustFn(address, 0),
  };
  const collab = attachCollab(
    http,
    rooms,
    sessionAuthorizer(accounts, origins),
    log,
    (sessionId) => accounts.sessionLive(sessionId),
    opts.socketLimits,
  );
  const bus = opts.bus ?? new LocalBus();
  const link = linkProcesses({ bus, rooms, collab, log });
  const endSession = (sessionId: string) => link.endSession(sessionId);

  app.disable('x-powered-by');
  app.use(securityHeaders());
  setPublicUrl(app, opts.publicUrl);
  app.use(
    refuseCrossSite(origins, [
      { path: IMPORT_UPLOAD_PATH, type: DOCX_TYPE },
      ...AKN_UPLOAD_TYPES.map((type) => ({ path: IMPORT_UPLOAD_PATH, type })),
      { path: AMENDMENT_UPLOAD_PATH, type: DOCX_TYPE },
    ]),
  );
  const json = (limit: number | string) =>
    express.json({
      limit,
      // Invalid UTF-8 would be read as U+FFFD and stored: refuse it instead.
      verify: (_req, _res, body) => {
        if (!isUtf8(body)) throw Object.assign(new Error('not UTF-8'), { type: NOT_UTF8 });
      },
    });
  // A batch of amendments imported from Word carries whole paragraphs: a larger body than others.
  app.post(AMENDMENT_IMPORT_PATH, json(MAX_IMPORT_BODY));
  app.use(json(MAX_JSON_BODY));
  app.get('/api/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.use('/api', loadPrincipal(accounts));
  app.use(
    '/api',
    authRoutes({
      accounts,
      signIns,
      audit,
      onSignOut: endSession,
      failures: new SignInLimiter(bus.buckets),
    }),
  );
  app.use('/api', negotiationRoutes(negotiations, accounts));
  app.use('/api', participantRoutes(accounts, participants, audit, endSession));
  app.use('/api', proposalRoutes(accounts, commands, queries));
  app.use('/api', readingRoutes(accounts, readings, snapshots, records));
  app.use('/api', importRoutes(accounts, drafts, importer, new AknImporter(opts.aknLimits)));
  app.use('/api', amendmentImportRoutes(accounts, amendmentImport, queries, importer.limits));
  app.use('/api', exportRoutes(negotiations, accounts, readings, snapshots));
  app.use('/api', roadmapRoutes(negotiations, accounts, roadmap));
  app.use('/api', inputRoutes(negotiations, accounts, inputs));
  app.use('/api', visitRoutes(accounts, visits));
  app.use('/api', paragraphRoutes(accounts, readings));
  app.use('/api', collabAccessRoutes(collab));
  app.use('/api', notFound);
  if (opts.distDir && existsSync(opts.distDir)) {
    const dist = opts.distDir;
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/|collab\/).*/, (_req, res) => {
      res.sendFile(join(dist, 'index.html'));
    });
  }
  app.use(notFound);
  app.use(errorHandler(log, audit));
  http.on('request', guardTargets(app));
  answerMalformed(http);

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port, opts.host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;

  return {
    http,
    rooms,
    collab,
    accounts,
    proposals: commands,
    readings,
    roadmap,
    inputs,
    records,
    port,
    async stop() {
      link.close();
      collab.close();
      outdated.stop();
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await rooms.closeAll();
      await closed;
    },
  };
}
