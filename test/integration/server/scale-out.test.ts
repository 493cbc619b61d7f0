// Two server instances on one PostgreSQL (the shape of a site with DATABASE_URL; the
// embedded store serves one server).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDevice } from '../../../server/auth/devices';
import { systemClock } from '../../../server/clock';
import type { Db } from '../../../server/db/db';
import { replayLog } from '../../../server/events/replay';
import { seededRng } from '../../../shared/random';
import { decodeCheckpoint } from '../../../shared/sync-api/checkpoint';
import { PullPageSchema } from '../../../shared/sync-api/pull';
import { snapshotState } from '../../fixtures/compare-state';
import { TestDevice, wasAccepted, type DeviceEvent } from '../../fixtures/push-client';
import { serverCopy } from '../../fixtures/server-copy';
import { openTestDatabase, postgresAvailable, type TestDatabase } from '../../fixtures/test-db';
import { seedSmallWarehouse, testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';

const hasPostgres = await postgresAvailable();
const NO_LIMIT = { burst: 1e9, perSecond: 1e9 };

describe.skipIf(!hasPostgres)('two instances on one PostgreSQL', () => {
  let t: TestDatabase;
  let second: Db;
  let a: TestServer;
  let b: TestServer;
  const registry = testRegistry();

  beforeAll(async () => {
    t = await openTestDatabase('postgres');
    second = await t.connectAgain();
    a = await startTestServer(t.db, { registry, rateLimit: NO_LIMIT });
    b = await startTestServer(second, { registry, rateLimit: NO_LIMIT });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await t?.dispose();
  });
  beforeEach(() => t.reset());

  const makeDevices = async (count: number, seed: number) =>
    Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const { device, token, epoch } = await createDevice(t.db, `handheld ${i}`, systemClock);
        return { device, token, epoch, rng: seededRng(seed + i) };
      }),
    );

  it('applies the same 2,000 events pushed to both at random and at once exactly once, in each device order', async () => {
    const stocks = await seedSmallWarehouse(t.db, registry, systemClock, 8);
    const devices = await makeDevices(4, 100);
    const expected = new Map(stocks.map((s) => [s, 1000]));
    const perDevice: DeviceEvent[][] = devices.map(({ rng }) =>
      Array.from({ length: 500 }, () => {
        const stockId = stocks[Math.floor(rng() * stocks.length)]!;
        const delta = 1 + Math.floor(rng() * 9);
        expected.set(stockId, expected.get(stockId)! + delta);
        return {
          id: crypto.randomUUID(),
          type: 'test.stock-adjusted',
          operatorId: null,
          at: new Date().toISOString(),
          payload: { stockId, delta },
        };
      }),
    );
    // Two pushers per device race each other with the same events, each picking an instance
    // at random for every request.
    const pushers = devices.flatMap(({ device, token, epoch }, i) =>
      [1, 2].map((k) =>
        new TestDevice([a.url, b.url], token, device.id, epoch, seededRng(i * 10 + k))
          .pushAll(perDevice[i]!, { batch: 25, chaos: { duplicateRate: 0.2 }, maxRequests: 5000 })
          .then(() => undefined),
      ),
    );
    await Promise.all(pushers);
    // Every event is in the log once, accepted, and each device's events hold seq 1..500 in the order made.
    for (const [i, { device }] of devices.entries()) {
      const rows = await t.db.query<{ id: string; seq: number; status: string }>(
        'SELECT id, seq, status FROM events WHERE device_id = $1 ORDER BY seq',
        [device.id],
      );
      expect(rows.map((r) => r.id)).toEqual(perDevice[i]!.map((e) => e.id));
      expect(rows.every((r) => r.status === 'accepted')).toBe(true);
    }
    const stock = await t.db.query<{ id: string; on_hand: number }>(
      'SELECT id, on_hand FROM stock',
    );
    expect(Object.fromEntries(stock.map((s) => [s.id, s.on_hand]))).toEqual(
      Object.fromEntries(expected),
    );
    const replica = await t.openSchema('replay');
    await replayLog(t.db, replica, registry);
    expect(await snapshotState(replica)).toEqual(await snapshotState(t.db));
  });

  it('a client pulling all along while both instances write ends with a copy equal to the server, row for row', async () => {
    const stocks = await seedSmallWarehouse(t.db, registry, systemClock, 16);
    const devices = await makeDevices(6, 500);
    let writing = true;
    const writers = Promise.all(
      devices.map(async ({ device, token, epoch, rng }) => {
        const client = new TestDevice([a.url, b.url], token, device.id, epoch, rng);
        const events = Array.from({ length: 120 }, () =>
          client.newEvent('test.stock-adjusted', {
            stockId: stocks[Math.floor(rng() * stocks.length)]!,
            delta: 1,
            // Some transactions stay open after taking their place in the stream.
            holdMs: rng() < 0.3 ? Math.floor(rng() * 40) : 0,
          }),
        );
        await client.pushAll(events, { batch: 1 + Math.floor(rng() * 4), maxRequests: 2000 });
        expect(events.every((e) => wasAccepted(client.answers.get(e.id)))).toBe(true);
      }),
    ).finally(() => {
      writing = false;
    });

    const token = devices[0]!.token;
    const copy = new Map<string, unknown>();
    let checkpoint: string | undefined;
    let maxPos = 0;
    let arrivedBehind = 0;
    const rng = seededRng(9);
    const pullOnce = async (): Promise<boolean> => {
      const url = rng() < 0.5 ? a.url : b.url;
      const res = await fetch(
        `${url}/api/v1/pull?limit=${1 + Math.floor(rng() * 50)}${checkpoint ? `&checkpoint=${checkpoint}` : ''}`,
        {
          headers: { authorization: `Bearer ${token}` },
        },
      );
      const page = PullPageSchema.parse(await res.json());
      for (const c of page.changes) {
        if (c.row) copy.set(`${c.entity}|${c.id}`, c.row);
        else copy.delete(`${c.entity}|${c.id}`);
      }
      const pos = decodeCheckpoint(page.checkpoint);
      if (pos.ok && page.changes.length > 0) {
        // A page that ends below a position already seen: "pos > last" would have skipped it.
        if (pos.value.pos < maxPos) arrivedBehind++;
        maxPos = Math.max(maxPos, pos.value.pos);
      }
      checkpoint = page.checkpoint;
      return page.hasMore;
    };
    const deadline = Date.now() + 120_000;
    while (writing && Date.now() < deadline) await pullOnce();
    await writers;
    while (await pullOnce()) {
      if (Date.now() > deadline) throw new Error('pulling did not finish in time');
    }

    const truth = await serverCopy(t.db);
    expect(copy.size).toBe(truth.size);
    expect(Object.fromEntries(copy)).toEqual(Object.fromEntries(truth));
    expect(arrivedBehind).toBeGreaterThan(0);
  });
});
