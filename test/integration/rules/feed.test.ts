// The outbound feed for an OMS connector: accepted events in stream order, each with the orders
// it changed and where they stand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock';
import { FeedPageSchema, type FeedPage } from '../../../shared/sync-api/feed';
import { openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';
import { MORNING_WAVE, OPERATORS, seedWorld, worldDevice } from '../../fixtures/world';

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
        lines: [
          {
            id: 'SO-3/1',
            status: 'held',
            qtyBackordered: 5,
            qtyShipped: 0,
            qtyCancelled: 0,
            owed: 5,
            shipments: [],
            backorderSeconds: null,
          },
        ],
        expectedShipDate: null,
        owed: 5,
        lastShippedAt: null,
        backorderSeconds: null,
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

  it('tells the OMS each shipment, return and refused cancellation once, with what each order still owes and how long it waited', async () => {
    await t.reset();
    await seedWorld(t.db, registry, systemClock);
    const device = await worldDevice(t.db, systemClock, server.url);
    const admin = (path: string, body: unknown) =>
      fetch(`${server.url}/api/v1/admin${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const accepted = async (operator: string, type: string, payload: unknown) =>
      expect(await device.push(operator, type, payload)).toMatchObject({ status: 'accepted' });
    const ship = (shipmentId: string, lines: { backorderLineId: string; qty: number }[]) =>
      accepted(OPERATORS.packer, 'shipment.confirmed', {
        shipmentId,
        orderId: 'SO-1',
        lines,
        carrier: 'UPS',
        service: 'ground',
        trackingNumber: `1Z-${shipmentId}`,
        weightKg: 3.25,
        parcels: 1,
      });

    // SO-1 is picked whole (6 of SO-1/1, 3 of SO-1/2) and ships in two parts.
    await accepted(OPERATORS.lead, 'wave.released', MORNING_WAVE);
    await accepted(OPERATORS.picker, 'tour.claimed', { tourId: 'T1' });
    await accepted(OPERATORS.picker, 'tote.assigned', {
      tourId: 'T1',
      toteCode: 'TOTE-1',
      slot: 0,
      orderId: 'SO-1',
    });
    await accepted(OPERATORS.picker, 'pick.confirmed', {
      pickTaskId: 'K1',
      qty: 6,
      toteCode: 'TOTE-1',
    });
    await accepted(OPERATORS.picker, 'pick.confirmed', {
      pickTaskId: 'K2',
      qty: 3,
      toteCode: 'TOTE-1',
    });
    await ship('SH-A', [{ backorderLineId: 'SO-1/1', qty: 4 }]);
    // The customer takes 1 of SO-1/2 off (picked: it goes back to L3), and 2 of the open SO-3/1.
    expect((await admin('/lines/SO-1%2F2/cancel', { reason: 'customer', qty: 1 })).status).toBe(
      200,
    );
    expect((await admin('/lines/SO-3%2F1/cancel', { reason: 'customer', qty: 2 })).status).toBe(
      200,
    );
    const [instruction] = await t.db.query<{ id: string }>('SELECT id FROM return_instructions');
    await accepted(OPERATORS.packer, 'stock.returned', {
      locationId: 'L3',
      skuId: 'S2',
      qty: 1,
      returnInstructionId: instruction!.id,
    });
    await ship('SH-B', [
      { backorderLineId: 'SO-1/1', qty: 2 },
      { backorderLineId: 'SO-1/2', qty: 2 },
    ]);
    // Too late: SO-1/1 has shipped. The answer says so, and so does the feed.
    const late = await admin('/lines/SO-1%2F1/cancel', { reason: 'customer' });
    expect(late.status).toBe(422);
    expect(await late.json()).toMatchObject({ error: 'line-shipped' });

    const all: FeedPage['events'] = [];
    let after: string | undefined;
    for (let i = 0; i < 40; i++) {
      const res = await fetch(
        `${server.url}/api/v1/admin/events?limit=2${after ? `&after=${after}` : ''}`,
        { headers: { authorization: `Bearer ${ADMIN}` } },
      );
      const page = FeedPageSchema.parse(await res.json());
      all.push(...page.events);
      after = page.checkpoint;
      if (!page.hasMore) break;
    }
    // Each accepted event once across pages, and in the log's order.
    const ids = all.map((e) => e.event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.map((e) => e.event.type).slice(4)).toEqual([
      'wave.released',
      'tour.claimed',
      'tote.assigned',
      'pick.confirmed',
      'pick.confirmed',
      'shipment.confirmed',
      'oms.backorder-line-cancelled',
      'oms.backorder-line-cancelled',
      'stock.returned',
      'shipment.confirmed',
      'oms.cancellation-refused',
    ]);
    const [first, second] = all.filter((e) => e.event.type === 'shipment.confirmed');

    // The first shipment: its row, and SO-1 still owing 2 of line 1 and 3 of line 2.
    expect(first!.shipment).toMatchObject({
      id: 'SH-A',
      orderId: 'SO-1',
      carrier: 'UPS',
      service: 'ground',
      trackingNumber: '1Z-SH-A',
      weightKg: 3.25,
      parcels: 1,
      shippedBy: OPERATORS.packer,
      lines: [{ backorderLineId: 'SO-1/1', qty: 4, backorderSeconds: expect.any(Number) }],
    });
    const shA = first!.shipment!;
    expect(shA.lines[0]!.backorderSeconds).toBe(
      Math.round((Date.parse(shA.shippedAt) - Date.parse('2026-11-20T10:00:00.000Z')) / 1000),
    );

    // The partial cancellations, with their orders as they stand when the feed is read: SO-1/2
    // cancelled 1 (its 2 others shipped since), SO-3/1 cancelled 2 and still owes 3.
    const cancels = all.filter((e) => e.event.type === 'oms.backorder-line-cancelled');
    expect(cancels[0]!.orders).toHaveLength(1);
    expect(cancels[0]!.orders[0]!.lines.find((l) => l.id === 'SO-1/2')).toMatchObject({
      qtyBackordered: 3,
      qtyCancelled: 1,
      qtyShipped: 2,
      owed: 0,
    });
    expect(cancels[1]!.orders).toEqual([
      {
        orderId: 'SO-3',
        status: 'open',
        lines: [
          {
            id: 'SO-3/1',
            status: 'open',
            qtyBackordered: 5,
            qtyShipped: 0,
            qtyCancelled: 2,
            owed: 3,
            shipments: [],
            backorderSeconds: null,
          },
        ],
        expectedShipDate: null,
        owed: 3,
        lastShippedAt: null,
        backorderSeconds: null,
      },
    ]);
    const returned = all.find((e) => e.event.type === 'stock.returned')!;
    expect(returned.returnInstruction).toEqual({
      id: instruction!.id,
      backorderLineId: 'SO-1/2',
      orderId: 'SO-1',
      locationId: 'L3',
      skuId: 'S2',
      qty: 1,
      status: 'done',
    });
    expect(returned.orders.map((o) => o.orderId)).toEqual(['SO-1']);

    // The rest ships: SO-1 owes nothing, and its backorder lasted from the order to SH-B.
    expect(second!.shipment).toMatchObject({ id: 'SH-B', trackingNumber: '1Z-SH-B' });
    const shB = second!.shipment!;
    const so1 = second!.orders.find((o) => o.orderId === 'SO-1')!;
    expect(so1).toMatchObject({ status: 'shipped', owed: 0, lastShippedAt: shB.shippedAt });
    expect(so1.backorderSeconds).toBe(
      Math.round((Date.parse(shB.shippedAt) - Date.parse('2026-11-20T10:00:00.000Z')) / 1000),
    );
    expect(so1.lines).toEqual([
      {
        id: 'SO-1/1',
        status: 'shipped',
        qtyBackordered: 6,
        qtyShipped: 6,
        qtyCancelled: 0,
        owed: 0,
        shipments: [
          { shipmentId: 'SH-A', qty: 4, backorderSeconds: shA.lines[0]!.backorderSeconds },
          { shipmentId: 'SH-B', qty: 2, backorderSeconds: shB.lines[0]!.backorderSeconds },
        ],
        backorderSeconds: shB.lines[0]!.backorderSeconds,
      },
      {
        id: 'SO-1/2',
        status: 'shipped',
        qtyBackordered: 3,
        qtyShipped: 2,
        qtyCancelled: 1,
        owed: 0,
        shipments: [
          { shipmentId: 'SH-B', qty: 2, backorderSeconds: shB.lines[1]!.backorderSeconds },
        ],
        backorderSeconds: shB.lines[1]!.backorderSeconds,
      },
    ]);

    // The refused cancellation names the line and why, with its order as it stands.
    const refused = all.at(-1)!;
    expect(refused.event.payload).toEqual({
      backorderLineId: 'SO-1/1',
      reason: 'Line 1 of order SO-1 has shipped (6); it cannot be cancelled.',
    });
    expect(refused.orders.map((o) => [o.orderId, o.status, o.owed])).toEqual([
      ['SO-1', 'shipped', 0],
    ]);
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
