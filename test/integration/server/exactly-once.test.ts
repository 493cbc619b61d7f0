// Exactly once, through every fault: 2,000 events of a type whose second application would
// change state, pushed through drops, lost answers, 5xx, cut bodies, duplicates and gaps.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDevice } from '../../../server/auth/devices';
import { manualClock, systemClock } from '../../../server/clock';
import { replayLog } from '../../../server/events/replay';
import { seededRng } from '../../../shared/random';
import { snapshotState } from '../../fixtures/compare-state';
import { TestDevice, wasAccepted } from '../../fixtures/push-client';
import { availableDbKinds, openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { seedSmallWarehouse, testRegistry } from '../../fixtures/test-events';
import { startTestServer } from '../../fixtures/test-server';

const kinds = await availableDbKinds();
const EVENTS = 2000;

describe.each(kinds)('exactly once on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(() => t?.dispose());
  beforeEach(() => t.reset());

  it('applies each of 2,000 events once through drops, lost answers, 5xx, cut bodies, duplicates and gaps', async () => {
    const registry = testRegistry();
    const stocks = await seedSmallWarehouse(t.db, registry, systemClock);
    const server = await startTestServer(t.db, {
      registry,
      clock: manualClock(),
      rateLimit: { burst: 1e9, perSecond: 1e9 },
      faults: {
        seed: 7,
        dropRate: 0.08,
        errorRate: 0.08,
        delayMs: 250,
        truncateRate: 0.08,
        loseResponseRate: 0.08,
      },
    });
    try {
      const { device, token, epoch } = await createDevice(t.db, 'handheld', systemClock);
      const rng = seededRng(11);
      const client = new TestDevice([server.url], token, device.id, epoch, rng);
      const deltas = new Map(stocks.map((s) => [s, 0]));
      const events = Array.from({ length: EVENTS }, (_, i) => {
        const stockId = stocks[i % stocks.length]!;
        const delta = 1 + Math.floor(rng() * 5);
        deltas.set(stockId, deltas.get(stockId)! + delta);
        return client.newEvent('test.stock-adjusted', { stockId, delta });
      });

      await client.pushAll(events, {
        batch: 50,
        chaos: { duplicateRate: 0.3, gapRate: 0.2 },
        maxRequests: 20_000,
      });

      expect(events.filter((e) => !wasAccepted(client.answers.get(e.id)))).toEqual([]);
      const stock = await t.db.query<{ id: string; on_hand: number }>(
        'SELECT id, on_hand FROM stock ORDER BY id',
      );
      for (const s of stock) expect(s.on_hand).toBe(1000 + deltas.get(s.id)!);
      const [{ n }] = (await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM events WHERE type = 'test.stock-adjusted' AND status = 'accepted'",
      )) as [{ n: number }];
      expect(n).toBe(EVENTS);
      // Faults really happened: far more requests than the 40 batches a calm network needs.
      expect(client.requests).toBeGreaterThan(60);

      // Replaying the log into an empty schema rebuilds the same state, row for row.
      const replica = await t.openSchema(`replay${Math.floor(Math.random() * 1e6)}`);
      await replayLog(t.db, replica, registry);
      expect(await snapshotState(replica)).toEqual(await snapshotState(t.db));
    } finally {
      await server.close();
    }
  });

  it('after the server forgot the epoch, the renumbered events apply once, in order', async () => {
    const registry = testRegistry();
    const [stockId] = await seedSmallWarehouse(t.db, registry, systemClock, 1);
    const server = await startTestServer(t.db, {
      registry,
      rateLimit: { burst: 1e9, perSecond: 1e9 },
    });
    try {
      const { device, token, epoch } = await createDevice(t.db, 'station', systemClock);
      const client = new TestDevice([server.url], token, device.id, epoch, seededRng(3));
      const first = Array.from({ length: 30 }, () =>
        client.newEvent('test.stock-adjusted', { stockId, delta: 1 }),
      );
      await client.pushAll(first, { batch: 10, maxRequests: 100 });

      // Restored from a backup taken before this epoch was issued: the server does not know it.
      await t.db.query('DELETE FROM device_epochs WHERE epoch = $1', [epoch]);
      // The last ten were applied, but their answers were lost: the device still holds them.
      const again = [
        ...first.slice(20),
        ...Array.from({ length: 20 }, (_, i) =>
          client.newEvent('test.stock-adjusted', { stockId, delta: 100 + i }),
        ),
      ];
      for (const e of first.slice(20)) client.answers.delete(e.id);
      await client.pushAll(again, { batch: 7, maxRequests: 100 });

      expect(client.epochsIssued).toBe(1);
      expect(again.every((e) => wasAccepted(client.answers.get(e.id)))).toBe(true);
      expect(first.slice(20).every((e) => client.answers.get(e.id)?.status === 'duplicate')).toBe(
        true,
      );
      const rows = await t.db.query<{ on_hand: number }>(
        'SELECT on_hand FROM stock WHERE id = $1',
        [stockId],
      );
      expect(rows[0]!.on_hand).toBe(
        1000 + 30 + [...Array(20).keys()].reduce((s, i) => s + 100 + i, 0),
      );
      // In order: the new events hold seq 11..30 of the new epoch, in the order they were made.
      const seqs = await t.db.query<{ id: string; seq: number }>(
        "SELECT id, seq FROM events WHERE epoch <> $1 AND type = 'test.stock-adjusted' ORDER BY seq",
        [epoch],
      );
      expect(seqs.map((r) => r.id)).toEqual(again.slice(10).map((e) => e.id));
      expect(seqs.map((r) => r.seq)).toEqual([...Array(20).keys()].map((i) => i + 11));
    } finally {
      await server.close();
    }
  });
});
