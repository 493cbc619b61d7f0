import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db, Queryable } from './db';
import { migrate } from './migrate';
import { PgliteHost } from './pglite';

// Until the embedded store became a real PostgreSQL, the data folder held PGlite's files. The
// first start after the upgrade moves them into data/pglite, then copies every table into the
// new store: the same rows, the same sequence counters and the same database id, with the
// change stream whole (each change keeps its transaction id and position, and the new
// store's transaction ids are moved past them, so a device's checkpoint still holds).

const PGLITE_DIR = 'pglite';
const DONE = 'CARRIED-OVER';

// The old layout has PostgreSQL's files at the top of the data folder.
export const movePgliteAside = (dataDir: string): boolean => {
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) return false;
  const aside = path.join(dataDir, PGLITE_DIR);
  mkdirSync(aside, { recursive: true });
  // PG_VERSION goes last: while it is still at the top, the move is unfinished.
  const entries = readdirSync(dataDir).filter((name) => name !== PGLITE_DIR);
  for (const name of [...entries.filter((n) => n !== 'PG_VERSION'), 'PG_VERSION']) {
    renameSync(path.join(dataDir, name), path.join(aside, name));
  }
  return true;
};

export const carryOverPending = (dataDir: string): boolean =>
  existsSync(path.join(dataDir, PGLITE_DIR, 'PG_VERSION')) &&
  !existsSync(path.join(dataDir, PGLITE_DIR, DONE));

const BATCH = 2000;

const copyTables = async (source: Db, target: Db): Promise<number> => {
  const tables = (
    await target.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
          AND table_name <> 'schema_migrations'
        ORDER BY table_name`,
    )
  ).map((t) => t.name);
  let rows = 0;
  await target.transaction(async (tx: Queryable) => {
    // Triggers (the change stream's, the events' append-only guard) and foreign keys stay
    // quiet while rows that already satisfied them are loaded as they were.
    await tx.exec('SET LOCAL session_replication_role = replica');
    await tx.exec(`TRUNCATE ${tables.join(', ')} CASCADE`);
    for (const table of tables) {
      for (let offset = 0; ; offset += BATCH) {
        const batch = await source.query<{ r: unknown }>(
          `SELECT to_jsonb(t) AS r FROM ${table} t ORDER BY ctid LIMIT ${BATCH} OFFSET ${offset}`,
        );
        if (batch.length === 0) break;
        await tx.query(
          `INSERT INTO ${table} OVERRIDING SYSTEM VALUE
             SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`,
          [JSON.stringify(batch.map((b) => b.r))],
        );
        rows += batch.length;
        if (batch.length < BATCH) break;
      }
    }
    const sequences = await source.query<{ name: string; last: string | null }>(
      `SELECT sequencename AS name, last_value::text AS last FROM pg_sequences
        WHERE schemaname = current_schema()`,
    );
    for (const s of sequences) {
      if (s.last !== null)
        await tx.query('SELECT setval($1::regclass, $2::bigint)', [s.name, s.last]);
    }
  });
  return rows;
};

// A change's txid must stay below every new transaction's: spend transaction ids (each
// subtransaction that writes takes one) until the counter is past the highest carried over.
const moveTransactionIdsPast = async (target: Db, highest: string): Promise<void> => {
  for (;;) {
    const [now] = await target.query<{ behind: string }>(
      'SELECT ($1::numeric - pg_current_xact_id()::text::numeric)::text AS behind',
      [highest],
    );
    const behind = Number(now?.behind ?? -1);
    if (behind < 0) return;
    await target.exec(`DO $$
      BEGIN
        CREATE TEMP TABLE IF NOT EXISTS carry_over_spend (n int);
        FOR i IN 1..${Math.min(behind + 1, 50_000)} LOOP
          BEGIN
            INSERT INTO carry_over_spend VALUES (i);
          EXCEPTION WHEN OTHERS THEN NULL;
          END;
        END LOOP;
        DROP TABLE carry_over_spend;
      END $$`);
  }
};

export const carryOverPglite = async (
  dataDir: string,
  target: Db,
  say: (line: string) => void = () => undefined,
): Promise<{ rows: number }> => {
  const folder = path.join(dataDir, PGLITE_DIR);
  const host = await PgliteHost.open(folder);
  try {
    const source = host.db('public');
    // The old code path's own migrations bring its tables to this version first.
    await migrate(source);
    const [top] = await source.query<{ txid: string | null }>(
      'SELECT max(txid)::text AS txid FROM changes',
    );
    const rows = await copyTables(source, target);
    if (top?.txid) await moveTransactionIdsPast(target, top.txid);
    writeFileSync(
      path.join(folder, DONE),
      `copied into ../postgres on ${new Date().toISOString()}; this folder can be deleted\n`,
    );
    say(`carried ${rows} rows over from the PGlite store (kept in ${folder})`);
    return { rows };
  } finally {
    await host.close();
  }
};
