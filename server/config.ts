/** Server configuration from environment variables, validated at start-up. */
import { join } from 'node:path';
import { z } from 'zod';
import type { LogLevel } from './logger.js';
import { defaultKeyFile } from './records/signingKey.js';

/**
 * Which proxies to believe about the client's address and scheme (`X-Forwarded-For`,
 * `X-Forwarded-Proto`, `X-Forwarded-Host`): Express's `trust proxy` setting.
 */
export type TrustProxy = boolean | number | string;

/** The server's configuration. */
export interface Config {
  port: number;
  host: string | undefined;
  dataDir: string;
  /**
   * The PostgreSQL database to use instead of the SQLite file in `dataDir` (`DATABASE_URL`), for
   * several server processes sharing one database.
   */
  databaseUrl: string | undefined;
  /** Origins allowed to send requests and open WebSockets, besides the server's own. */
  allowedOrigins: string[];
  /** Origin every link the server makes starts with; also an allowed origin. */
  publicUrl: string | undefined;
  trustProxy: TrustProxy;
  logLevel: LogLevel | 'silent';
  /** Absolute path of the built client. */
  distDir: string;
  /** The Ed25519 key that signs the heads of the records' chains (PEM), outside the database. */
  signingKeyFile: string;
  /** True when no key file is configured: one is generated beside the data directory if missing. */
  createSigningKey: boolean;
  /** Redis linking the server processes that share one database (`server/cluster/`); none when alone. */
  redisUrl: string | undefined;
}

/** An http(s) origin (scheme, host and port only), normalised; fails for anything else. */
const Origin = z
  .string()
  .trim()
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: `${value} is not a URL` });
      return z.NEVER;
    }
    if (
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      url.pathname !== '/' ||
      url.search ||
      url.hash
    ) {
      ctx.addIssue({ code: 'custom', message: `${value} is not an origin such as https://example.org` });
      return z.NEVER;
    }
    return url.origin;
  });

const OriginList = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(Origin));

/** A PostgreSQL connection URL (`postgres://user:password@host:port/database`). */
const DatabaseUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      return ['postgres:', 'postgresql:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'is not a URL such as postgres://user@localhost:5432/negotiations');

const TrustProxySetting = z
  .string()
  .trim()
  .default('false')
  .transform((s): TrustProxy => {
    if (s === '' || s === 'false') return false;
    if (s === 'true') return true;
    if (/^\d+$/.test(s)) return Number(s);
    return s;
  });

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  ALLOWED_ORIGINS: OriginList,
  PUBLIC_URL: Origin.optional(),
  TRUST_PROXY: TrustProxySetting,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  SIGNING_KEY_FILE: z.string().min(1).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  DATABASE_URL: DatabaseUrl.optional(),
});

/** Reads the configuration; throws a readable error naming the bad variable. */
export function readConfig(env: NodeJS.ProcessEnv, rootDir: string): Config {
  const parsed = EnvSchema.safeParse({
    ...env,
    PUBLIC_URL: env.PUBLIC_URL || undefined,
    REDIS_URL: env.REDIS_URL || undefined,
    DATABASE_URL: env.DATABASE_URL || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid configuration ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    allowedOrigins: e.ALLOWED_ORIGINS,
    publicUrl: e.PUBLIC_URL,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    distDir: join(rootDir, 'dist'),
    signingKeyFile: e.SIGNING_KEY_FILE ?? defaultKeyFile(e.DATA_DIR),
    createSigningKey: e.SIGNING_KEY_FILE === undefined,
    redisUrl: e.REDIS_URL,
  };
}
