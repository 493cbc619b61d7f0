// The dock's events exactly once: removals, returns to stock and shipments (whole and partial)
// pushed through drops, lost answers, 5xx, cut bodies, duplicates and gaps, and a server replaced
// half-way by one the device resends everything to. And the customer's partial cancellation
// through the admin API, with the shipment that names the cancelled unit refused over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevice } from '../../../server/auth/devices';
import { manualClock, systemClock } from '../../../server/clock';
import { replayLog } from '../../../server/events/replay';
import { recordServerEvent } from '../../../server/events/server-events';
import { seededRng } from '../../../shared/random';
import { snapshotState } from '../../fixtures/compare-state';
import { TestDevice, wasAccepted, type DeviceEvent } from '../../fixtures/push-client';
import { availableDbKinds, openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';
import { OPERATORS, seedWorld, worldDevice } from '../../fixtures/world';

const kinds = await availableDbKinds();
const NO_LIMIT = { burst: 1e9, perSecond: 1e9 };
const ADMIN = 'test-admin-token-0123456789abcdef';
const ORDERS = 8;
const RECEIVED = 200;
const FAULTS = {
  dropRate: 0.1,
  errorRate: 0.1,
  delayMs: 50,
  truncateRate: 0.1,
  loseResponseRate: 0.15,
};

describe.each(kinds)('the dock exactly once on %s', (kind) => {
  let t: TestDatabase;
  let calm: TestServer;
  const registry = testRegistry();
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    calm = await startTestServer(t.db, { registry, rateLimit: NO_LIMIT, adminToken: ADMIN });
  });
  afterAll(async () => {
    await calm?.close();
    await t?.dispose();
  });

  it('applies each removal, return and shipment once, partial cancellations leave the right buckets, and the log replays to the same state', async () => {
    await seedWorld(t.db, registry, systemClock);
    const oms = async (type: string, payload: unknown) =>
      expect(await recordServerEvent(t.db, registry, systemClock, type, payload)).toEqual({
        ok: true,
      });
    await oms('oms.stock-received', {
      receipts: [{ locationId: 'L5', skuId: 'S2', qty: RECEIVED }],
    });
    const orders = Array.from({ length: ORDERS }, (_, o) => `D-${o}`);
    await oms('oms.backorder-lines-added', {
      lines: orders.flatMap((orderId) =>
        [1, 2].map((lineNo) => ({
          id: `${orderId}/${lineNo}`,
          orderId,
          lineNo,
          skuId: 'S2',
          customerId: 'C2',
          customerTier: 2,
          orderedAt: '2026-11-20T10:00:00Z',
          promisedBy: '2026-11-30T10:00:00Z',
          shipComplete: false,
          carrier: 'UPS',
          cutoffAt: null,
          qtyOrdered: 5,
          qtyBackordered: 5,
        })),
      ),
    });

    // Every line allocated, picked whole (5 each) and dropped at the pack station.
    const floor = await worldDevice(t.db, systemClock, calm.url);
    const accepted = async (operator: string, type: string, payload: unknown) =>
      expect(await floor.push(operator, type, payload), type).toMatchObject({ status: 'accepted' });
    const lineIds = orders.flatMap((o) => [`${o}/1`, `${o}/2`]);
    await accepted(OPERATORS.lead, 'wave.released', {
      waveId: 'W',
      name: 'Dock',
      allocation: lineIds.map((id) => ({
        backorderLineId: id,
        reservations: [{ locationId: 'L5', qty: 5 }],
      })),
      tours: [
        {
          tourId: 'T',
          sequence: 0,
          routeLengthM: 10,
          tasks: lineIds.map((id, i) => ({
            pickTaskId: `K-${id}`,
            backorderLineId: id,
            locationId: 'L5',
            qty: 5,
            sequence: i,
            toteSlot: Math.floor(i / 2),
          })),
        },
      ],
    });
    await accepted(OPERATORS.picker, 'tour.claimed', { tourId: 'T' });
    for (const [slot, orderId] of orders.entries())
      await accepted(OPERATORS.picker, 'tote.assigned', {
        tourId: 'T',
        toteCode: `TOTE-${orderId}`,
        slot,
        orderId,
      });
    for (const id of lineIds)
      await accepted(OPERATORS.picker, 'pick.confirmed', {
        pickTaskId: `K-${id}`,
        qty: 5,
        toteCode: `TOTE-${id.split('/')[0]}`,
      });
    await accepted(OPERATORS.picker, 'tour.completed', { tourId: 'T' });
    await accepted(OPERATORS.picker, 'totes.dropped', { tourId: 'T', packStation: 'P1' });

    // The customer cancels 1 of each line 2, picked already: through the admin API, with qty.
    for (const orderId of orders) {
      const res = await fetch(
        `${calm.url}/api/v1/admin/lines/${encodeURIComponent(`${orderId}/2`)}/cancel`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ reason: 'customer called', qty: 1 }),
        },
      );
      expect(res.status).toBe(200);
    }
    const [cancelled] = await t.db.query<Record<string, number | string>>(
      `SELECT status, qty_allocated, qty_picked, qty_shipped, qty_cancelled
         FROM backorder_lines WHERE id = 'D-0/2'`,
    );
    expect(cancelled).toEqual({
      status: 'picked',
      qty_allocated: 4,
      qty_picked: 4,
      qty_shipped: 0,
      qty_cancelled: 1,
    });
    const instructions = await t.db.query<{
      id: string;
      backorder_line_id: string;
      location_id: string;
      sku_id: string;
      qty: number;
      status: string;
    }>('SELECT * FROM return_instructions ORDER BY backorder_line_id');
    expect(
      instructions.map((r) => [r.backorder_line_id, r.location_id, r.sku_id, r.qty, r.status]),
    ).toEqual(orders.map((o) => [`${o}/2`, 'L5', 'S2', 1, 'open']));

    // Shipping the cancelled unit is refused over HTTP with the reason, and changes nothing.
    expect(
      await floor.push(OPERATORS.packer, 'shipment.confirmed', {
        shipmentId: 'SH-too-many',
        orderId: 'D-0',
        lines: [{ backorderLineId: 'D-0/2', qty: 5 }],
        carrier: 'UPS',
        service: 'ground',
        trackingNumber: '1ZTOOMANY',
        weightKg: 2,
        parcels: 1,
      }),
    ).toMatchObject({
      status: 'rejected',
      code: 'line-cancelled',
      message:
        'The customer cancelled 1 of line 2 of order D-0; only 4 can ship. Return the rest to stock.',
    });

    // The packer's events: per order, a damaged unit of line 1 taken out, the cancelled unit of
    // line 2 returned to L5, then two shipments (part of line 1, then the rest of both).
    const station = await createDevice(t.db, 'pack station', systemClock);
    const device = (url: string, seed: number) =>
      new TestDevice([url], station.token, station.device.id, station.epoch, seededRng(seed));
    const maker = device(calm.url, 1);
    const ship = (shipmentId: string, orderId: string, lines: [string, number][]) =>
      maker.newEvent(
        'shipment.confirmed',
        {
          shipmentId,
          orderId,
          lines: lines.map(([backorderLineId, qty]) => ({ backorderLineId, qty })),
          carrier: 'UPS',
          service: 'ground',
          trackingNumber: `1Z${shipmentId}`,
          weightKg: 2.5,
          parcels: 1,
        },
        OPERATORS.packer,
      );
    const events: DeviceEvent[] = orders.flatMap((o) => [
      maker.newEvent(
        'shipment-item.removed',
        { backorderLineId: `${o}/1`, qty: 1, reason: 'damaged' },
        OPERATORS.packer,
      ),
      maker.newEvent(
        'stock.returned',
        {
          locationId: 'L5',
          skuId: 'S2',
          qty: 1,
          returnInstructionId: instructions.find((r) => r.backorder_line_id === `${o}/2`)!.id,
        },
        OPERATORS.packer,
      ),
      ship(`SH-${o}-a`, o, [[`${o}/1`, 2]]),
      ship(`SH-${o}-b`, o, [
        [`${o}/1`, 2],
        [`${o}/2`, 4],
      ]),
    ]);

    // Half the events through one faulty server; it goes away, and the device, its answers lost,
    // sends every event again through another.
    const first = await startTestServer(t.db, {
      registry,
      clock: manualClock(),
      rateLimit: NO_LIMIT,
      faults: { seed: 31, ...FAULTS },
    });
    const before = device(first.url, 32);
    try {
      await before.pushAll(events.slice(0, events.length / 2), {
        batch: 3,
        chaos: { duplicateRate: 0.5, gapRate: 0.2 },
        maxRequests: 2000,
      });
    } finally {
      await first.close();
    }
    const second = await startTestServer(t.db, {
      registry,
      clock: manualClock(),
      rateLimit: NO_LIMIT,
      faults: { seed: 33, ...FAULTS },
    });
    const after = device(second.url, 34);
    try {
      await after.pushAll(events, {
        batch: 3,
        chaos: { duplicateRate: 0.5, gapRate: 0.2 },
        maxRequests: 4000,
      });
    } finally {
      await second.close();
    }
    expect(
      events
        .filter((e) => !wasAccepted(after.answers.get(e.id)))
        .map((e) => [e.type, after.answers.get(e.id)]),
    ).toEqual([]);
    // The first half came back as duplicates of what was accepted before the switch.
    expect(
      events
        .slice(0, events.length / 2)
        .every((e) => after.answers.get(e.id)?.status === 'duplicate'),
    ).toBe(true);
    // Faults really happened: more requests than a calm network needs.
    expect(before.requests + after.requests).toBeGreaterThan(
      Math.ceil(events.length / 3) + Math.ceil(events.length / 6),
    );

    // Each event once in the log, each shipment once, and the buckets add up.
    const counts = await t.db.query<{ type: string; n: number }>(
      `SELECT type, count(*)::int AS n FROM events
        WHERE status = 'accepted' AND type IN ('shipment.confirmed', 'shipment-item.removed', 'stock.returned')
        GROUP BY type ORDER BY type`,
    );
    expect(counts).toEqual([
      { type: 'shipment-item.removed', n: ORDERS },
      { type: 'shipment.confirmed', n: ORDERS * 2 },
      { type: 'stock.returned', n: ORDERS },
    ]);
    const shipments = await t.db.query<{
      id: string;
      lines: { backorderLineId: string; qty: number }[];
    }>('SELECT id, lines FROM shipments ORDER BY id');
    expect(shipments.map((s) => [s.id, s.lines.map((l) => [l.backorderLineId, l.qty])])).toEqual(
      orders.flatMap((o) => [
        [`SH-${o}-a`, [[`${o}/1`, 2]]],
        [
          `SH-${o}-b`,
          [
            [`${o}/1`, 2],
            [`${o}/2`, 4],
          ],
        ],
      ]),
    );
    const lines = await t.db.query<Record<string, number | string>>(
      `SELECT id, status, qty_allocated, qty_picked, qty_shipped, qty_cancelled
         FROM backorder_lines WHERE id = ANY($1) ORDER BY id`,
      [lineIds],
    );
    expect(lines).toEqual(
      orders.flatMap((o) => [
        // One unit taken out damaged: owed again, open for the planner.
        {
          id: `${o}/1`,
          status: 'open',
          qty_allocated: 4,
          qty_picked: 4,
          qty_shipped: 4,
          qty_cancelled: 0,
        },
        {
          id: `${o}/2`,
          status: 'shipped',
          qty_allocated: 4,
          qty_picked: 4,
          qty_shipped: 4,
          qty_cancelled: 1,
        },
      ]),
    );
    expect(await t.db.query('SELECT DISTINCT status FROM return_instructions')).toEqual([
      { status: 'done' },
    ]);
    const [stock] = await t.db.query<{ on_hand: number; reserved: number }>(
      "SELECT on_hand, reserved FROM stock WHERE id = 'L5|S2'",
    );
    // 80 picked out; the 8 cancelled units came back once each.
    expect(stock).toEqual({ on_hand: RECEIVED - ORDERS * 10 + ORDERS, reserved: 0 });

    const replica = await t.openSchema('replaydock');
    await replayLog(t.db, replica, registry);
    expect(await snapshotState(replica)).toEqual(await snapshotState(t.db));
  }, 240_000);
});
