/** The whole storage contract against PostgreSQL (a throwaway server, or `DATABASE_URL`). */
import { afterAll } from 'vitest';
import { dropFreshDatabases, freshDatabase } from '../../../test/support/postgres.js';
import { storageContract } from '../storage.contract.js';
import { openPostgresStorage } from './postgres.js';

afterAll(dropFreshDatabases);

storageContract('PostgreSQL', async (opts) => openPostgresStorage(await freshDatabase(), opts));
