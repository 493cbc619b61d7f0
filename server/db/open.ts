import { mkdirSync } from 'node:fs';
import type { Db } from './db';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

// PGlite in a data folder unless DATABASE_URL names a PostgreSQL server; migrated either way.
export const openDatabase = async (options: {
  databaseUrl: string | null;
  dataDir: string;
}): Promise<Db> => {
  let db: Db;
  if (options.databaseUrl) {
    db = await openPostgres(options.databaseUrl);
  } else {
    mkdirSync(options.dataDir, { recursive: true });
    db = await openPglite(options.dataDir);
  }
  await migrate(db);
  return db;
};
