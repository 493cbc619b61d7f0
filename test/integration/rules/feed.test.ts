// The outbound feed for an OMS connector: accepted events in stream order, each with the orders
// it changed and where they stand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock';
import { FeedPageSchema, type FeedPage } from '../../../shared/sync-api/feed';
import { openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';
import { OPERATORS, seedWorld, worldDevice } from '../../fixtures/world';

const ADMIN = 'test-admin-token-0123456789abcdef';

describe('GET /api/v1/admin/events', () => {
  let t: TestDatabase;
  let server: TestServer;
  const registry = testRegistry();

  beforeAll(async () => {
    t = await openTestDatabase('embedded');
    server = await startTestServer(t.db, {
      registry,
      adminToken: ADMIN,
      rateLimit: { burst: 1e9, perSecond: 1e9 },
    });
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });

  it('gives every accepted event once, in pages, with its orders, status and expected ship date', async () => {
    await seedWorld(t.db, registry, systemClock);
    const device = await worldDevice(t.db, systemClock, server.url);
    await device.push(OPERATORS.lead, 'backorder-line.held', {
      backorderLineId: 'SO-3/1',
      reason: 'credit',
    });
    await device.push(OPERATORS.lead, 'tour.claimed', { tourId: 'nope' }); // rejected: not in the feed
    await device.push(OPERATORS.lead, 'wave.released', {
      waveId: 'W1',
      name: 'AM',
      allocation: [{ backorderLineId: 'SO-1/1', reservations: [{ locationId: 'L1', qty: 6 }] }],
      tours: [
        {
          tourId: 'T1',
          sequence: 0,
          routeLengthM: 9,
          tasks: [
            {
              pickTaskId: 'K1',
              backorderLineId: 'SO-1/1',
              locationId: 'L1',
              qty: 6,
              sequence: 0,
              toteSlot: 0,
            },
          ],
        },
      ],
    });

    const read = async (after?: string): Promise<FeedPage> => {
      const res = await fetch(
        `${server.url}/api/v1/admin/events?limit=2${after ? `&after=${after}` : ''}`,
        { headers: { authorization: `Bearer ${ADMIN}` } },
      );
      expect(res.status).toBe(200);
      return FeedPageSchema.parse(await res.json());
    };
    const all: FeedPage['events'] = [];
    let after: string | undefined;
    for (let i = 0; i < 20; i++) {
      const page = await read(after);
      all.push(...page.events);
      after = page.checkpoint;
      if (!page.hasMore) break;
    }
    expect(all.map((e) => e.event.type)).toEqual([
      'oms.layout-defined',
      'oms.skus-defined',
      'oms.stock-received',
      // The operator list carries PIN records: it stays out of the change stream (migration 006).
      'oms.backorder-lines-added',
      'backorder-line.held',
      'wave.released',
    ]);
    const held = all.find((e) => e.event.type === 'backorder-line.held')!;
    expect(held.orders).toEqual([
      {
        orderId: 'SO-3',
        status: 'held',
        lines: [{ id: 'SO-3/1', status: 'held', qtyBackordered: 5, qtyShipped: 0 }],
        expectedShipDate: null,
      },
    ]);
    const wave = all.find((e) => e.event.type === 'wave.released')!;
    expect(wave.orders).toHaveLength(1);
    expect(wave.orders[0]).toMatchObject({ orderId: 'SO-1', status: 'open' });
    expect(wave.orders[0]!.lines.find((l) => l.id === 'SO-1/1')).toMatchObject({
      status: 'in_wave',
    });
    const tomorrow = new Date(Date.parse(wave.event.receivedAt) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(wave.orders[0]!.expectedShipDate).toBe(tomorrow);
    expect((await read(after)).events).toEqual([]);
  });

  it('needs the admin token, not a device token', async () => {
    const device = await worldDevice(t.db, systemClock, server.url);
    expect((await fetch(`${server.url}/api/v1/admin/events`)).status).toBe(401);
    const res = await fetch(`${server.url}/api/v1/admin/events`, {
      headers: { authorization: `Bearer ${device.token}` },
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'admin-token-required' });
  });
});
