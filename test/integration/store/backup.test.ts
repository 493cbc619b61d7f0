// npm run backup while the server runs and writes; the backup, restored into a fresh data
// folder as README says, opens with the same rows and a consistent cut of the writes.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runningStoreUrl } from '../../../server/db/embedded';
import { spawnUntilListening, type Running } from '../../fixtures/spawn-server';
import { tempData } from '../../fixtures/temp-data';

const dumpTables = async (client: pg.Client) => {
  const tables = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables.rows) {
    const rows = await client.query<{ r: string }>(`SELECT to_jsonb(t)::text AS r FROM ${name} t`);
    out[name] = rows.rows.map((r) => r.r).sort();
  }
  return out;
};

const withClient = async <T>(dataDir: string, fn: (c: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client(runningStoreUrl(dataDir)!);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

describe('npm run backup', () => {
  const servers: Running[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
  });

  it('backs up a running store while it writes; the restored copy has the same rows', async () => {
    const dir = tempData();
    const dataDir = path.join(dir, 'data');
    const backup = path.join(dir, 'backup');
    const serve = async (folder: string, extra: string[] = []) => {
      const s = await spawnUntilListening(
        'node',
        ['dist/server/main.mjs', '--port', '0', '--data', folder, ...extra],
        { timeoutMs: 120_000 },
      );
      servers.push(s);
      return s;
    };
    const first = await serve(dataDir, ['--demo', '40']);
    await withClient(dataDir, (c) => c.query('CREATE TABLE backup_probe (n int PRIMARY KEY)'));
    const before = await withClient(dataDir, dumpTables);

    // A writer commits 1, 2, 3, … one transaction each, all through the backup.
    let writing = true;
    const writer = withClient(dataDir, async (c) => {
      for (let n = 1; writing; n++) await c.query('INSERT INTO backup_probe VALUES ($1)', [n]);
    });
    const run = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn('node', ['dist/server/backup.mjs', '--data', dataDir, '--to', backup]);
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      child.on('exit', (code) => resolve({ code, out }));
    });
    writing = false;
    await writer;
    expect(run.code, run.out).toBe(0);
    expect(run.out).toMatch(/backed up .* to .*backup/);
    // Written after the backup: not in it.
    await withClient(dataDir, (c) =>
      c.query("UPDATE server_meta SET value = 'after' WHERE key = 'database_id'"),
    );
    await first.stop();

    // Restore as README says: a copy of the backup is the new data folder.
    const restored = path.join(dir, 'restored');
    cpSync(backup, restored, { recursive: true });
    await serve(restored);
    const after = await withClient(restored, dumpTables);
    const probe = after
      .backup_probe!.map((r) => (JSON.parse(r) as { n: number }).n)
      .sort((a, b) => a - b);
    expect(probe.length).toBeGreaterThan(0);
    // A consistent cut: every write up to some point, none after it.
    expect(probe).toEqual(probe.map((_, i) => i + 1));
    expect({ ...after, backup_probe: [] }).toEqual({ ...before, backup_probe: [] });
  }, 300_000);

  it('refuses to write into a folder that is not empty, with the fix', () => {
    const dir = tempData();
    const run = spawnSync(
      'node',
      ['dist/server/backup.mjs', '--data', path.join(dir, 'none'), '--to', dir],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/is not empty: name a new folder/);
  }, 180_000);
});
