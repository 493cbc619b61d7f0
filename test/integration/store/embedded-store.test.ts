// The embedded store as the server ships it: durable settings, reachable only on loopback
// behind its own password, run as an unprivileged user under root, and a postmaster left by a
// killed server stopped on the next start.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUser, runningStoreUrl, storePaths } from '../../../server/db/embedded';
import { spawnUntilListening, type Running } from '../../fixtures/spawn-server';
import { tempData } from '../../fixtures/temp-data';
import { startTestStore } from '../../fixtures/test-db';

const isRoot = process.getuid?.() === 0;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const postmasterPid = (dataDir: string) =>
  Number(
    readFileSync(path.join(storePaths(dataDir).cluster, 'postmaster.pid'), 'utf8').split('\n')[0],
  );

describe('the embedded store', () => {
  let store: Awaited<ReturnType<typeof startTestStore>>;
  let client: pg.Client;
  beforeAll(async () => {
    store = await startTestStore();
    client = new pg.Client(store.url);
    await client.connect();
  }, 120_000);
  afterAll(async () => {
    await client?.end();
    await store?.dispose();
  });

  it('syncs every commit: fsync, synchronous commit and full pages on, the default sync method', async () => {
    const settings = await client.query<{ name: string; setting: string; source: string }>(
      `SELECT name, setting, source FROM pg_settings
        WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method')`,
    );
    const byName = Object.fromEntries(settings.rows.map((r) => [r.name, r.setting]));
    expect(byName).toEqual({
      fsync: 'on',
      synchronous_commit: 'on',
      full_page_writes: 'on',
      wal_sync_method: process.platform === 'linux' ? 'fdatasync' : byName.wal_sync_method,
    });
    // Set on the command line: ALTER SYSTEM cannot switch them off behind the server's back.
    expect(settings.rows.find((r) => r.name === 'fsync')!.source).toBe('command line');
  });

  it('listens on loopback alone, at a port of its own, behind a random password kept 0600', async () => {
    const listen = await client.query<{ a: string; s: string }>(
      "SELECT current_setting('listen_addresses') AS a, current_setting('unix_socket_directories') AS s",
    );
    expect(listen.rows[0]).toEqual({ a: '127.0.0.1', s: '' });
    expect(store.port).not.toBe(5432);
    const dataDir = path.dirname(store.clusterDir);
    const file = storePaths(dataDir).password;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const password = readFileSync(file, 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(32);
    const other = await startTestStore();
    try {
      const otherPassword = readFileSync(
        storePaths(path.dirname(other.clusterDir)).password,
        'utf8',
      ).trim();
      expect(otherPassword).not.toBe(password);
      expect(other.port).not.toBe(store.port);
    } finally {
      await other.dispose();
    }
    for (const guess of ['password', 'postgres', 'fillwave', '']) {
      const wrong = new pg.Client({
        host: '127.0.0.1',
        port: store.port,
        user: 'fillwave',
        password: guess,
        database: 'fillwave',
      });
      wrong.on('error', () => undefined);
      await expect(wrong.connect()).rejects.toThrow(/password|SASL/);
      await wrong.end().catch(() => undefined);
    }
  });

  it.runIf(isRoot)('runs the database as an unprivileged user when started as root', () => {
    const pid = postmasterPid(path.dirname(store.clusterDir));
    const uid = Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
    expect(uid).toBeGreaterThan(0);
    expect(uid).toBe(store.dbUser!.uid);
  });

  it.runIf(isRoot)('refuses to start as root without such a user, with the fix in one line', () => {
    expect(() => databaseUser({ FILLWAVE_DB_USER: 'fillwave-no-such-user' })).toThrow(
      /unprivileged user.*useradd --system/,
    );
  });
});

describe('a server killed with its database still running', () => {
  let server: Running | null = null;
  afterAll(async () => {
    await server?.stop();
  });

  it('stops the postmaster it left on the next start, and keeps the data', async () => {
    const dataDir = path.join(tempData(), 'data');
    const start = () =>
      spawnUntilListening('node', ['dist/server/main.mjs', '--port', '0', '--data', dataDir]);
    const first = await start();
    const health = await fetch(`${first.url}/api/v1/health`);
    expect(health.status).toBe(200);
    const left = postmasterPid(dataDir);
    const databaseId = async () => {
      const c = new pg.Client(runningStoreUrl(dataDir)!);
      await c.connect();
      try {
        return (await c.query("SELECT value FROM server_meta WHERE key = 'database_id'")).rows[0]
          .value as string;
      } finally {
        await c.end();
      }
    };
    const id = await databaseId();
    // kill -9 of node alone: the postmaster, in its own process, stays behind.
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    expect(alive(left)).toBe(true);

    server = await start();
    expect(alive(left)).toBe(false);
    expect(postmasterPid(dataDir)).not.toBe(left);
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
    expect(await databaseId()).toBe(id);
    // A second server on a folder a live one owns is refused, and leaves the first running.
    const second = spawnSync('node', ['dist/server/main.mjs', '--port', '0', '--data', dataDir], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/Another Fillwave server \(pid \d+\) is using .*Stop it first/);
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
    expect(await databaseId()).toBe(id);
    const postmaster = postmasterPid(dataDir);
    await server.stop();
    server = null;
    // And stopping the server stops its database.
    expect(alive(postmaster)).toBe(false);
  }, 180_000);
});
