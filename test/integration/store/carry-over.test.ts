// A data folder the PGlite store wrote (the server's default until the embedded PostgreSQL)
// is carried over on the first start: every row, the database id, and a change stream that
// a device's checkpoint can still follow.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../../server/apply/index';
import { createDevice } from '../../../server/auth/devices';
import { systemClock } from '../../../server/clock';
import type { Db } from '../../../server/db/db';
import { migrate, databaseId } from '../../../server/db/migrate';
import { openDatabase, type OpenedDatabase } from '../../../server/db/open';
import { openPglite } from '../../../server/db/pglite';
import { seedDemo } from '../../../server/demo/seed';
import { EventRegistry } from '../../../server/events/registry';
import { readChanges, STREAM_START } from '../../../server/sync/change-stream';
import { tempData } from '../../fixtures/temp-data';

const tablesOf = async (db: Db) =>
  (
    await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
  ).map((t) => t.name);

const dump = async (db: Db) => {
  const out: Record<string, string[]> = {};
  for (const table of await tablesOf(db)) {
    if (table === 'schema_migrations') continue;
    out[table] = (await db.query<{ r: string }>(`SELECT to_jsonb(t)::text AS r FROM ${table} t`))
      .map((row) => row.r)
      .sort();
  }
  return out;
};

describe('carrying a PGlite data folder over', () => {
  let opened: OpenedDatabase | null = null;
  afterAll(async () => {
    await opened?.close();
  });

  it('loads every row, keeps the database id and the change stream, and moves new transactions past it', async () => {
    const dataDir = path.join(tempData(), 'data');
    // The old code path: PGlite files at the top of the data folder.
    const old = await openPglite(dataDir);
    await migrate(old);
    const registry = new EventRegistry(EVENT_TYPES);
    await seedDemo(old, registry, systemClock, { lines: 60 });
    await createDevice(old, 'Station 1', systemClock);
    // A station that has worked a while: its transaction ids are far past a new store's.
    for (let i = 0; i < 1500; i++) {
      await old.query(
        'UPDATE stock SET on_hand = on_hand + 1 WHERE id = (SELECT min(id) FROM stock)',
      );
    }
    const before = await dump(old);
    const id = await databaseId(old);
    const stream = await readChanges(old, STREAM_START, 100_000, null);
    // A device that pulled half of the stream holds this checkpoint.
    const half = stream.changes.length >> 1;
    const checkpoint = await readChanges(old, STREAM_START, half, null);
    await old.close();
    expect(stream.changes.length).toBeGreaterThan(100);
    expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);

    opened = await openDatabase({ databaseUrl: null, dataDir });
    expect(opened.embedded).not.toBeNull();
    expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'pglite', 'CARRIED-OVER'))).toBe(true);
    expect(await dump(opened)).toEqual(before);
    expect(await databaseId(opened)).toBe(id);

    // The rest of the stream, from the device's checkpoint, is exactly what it had not pulled.
    const rest = await readChanges(opened, checkpoint.last, 100_000, null);
    expect(rest.changes.map((c) => `${c.txid}/${c.entity}/${c.id}`)).toEqual(
      stream.changes.slice(half).map((c) => `${c.txid}/${c.entity}/${c.id}`),
    );
    // A new transaction lands after every carried-over change, where the device will look.
    await opened.query(
      'UPDATE stock SET on_hand = on_hand + 1 WHERE id = (SELECT min(id) FROM stock)',
    );
    const next = await readChanges(opened, stream.last, 100, null);
    expect(next.changes.length).toBeGreaterThan(0);
    expect(BigInt(next.changes[0]!.txid)).toBeGreaterThan(BigInt(stream.last.txid));
    const [pos] = await opened.query<{ pos: number }>('SELECT max(pos) AS pos FROM changes');
    expect(pos!.pos).toBeGreaterThan(stream.last.pos);
  }, 180_000);

  it('starts from the carried-over store the next time, without carrying over again', async () => {
    const dataDir = path.join(tempData(), 'data');
    const old = await openPglite(dataDir);
    await migrate(old);
    await createDevice(old, 'Only one', systemClock);
    await old.close();
    const first = await openDatabase({ databaseUrl: null, dataDir });
    await createDevice(first, 'Added after', systemClock);
    await first.close();
    const again = await openDatabase({ databaseUrl: null, dataDir });
    try {
      const names = await again.query<{ name: string }>('SELECT name FROM devices ORDER BY name');
      expect(names.map((n) => n.name)).toEqual(['Added after', 'Only one']);
    } finally {
      await again.close();
    }
  }, 180_000);
});
