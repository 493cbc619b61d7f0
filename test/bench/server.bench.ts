// Sync server throughput over HTTP: pull of 100,000 backorder lines and push of 10,000 events,
// on the embedded store the server ships (PostgreSQL 18, every commit synced), on the PGlite
// data folder it shipped before (fsync off: the figure durability is measured against) and,
// where one answers, on PostgreSQL. Baselines, measured in the same run on the same database:
// reading the same rows with one SQL query (pull), and making the same stock changes as bare
// one-statement transactions (push). The ratio is what the API costs on top; embedded against
// pglite-folder is what durability costs.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDevice } from '../../server/auth/devices';
import { systemClock } from '../../server/clock';
import type { Db } from '../../server/db/db';
import { migrate } from '../../server/db/migrate';
import { PgliteHost } from '../../server/db/pglite';
import { seedDemo } from '../../server/demo/seed';
import { PullPageSchema } from '../../shared/sync-api/pull';
import { PushResponseSchema } from '../../shared/sync-api/push';
import { availableDbKinds, openTestDatabase, type DbKind } from '../fixtures/test-db';
import { seedSmallWarehouse, testRegistry } from '../fixtures/test-events';
import { startTestServer } from '../fixtures/test-server';
import { perSecond, type BenchGroup, type Figure } from './harness';
import { benchDevice, seedPickFloor } from './pick-floor';

const PULL_LINES = 100_000;
const PUSH_EVENTS = 10_000;
const PUSH_BATCH = 200;
// Real picks cost a dozen statements each: 1,000 of them (five batches) take a few seconds.
// Before each batch, this many one-statement transactions give its baseline.
const PICK_EVENTS = 1_000;
const PICK_BASELINE_STATEMENTS = 400;
const NO_LIMIT = { burst: 1e9, perSecond: 1e9 };

type BenchKind = DbKind | 'pglite-folder';

// The store before: PGlite on a data folder, as `npm run server` opened it until now.
const openBenchDatabase = async (
  kind: BenchKind,
): Promise<{ db: Db; dispose(): Promise<void> }> => {
  if (kind !== 'pglite-folder') return openTestDatabase(kind);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fillwave-pglite-bench-'));
  const host = await PgliteHost.open(dir);
  const db = host.db('public');
  await migrate(db);
  return {
    db,
    dispose: async () => {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const pullBench = async (kind: BenchKind): Promise<Figure> => {
  const t = await openBenchDatabase(kind);
  const registry = testRegistry();
  try {
    await seedDemo(t.db, registry, systemClock, { lines: PULL_LINES });
    const { token } = await createDevice(t.db, 'bench', systemClock);
    const server = await startTestServer(t.db, { registry, rateLimit: NO_LIMIT });
    try {
      let started = performance.now();
      const rows = await t.db.query('SELECT to_jsonb(b) AS r FROM backorder_lines b');
      const baseline = perSecond(rows.length, performance.now() - started);

      started = performance.now();
      let lines = 0;
      let checkpoint = '';
      for (let page = 0; page < 10_000; page++) {
        const res = await fetch(
          `${server.url}/api/v1/pull?limit=5000${checkpoint ? `&checkpoint=${checkpoint}` : ''}`,
          {
            headers: { authorization: `Bearer ${token}` },
          },
        );
        const body = PullPageSchema.parse(await res.json());
        lines += body.changes.filter((c) => c.entity === 'backorderLine').length;
        checkpoint = body.checkpoint;
        if (!body.hasMore) break;
      }
      if (lines !== PULL_LINES) throw new Error(`pulled ${lines} lines, expected ${PULL_LINES}`);
      return {
        name: `pull.${kind}`,
        value: perSecond(lines, performance.now() - started),
        unit: 'lines/s',
        baseline,
      };
    } finally {
      await server.close();
    }
  } finally {
    await t.dispose();
  }
};

const pushBench = async (kind: BenchKind): Promise<Figure> => {
  const t = await openBenchDatabase(kind);
  const registry = testRegistry();
  try {
    const stocks = await seedSmallWarehouse(t.db, registry, systemClock, 50);
    let started = performance.now();
    for (let i = 0; i < PUSH_EVENTS; i++) {
      await t.db.transaction((tx) =>
        tx.query('UPDATE stock SET on_hand = on_hand + 1 WHERE id = $1', [
          stocks[i % stocks.length],
        ]),
      );
    }
    const baseline = perSecond(PUSH_EVENTS, performance.now() - started);

    const { device, token, epoch } = await createDevice(t.db, 'bench', systemClock);
    const server = await startTestServer(t.db, { registry, rateLimit: NO_LIMIT });
    try {
      started = performance.now();
      for (let from = 0; from < PUSH_EVENTS; from += PUSH_BATCH) {
        const events = Array.from({ length: PUSH_BATCH }, (_, k) => ({
          id: randomUUID(),
          epoch,
          seq: from + k + 1,
          type: 'test.stock-adjusted',
          deviceId: device.id,
          operatorId: null,
          at: new Date().toISOString(),
          payload: { stockId: stocks[(from + k) % stocks.length], delta: 1 },
        }));
        const res = await fetch(`${server.url}/api/v1/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ events }),
        });
        const { results } = PushResponseSchema.parse(await res.json());
        if (results.some((r) => r.status !== 'accepted'))
          throw new Error('a bench event was not accepted');
      }
      return {
        name: `push.${kind}`,
        value: perSecond(PUSH_EVENTS, performance.now() - started),
        unit: 'events/s',
        baseline,
      };
    } finally {
      await server.close();
    }
  } finally {
    await t.dispose();
  }
};

// Milliseconds for `count` one-statement transactions: the push baseline.
const bareStatementsMs = async (db: Db, stocks: readonly string[], count: number) => {
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    await db.transaction((tx) =>
      tx.query('UPDATE stock SET on_hand = on_hand + 1 WHERE id = $1', [stocks[i % stocks.length]]),
    );
  }
  return performance.now() - started;
};

// Real pick.confirmed events (each locks its task, tour, tote and reservations and writes the
// pick, the stock, the line and the task), pushed in the app's batches of 200, on a floor whose
// waves, claims and totes were pushed before the clock starts.
const pushPickBench = async (kind: DbKind): Promise<Figure> => {
  const t = await openTestDatabase(kind);
  const registry = testRegistry();
  try {
    const server = await startTestServer(t.db, { registry, rateLimit: NO_LIMIT });
    try {
      const device = await benchDevice(t.db, systemClock, server.url);
      const picks = await seedPickFloor(t.db, registry, systemClock, device.pushAll, PICK_EVENTS);
      const stocks = (await t.db.query<{ id: string }>('SELECT id FROM stock ORDER BY id')).map(
        (r) => r.id,
      );
      // Baseline and picks take turns, a batch each, so that a change in the machine's load
      // (it is shared) falls on both; the figure is the pair whose ratio is the median.
      const pairs: { value: number; baseline: number }[] = [];
      for (let from = 0; from < picks.length; from += PUSH_BATCH) {
        const baselineMs = await bareStatementsMs(t.db, stocks, PICK_BASELINE_STATEMENTS);
        const started = performance.now();
        const batch = picks.slice(from, from + PUSH_BATCH);
        await device.pushAll(batch);
        pairs.push({
          value: perSecond(batch.length, performance.now() - started),
          baseline: perSecond(PICK_BASELINE_STATEMENTS, baselineMs),
        });
      }
      pairs.sort((x, y) => x.value / x.baseline - y.value / y.baseline);
      const [{ open }] = (await t.db.query<{ open: number }>(
        "SELECT count(*)::int AS open FROM pick_tasks WHERE status <> 'picked'",
      )) as [{ open: number }];
      if (open !== 0) throw new Error(`${open} pick tasks were left unpicked`);
      return { name: `push.pick.${kind}`, unit: 'events/s', ...pairs[pairs.length >> 1]! };
    } finally {
      await server.close();
    }
  } finally {
    await t.dispose();
  }
};

const kinds: BenchKind[] = ['pglite-folder', ...(await availableDbKinds())];

const group: BenchGroup = {
  group: 'server',
  benches: kinds.flatMap((kind) => [
    { name: `pull.${kind}`, run: async () => [await pullBench(kind)] },
    { name: `push.${kind}`, run: async () => [await pushBench(kind)] },
    ...(kind === 'pglite-folder'
      ? []
      : [{ name: `push.pick.${kind}`, run: async () => [await pushPickBench(kind)] }]),
  ]),
};

export default group;
