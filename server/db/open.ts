import { rmSync } from 'node:fs';
import type { Db } from './db';
import { carryOverPending, carryOverPglite, movePgliteAside } from './carry-over';
import {
  liveOwner,
  runningStoreUrl,
  startEmbedded,
  storePaths,
  type EmbeddedStore,
} from './embedded';
import { migrate } from './migrate';
import { openPostgres } from './postgres';

export interface OpenedDatabase extends Db {
  // The embedded store, when the database is ours to run (no DATABASE_URL).
  embedded: EmbeddedStore | null;
}

// The embedded PostgreSQL in the data folder unless DATABASE_URL names a PostgreSQL server;
// migrated either way. A data folder PGlite wrote is carried over on the first start.
export const openDatabase = async (options: {
  databaseUrl: string | null;
  dataDir: string;
  say?: (line: string) => void;
  // The CLIs work beside a running server, through its store; a second server is refused.
  attach?: boolean;
}): Promise<OpenedDatabase> => {
  if (options.databaseUrl) {
    const db = await openPostgres(options.databaseUrl);
    await migrate(db);
    return { ...db, embedded: null };
  }
  // A server already runs on this folder (the CLIs work beside it): use its store.
  const running =
    options.attach &&
    liveOwner(storePaths(options.dataDir).owner) &&
    runningStoreUrl(options.dataDir);
  if (running) {
    const db = await openPostgres(running);
    await migrate(db);
    return { ...db, embedded: null };
  }
  movePgliteAside(options.dataDir);
  const carry = carryOverPending(options.dataDir);
  const store = await startEmbedded(options.dataDir, { fresh: carry });
  const owner = storePaths(options.dataDir).owner;
  let db: Db | null = null;
  // Once, however often it is asked (a second Ctrl-C while closing).
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await db?.close().catch(() => undefined);
      await store.stop();
      rmSync(owner, { force: true });
    })());
  try {
    db = await openPostgres(store.url);
    await migrate(db);
    if (carry) await carryOverPglite(options.dataDir, db, options.say);
  } catch (error) {
    await close();
    throw error;
  }
  return { ...db, embedded: store, close };
};
