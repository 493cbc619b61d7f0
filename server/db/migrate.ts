import type { Db } from './db';
import { MIGRATIONS, STATE_TABLES } from './migrations/index';

// Applies the migrations this database has not seen, each in its own transaction. Two instances
// starting at once on one PostgreSQL take turns on an advisory lock.
export const migrate = async (db: Db): Promise<number[]> =>
  db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(4780001)');
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map(
        (r) => r.version,
      ),
    );
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
      applied.push(m.version);
    }
    return applied;
  });

// Empties every table but keeps the schema and the database's identity (tests reset with it).
export const resetData = async (db: Db): Promise<void> => {
  await db.exec(
    `TRUNCATE ${[...STATE_TABLES, 'changes', 'events', 'device_epochs', 'devices', 'enrollment_codes'].join(', ')} RESTART IDENTITY CASCADE`,
  );
};

export const databaseId = async (db: Db): Promise<string> => {
  const rows = await db.query<{ value: string }>(
    "SELECT value FROM server_meta WHERE key = 'database_id'",
  );
  if (!rows[0]) throw new Error('server_meta has no database_id: the database was not migrated');
  return rows[0].value;
};
