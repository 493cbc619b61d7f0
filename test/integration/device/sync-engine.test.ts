// The device's sync engine against the real server over HTTP, with fault injection on.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { manualClock, systemClock } from '../../../server/clock';
import { recordServerEvent } from '../../../server/events/server-events';
import { seedDemo } from '../../../server/demo/seed';
import { ENTITY_NAMES } from '../../../shared/domain/entities';
import { seededRng } from '../../../shared/random';
import { recordAction } from '../../../renderer/sync/outbox';
import { pull } from '../../../renderer/sync/pull';
import { push } from '../../../renderer/sync/push';
import { syncUntilCalm } from '../../../renderer/sync/engine';
import { computePendingView, withPending } from '../../../renderer/sync/pending-view';
import { atServer, deviceEntities, enrolledDevice, serverEntities } from '../../fixtures/device';
import { openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';
import { OPERATORS, seedWorld } from '../../fixtures/world';

const registry = testRegistry();
const ctx = (operatorId: string) => ({
  operatorId,
  now: () => new Date(),
  newId: () => randomUUID(),
});

const expectSameAsServer = async (
  t: TestDatabase,
  device: Awaited<ReturnType<typeof enrolledDevice>>,
) => {
  for (const entity of ENTITY_NAMES) {
    expect(Object.fromEntries(await deviceEntities(device.db, entity)), entity).toEqual(
      Object.fromEntries(await serverEntities(t.db, entity)),
    );
  }
};

describe('sync engine: a large pull and many pushes through faults', () => {
  let t: TestDatabase;
  let server: TestServer;
  const clock = manualClock();

  beforeAll(async () => {
    t = await openTestDatabase('embedded');
    await seedDemo(t.db, registry, systemClock, { lines: 50_000 });
    server = await startTestServer(t.db, {
      registry,
      clock,
      rateLimit: { burst: 3, perSecond: 1 },
      faults: {
        seed: 3,
        delayMs: 0,
        dropRate: 0.05,
        errorRate: 0.05,
        truncateRate: 0.05,
        loseResponseRate: 0.05,
      },
    });
  }, 240_000);
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });

  it('ends with the server state row for row, every event applied once, the outbox empty', async () => {
    const statuses = new Map<string, number>();
    const counting = async (url: string, init?: RequestInit) => {
      try {
        const res = await fetch(url, init);
        statuses.set(String(res.status), (statuses.get(String(res.status)) ?? 0) + 1);
        return res;
      } catch (error) {
        statuses.set('dropped', (statuses.get('dropped') ?? 0) + 1);
        throw error;
      }
    };
    const device = await enrolledDevice(t.db, server.url, counting);
    const first = await syncUntilCalm(device.db, device.api, clock, { random: seededRng(1) });
    expect(first).toEqual({ ok: true });
    expect(await device.db.backorderLines.count()).toBe(50_000);

    // 2,000 actions: hold then release 1,000 lines, in that order.
    const lines = (
      await device.db.backorderLines.where('status').equals('open').limit(1000).primaryKeys()
    ).sort();
    for (const id of lines) {
      expect(
        (
          await recordAction(
            device.db,
            'backorder-line.held',
            { backorderLineId: id, reason: 'check' },
            ctx('op-lead-1'),
          )
        ).ok,
      ).toBe(true);
      expect(
        (
          await recordAction(
            device.db,
            'backorder-line.released',
            { backorderLineId: id },
            ctx('op-lead-1'),
          )
        ).ok,
      ).toBe(true);
    }
    const round = await syncUntilCalm(device.db, device.api, clock, { random: seededRng(2) });
    expect(round).toEqual({ ok: true });
    expect(await device.db.outbox.count()).toBe(0);
    expect(await device.db.rejected.toArray()).toEqual([]);
    const [{ n }] = (await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM events WHERE source = 'device' AND status = 'accepted'",
    )) as [{ n: number }];
    expect(n).toBe(2000);
    await expectSameAsServer(t, device);
    // The faults really happened: drops, 5xx and 429s, all ridden out.
    expect(statuses.get('dropped')).toBeGreaterThan(0);
    expect(statuses.get('503')).toBeGreaterThan(0);
    expect(statuses.get('429')).toBeGreaterThan(0);
  }, 600_000);
});

describe('sync engine: the person sees what they did', () => {
  let t: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    t = await openTestDatabase('embedded');
    server = await startTestServer(t.db, { registry, rateLimit: { burst: 1e9, perSecond: 1e9 } });
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });
  beforeEach(async () => {
    await t.reset();
    await seedWorld(t.db, registry, systemClock);
  });

  const linesSeen = async (device: Awaited<ReturnType<typeof enrolledDevice>>) =>
    Object.fromEntries(
      withPending(
        'backorderLine',
        await device.db.backorderLines.toArray(),
        await computePendingView(device.db),
      ).map((l) => [l.id, l.status]),
    );

  it('keeps an action on screen through a pull that lands before its push, then shows the server state', async () => {
    const device = await enrolledDevice(t.db, server.url);
    await pull(device.db, device.api, { now: () => new Date() });
    await recordAction(
      device.db,
      'backorder-line.held',
      { backorderLineId: 'SO-1/1', reason: 'credit' },
      ctx(OPERATORS.lead),
    );
    expect((await linesSeen(device))['SO-1/1']).toBe('held');
    await pull(device.db, device.api, { now: () => new Date() });
    expect((await device.db.backorderLines.get('SO-1/1'))!.status).toBe('open');
    expect((await linesSeen(device))['SO-1/1']).toBe('held');
    await push(device.db, device.api, { now: () => new Date() });
    // Accepted, not pulled yet: still shown, not sent again.
    expect((await device.db.backorderLines.get('SO-1/1'))!.status).toBe('open');
    expect((await linesSeen(device))['SO-1/1']).toBe('held');
    expect(await push(device.db, device.api, { now: () => new Date() })).toEqual({
      kind: 'done',
      sent: 0,
    });
    await pull(device.db, device.api, { now: () => new Date() });
    expect((await device.db.backorderLines.get('SO-1/1'))!.status).toBe('held');
    expect((await linesSeen(device))['SO-1/1']).toBe('held');
    expect(await device.db.outbox.count()).toBe(0);
  });

  it("drops a rejected event's effect at once and keeps the server's sentence", async () => {
    const device = await enrolledDevice(t.db, server.url);
    await pull(device.db, device.api, { now: () => new Date() });
    await recordAction(
      device.db,
      'backorder-line.held',
      { backorderLineId: 'SO-3/1', reason: 'credit' },
      ctx(OPERATORS.lead),
    );
    await recordAction(
      device.db,
      'backorder-line.held',
      { backorderLineId: 'SO-1/2', reason: 'credit' },
      ctx(OPERATORS.lead),
    );
    expect(await linesSeen(device)).toMatchObject({ 'SO-3/1': 'held', 'SO-1/2': 'held' });
    await recordServerEvent(t.db, registry, systemClock, 'oms.backorder-line-cancelled', {
      backorderLineId: 'SO-3/1',
      reason: 'customer',
    });
    await push(device.db, device.api, { now: () => new Date() });
    const [problem] = await device.db.rejected.toArray();
    expect(problem).toMatchObject({
      type: 'backorder-line.held',
      code: 'line-not-open',
      message:
        'Line 1 of order SO-3 is cancelled; only an open line with nothing waiting to be picked can be held.',
    });
    expect((await linesSeen(device))['SO-3/1']).toBe('open');
    await pull(device.db, device.api, { now: () => new Date() });
    expect(await linesSeen(device)).toMatchObject({ 'SO-3/1': 'cancelled', 'SO-1/2': 'held' });
  });

  it('refuses a malformed action by field and records nothing', async () => {
    const device = await enrolledDevice(t.db, server.url);
    const refused = await recordAction(
      device.db,
      'backorder-line.held',
      { backorderLineId: 'SO-1/1' },
      ctx(OPERATORS.lead),
    );
    expect(refused).toEqual({
      ok: false,
      reason: 'The reason for the hold is missing: fill it in.',
    });
    expect(await device.db.outbox.count()).toBe(0);
  });

  it('after the server forgot its epoch, pushes the waiting events once, in order, in a new epoch', async () => {
    const device = await enrolledDevice(t.db, server.url);
    for (const id of ['SO-1/1', 'SO-1/2', 'SO-3/1'])
      await recordAction(
        device.db,
        'backorder-line.held',
        { backorderLineId: id, reason: 'x' },
        ctx(OPERATORS.lead),
      );
    await t.db.query('DELETE FROM device_epochs WHERE device_id = $1', [device.deviceId]);
    expect(await push(device.db, device.api, { now: () => new Date() })).toEqual({
      kind: 'done',
      sent: 3,
    });
    const logged = await t.db.query<{ payload: { backorderLineId: string }; seq: number }>(
      "SELECT payload, seq FROM events WHERE source = 'device' ORDER BY seq",
    );
    expect(logged.map((e) => [e.payload.backorderLineId, e.seq])).toEqual([
      ['SO-1/1', 1],
      ['SO-1/2', 2],
      ['SO-3/1', 3],
    ]);
  });

  it('resyncs from the start on a 410, keeping the outbox, and then pushes it', async () => {
    const device = await enrolledDevice(t.db, server.url);
    await pull(device.db, device.api, { now: () => new Date() });
    await recordAction(
      device.db,
      'backorder-line.held',
      { backorderLineId: 'SO-1/1', reason: 'x' },
      ctx(OPERATORS.lead),
    );
    // The server's database is replaced by a restored one: it no longer knows the checkpoint.
    await t.db.query(
      "UPDATE server_meta SET value = gen_random_uuid()::text WHERE key = 'database_id'",
    );
    const restored = await startTestServer(t.db, {
      registry,
      rateLimit: { burst: 1e9, perSecond: 1e9 },
    });
    try {
      const api = (await import('../../../renderer/sync/api')).createSyncApi(
        device.token,
        atServer(restored.url),
      );
      await device.db.stock.put({
        id: 'STALE|X',
        locationId: 'STALE',
        skuId: 'X',
        onHand: 1,
        reserved: 0,
      });
      expect(await pull(device.db, api, { now: () => new Date() })).toMatchObject({ kind: 'done' });
      expect(await device.db.stock.get('STALE|X')).toBeUndefined();
      expect(await device.db.outbox.count()).toBe(1);
      await push(device.db, api, { now: () => new Date() });
      await pull(device.db, api, { now: () => new Date() });
      expect((await device.db.backorderLines.get('SO-1/1'))!.status).toBe('held');
    } finally {
      await restored.close();
    }
  });

  it('quarantines malformed records with a readable reason and applies the rest of the page', async () => {
    const device = await enrolledDevice(t.db, server.url);
    await t.db.query(
      `INSERT INTO changes (entity, id, row) VALUES ('sku', 'BAD-1', '{"id": "BAD-1", "sku": "BAD-1", "description": "x", "unit": "ea", "weight_kg": "heavy", "volume_l": 1, "barcodes": []}')`,
    );
    await t.db.query(
      `INSERT INTO changes (entity, id, row) VALUES ('location', 'L9', '{"id": "L9", "code": "L9", "zone": "A", "aisle": 1, "position_m": 2, "level": 0, "side": "middle", "count_required": false}')`,
    );
    expect(await pull(device.db, device.api, { now: () => new Date() })).toMatchObject({
      kind: 'done',
    });
    const problems = (await device.db.quarantine.toArray()).map((q) => q.reason).sort();
    expect(problems).toEqual([
      'A location from the server could not be read here, so this device left it out. The side must be one of left, right.',
      'An item from the server could not be read here, so this device left it out. The weight kg must be a number.',
    ]);
    expect(await device.db.skus.count()).toBe(3);
    expect(await device.db.locations.count()).toBe(5);
  });
});
