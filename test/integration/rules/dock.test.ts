// The packer's events and the OMS side, over real HTTP, on the embedded store and PostgreSQL 15.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock';
import { recordServerEvent } from '../../../server/events/server-events';
import { availableDbKinds, openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';
import { OPERATORS, rowOf, seedWorld, worldDevice } from '../../fixtures/world';

const kinds = await availableDbKinds();
const NO_LIMIT = { burst: 1e9, perSecond: 1e9 };

describe.each(kinds)('dock and OMS rules on %s', (kind) => {
  let t: TestDatabase;
  let server: TestServer;
  let device: Awaited<ReturnType<typeof worldDevice>>;
  const registry = testRegistry();

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    server = await startTestServer(t.db, { registry, rateLimit: NO_LIMIT });
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });

  const line = (id: string) =>
    rowOf<{
      status: string;
      qty_allocated: number;
      qty_picked: number;
      qty_shipped: number;
      qty_backordered: number;
    }>(t.db, 'backorder_lines', id);
  const stock = (id: string) => rowOf<{ on_hand: number; reserved: number }>(t.db, 'stock', id);
  const oms = (type: string, payload: unknown) =>
    recordServerEvent(t.db, registry, systemClock, type, payload);
  const ship = (
    orderId: string,
    lines: { backorderLineId: string; qty: number }[],
    shipmentId = `SH-${orderId}-${lines.length}-${Math.random()}`,
  ) =>
    device.push(OPERATORS.packer, 'shipment.confirmed', {
      shipmentId,
      orderId,
      lines,
      carrier: 'DHL',
      service: 'express',
      trackingNumber: 'JD0001',
      weightKg: 2.5,
      parcels: 1,
    });

  // Picks everything on the given tasks through a one-tour wave with one tote per order.
  const pickAll = async (
    waveId: string,
    tasks: { line: string; order: string; loc: string; qty: number; pick?: number }[],
  ) => {
    const orders = [...new Set(tasks.map((x) => x.order))];
    const released = await device.push(OPERATORS.lead, 'wave.released', {
      waveId,
      name: waveId,
      allocation: tasks.map((x) => ({
        backorderLineId: x.line,
        reservations: [{ locationId: x.loc, qty: x.qty }],
      })),
      tours: [
        {
          tourId: `${waveId}-T`,
          sequence: 0,
          routeLengthM: 10,
          tasks: tasks.map((x, i) => ({
            pickTaskId: `${waveId}-K${i}`,
            backorderLineId: x.line,
            locationId: x.loc,
            qty: x.qty,
            sequence: i,
            toteSlot: orders.indexOf(x.order),
          })),
        },
      ],
    });
    expect(released.status).toBe('accepted');
    await device.push(OPERATORS.picker, 'tour.claimed', { tourId: `${waveId}-T` });
    for (const [slot, orderId] of orders.entries()) {
      await device.push(OPERATORS.picker, 'tote.assigned', {
        tourId: `${waveId}-T`,
        toteCode: `${waveId}-${orderId}`,
        slot,
        orderId,
      });
    }
    for (const [i, x] of tasks.entries()) {
      const qty = x.pick ?? x.qty;
      if (qty > 0) {
        expect(
          await device.push(OPERATORS.picker, 'pick.confirmed', {
            pickTaskId: `${waveId}-K${i}`,
            qty,
            toteCode: `${waveId}-${x.order}`,
          }),
        ).toMatchObject({ status: 'accepted' });
      }
    }
  };

  beforeEach(async () => {
    await t.reset();
    await seedWorld(t.db, registry, systemClock);
    device = await worldDevice(t.db, systemClock, server.url);
  });

  it('ships only picked quantities, and the unshipped rest of an order stays backordered', async () => {
    await pickAll('W1', [{ line: 'SO-1/1', order: 'SO-1', loc: 'L1', qty: 4 }]);
    expect(await ship('SO-1', [{ backorderLineId: 'SO-1/1', qty: 5 }])).toMatchObject({
      code: 'not-picked',
      message: 'Line 1 of order SO-1 has 4 picked and not shipped; 5 cannot ship.',
    });
    // A UPS number whose check digit is wrong (…784 is UPS's published sample) ships nothing.
    expect(
      await device.push(OPERATORS.packer, 'shipment.confirmed', {
        shipmentId: 'SH-bad',
        orderId: 'SO-1',
        lines: [{ backorderLineId: 'SO-1/1', qty: 4 }],
        carrier: 'ups',
        service: 'Ground',
        trackingNumber: '1Z999AA10123456785',
        weightKg: 2.5,
        parcels: 1,
      }),
    ).toMatchObject({
      code: 'bad-tracking-number',
      message: expect.stringContaining('check digit'),
    });
    expect(await line('SO-1/1')).toMatchObject({ qty_shipped: 0 });
    expect(await ship('SO-1', [{ backorderLineId: 'SO-1/1', qty: 4 }], 'SH-1')).toMatchObject({
      status: 'accepted',
    });
    expect(await line('SO-1/1')).toMatchObject({
      qty_shipped: 4,
      qty_backordered: 6,
      status: 'open',
    });
    const shipment = await rowOf<{
      lines: { backorderLineId: string; qty: number; backorderSeconds: number }[];
    }>(t.db, 'shipments', 'SH-1');
    expect(shipment.lines[0]).toMatchObject({ backorderLineId: 'SO-1/1', qty: 4 });
    expect(shipment.lines[0]!.backorderSeconds).toBeGreaterThan(86_400);
    expect(await ship('SO-1', [{ backorderLineId: 'SO-1/1', qty: 1 }], 'SH-1')).toMatchObject({
      code: 'shipment-exists',
    });
    expect(await ship('SO-2', [{ backorderLineId: 'SO-1/1', qty: 1 }])).toMatchObject({
      code: 'line-not-in-order',
    });
  });

  it('ships a ship-complete order whole or not at all', async () => {
    await pickAll('W1', [
      { line: 'SO-2/1', order: 'SO-2', loc: 'L1', qty: 4 },
      { line: 'SO-2/2', order: 'SO-2', loc: 'L4', qty: 2 },
    ]);
    expect(await ship('SO-2', [{ backorderLineId: 'SO-2/1', qty: 4 }])).toMatchObject({
      code: 'ship-complete-incomplete',
      message: 'Order SO-2 ships complete, and line 2 of order SO-2 is not all here.',
    });
    expect(
      await ship('SO-2', [
        { backorderLineId: 'SO-2/1', qty: 4 },
        { backorderLineId: 'SO-2/2', qty: 2 },
      ]),
    ).toMatchObject({ status: 'accepted' });
    expect(await line('SO-2/1')).toMatchObject({ status: 'shipped' });
    expect(await line('SO-2/2')).toMatchObject({ status: 'shipped' });
  });

  it('takes a damaged item out of a shipment, back to the backorder', async () => {
    await pickAll('W1', [{ line: 'SO-1/1', order: 'SO-1', loc: 'L1', qty: 6 }]);
    expect(
      await device.push(OPERATORS.packer, 'shipment-item.removed', {
        backorderLineId: 'SO-1/1',
        qty: 7,
        reason: 'damaged',
      }),
    ).toMatchObject({ code: 'not-picked' });
    expect(
      await device.push(OPERATORS.packer, 'shipment-item.removed', {
        backorderLineId: 'SO-1/1',
        qty: 1,
        reason: 'damaged',
      }),
    ).toMatchObject({ status: 'accepted' });
    expect(await line('SO-1/1')).toMatchObject({ qty_picked: 5, qty_allocated: 5 });
    expect(await ship('SO-1', [{ backorderLineId: 'SO-1/1', qty: 5 }])).toMatchObject({
      status: 'accepted',
    });
    expect(await line('SO-1/1')).toMatchObject({ qty_shipped: 5, status: 'open' });
  });

  it('a customer cancellation releases reservations, drops unpicked tasks and says where picked stock goes back', async () => {
    await pickAll('W1', [
      { line: 'SO-1/1', order: 'SO-1', loc: 'L1', qty: 6, pick: 2 },
      { line: 'SO-1/2', order: 'SO-1', loc: 'L3', qty: 3, pick: 0 },
    ]);
    const cancelled = await oms('oms.backorder-line-cancelled', {
      backorderLineId: 'SO-1/1',
      reason: 'customer changed mind',
    });
    expect(cancelled).toEqual({ ok: true });
    // All 6 cancelled: the 4 not picked leave the task (done with its 2), the 2 picked go back.
    expect(await line('SO-1/1')).toMatchObject({
      status: 'cancelled',
      qty_cancelled: 6,
      qty_allocated: 0,
      qty_picked: 0,
    });
    expect(await stock('L1|S1')).toMatchObject({ on_hand: 8, reserved: 0 });
    expect(await rowOf(t.db, 'pick_tasks', 'W1-K0')).toMatchObject({
      status: 'picked',
      qty: 2,
      picked_qty: 2,
    });
    const [instruction] = await t.db.query<{
      id: string;
      location_id: string;
      qty: number;
      status: string;
    }>('SELECT * FROM return_instructions');
    expect(instruction).toMatchObject({ location_id: 'L1', qty: 2, status: 'open' });
    expect(await ship('SO-1', [{ backorderLineId: 'SO-1/1', qty: 2 }])).toMatchObject({
      code: 'line-cancelled',
      message:
        'The customer cancelled line 1 of order SO-1; take it out of the shipment and return it to stock.',
    });
    expect(
      await device.push(OPERATORS.packer, 'stock.returned', {
        locationId: 'L2',
        skuId: 'S1',
        qty: 2,
        returnInstructionId: instruction!.id,
      }),
    ).toMatchObject({ code: 'unknown-instruction' });
    expect(
      await device.push(OPERATORS.packer, 'stock.returned', {
        locationId: 'L1',
        skuId: 'S1',
        qty: 2,
        returnInstructionId: instruction!.id,
      }),
    ).toMatchObject({ status: 'accepted' });
    expect(await stock('L1|S1')).toMatchObject({ on_hand: 10 });
    expect(
      await oms('oms.backorder-line-cancelled', { backorderLineId: 'SO-1/1', reason: 'again' }),
    ).toMatchObject({ ok: false, code: 'line-cancelled' });
  });

  it('records expected receipts, and refuses receipts for unknown SKUs or locations', async () => {
    expect(
      await oms('oms.expected-receipt-recorded', {
        id: 'ER-1',
        skuId: 'S2',
        qty: 40,
        expectedAt: '2026-12-01T08:00:00Z',
      }),
    ).toEqual({ ok: true });
    expect(await rowOf(t.db, 'expected_receipts', 'ER-1')).toMatchObject({ sku_id: 'S2', qty: 40 });
    expect(
      await oms('oms.expected-receipt-recorded', {
        id: 'ER-2',
        skuId: 'S9',
        qty: 1,
        expectedAt: '2026-12-01T08:00:00Z',
      }),
    ).toMatchObject({ code: 'unknown-sku' });
    expect(
      await oms('oms.stock-received', { receipts: [{ locationId: 'L9', skuId: 'S1', qty: 1 }] }),
    ).toMatchObject({ code: 'unknown-location-or-sku' });
    expect(
      await oms('oms.stock-received', { receipts: [{ locationId: 'L5', skuId: 'S1', qty: 7 }] }),
    ).toEqual({ ok: true });
    expect(await stock('L5|S1')).toMatchObject({ on_hand: 7, reserved: 0 });
  });
});
