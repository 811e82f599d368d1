/** Server configuration from environment variables, validated at start-up. */
import { join } from 'node:path';
import { z } from 'zod';
import type { LogLevel } from './logger.js';
import { defaultKeyFile } from './records/signingKey.js';

/** The server's configuration. */
export interface Config {
  port: number;
  host: string | undefined;
  dataDir: string;
  /** Origins allowed to open WebSockets, besides the server's own. */
  allowedOrigins: string[];
  logLevel: LogLevel | 'silent';
  /** Absolute path of the built client. */
  distDir: string;
  /** The Ed25519 key that signs the heads of the records' chains (PEM), outside the database. */
  signingKeyFile: string;
  /** True when no key file is configured: one is generated beside the data directory if missing. */
  createSigningKey: boolean;
}

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  ALLOWED_ORIGINS: z.string().default(''),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  SIGNING_KEY_FILE: z.string().min(1).optional(),
});

/** Reads the configuration; throws a readable error naming the bad variable. */
export function readConfig(env: NodeJS.ProcessEnv, rootDir: string): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid configuration ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    allowedOrigins: e.ALLOWED_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    logLevel: e.LOG_LEVEL,
    distDir: join(rootDir, 'dist'),
    signingKeyFile: e.SIGNING_KEY_FILE ?? defaultKeyFile(e.DATA_DIR),
    createSigningKey: e.SIGNING_KEY_FILE === undefined,
  };
}
