// Exactly once with real work: 400 single-unit picks and their shipments, whose second
// application would move stock twice, pushed through drops, lost answers, 5xx, cut bodies,
// duplicates and gaps.
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
import { startTestServer } from '../../fixtures/test-server';
import { OPERATORS, seedWorld, worldDevice } from '../../fixtures/world';

const kinds = await availableDbKinds();
const NO_LIMIT = { burst: 1e9, perSecond: 1e9 };
const ORDERS = 5;
const UNITS = 80;

describe.each(kinds)('exactly once with picks and shipments on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(() => t?.dispose());

  it('moves stock once per pick and ships once per shipment, and the log replays to the same state', async () => {
    const registry = testRegistry();
    await seedWorld(t.db, registry, systemClock);
    const oms = (type: string, payload: unknown) =>
      recordServerEvent(t.db, registry, systemClock, type, payload);
    await oms('oms.stock-received', {
      receipts: [{ locationId: 'L5', skuId: 'S2', qty: ORDERS * UNITS + 10 }],
    });
    const lineIds = Array.from({ length: ORDERS }, (_, i) => `BIG-${i}/1`);
    await oms('oms.backorder-lines-added', {
      lines: lineIds.map((id, i) => ({
        id,
        orderId: `BIG-${i}`,
        lineNo: 1,
        skuId: 'S2',
        customerId: 'C2',
        customerTier: 2,
        orderedAt: '2026-11-20T10:00:00Z',
        promisedBy: '2026-11-30T10:00:00Z',
        shipComplete: i % 2 === 0,
        carrier: 'UPS',
        cutoffAt: null,
        qtyOrdered: UNITS,
        qtyBackordered: UNITS,
      })),
    });
    const calm = await startTestServer(t.db, { registry, rateLimit: NO_LIMIT });
    const lead = await worldDevice(t.db, systemClock, calm.url);
    const tasks = lineIds.flatMap((line, o) =>
      Array.from({ length: UNITS }, (_, u) => ({
        pickTaskId: `K-${o}-${u}`,
        backorderLineId: line,
        locationId: 'L5',
        qty: 1,
        sequence: o * UNITS + u,
        toteSlot: o,
      })),
    );
    expect(
      await lead.push(OPERATORS.lead, 'wave.released', {
        waveId: 'W',
        name: 'Big',
        allocation: lineIds.map((id) => ({
          backorderLineId: id,
          reservations: [{ locationId: 'L5', qty: UNITS }],
        })),
        tours: [{ tourId: 'T', sequence: 0, routeLengthM: 100, tasks }],
      }),
    ).toMatchObject({ status: 'accepted' });

    const faulty = await startTestServer(t.db, {
      registry,
      clock: manualClock(),
      rateLimit: NO_LIMIT,
      faults: {
        seed: 5,
        dropRate: 0.08,
        errorRate: 0.08,
        delayMs: 100,
        truncateRate: 0.08,
        loseResponseRate: 0.1,
      },
    });
    try {
      const handheld = await createDevice(t.db, 'handheld', systemClock);
      const picker = new TestDevice(
        [faulty.url],
        handheld.token,
        handheld.device.id,
        handheld.epoch,
        seededRng(21),
      );
      const pickerEvents: DeviceEvent[] = [
        picker.newEvent('tour.claimed', { tourId: 'T' }, OPERATORS.picker),
        ...lineIds.map((line, o) =>
          picker.newEvent(
            'tote.assigned',
            { tourId: 'T', toteCode: `TOTE-${o}`, slot: o, orderId: `BIG-${o}` },
            OPERATORS.picker,
          ),
        ),
        ...tasks.map((task) =>
          picker.newEvent(
            'pick.confirmed',
            { pickTaskId: task.pickTaskId, qty: 1, toteCode: `TOTE-${task.toteSlot}` },
            OPERATORS.picker,
          ),
        ),
        picker.newEvent('tour.completed', { tourId: 'T' }, OPERATORS.picker),
        picker.newEvent('totes.dropped', { tourId: 'T', packStation: 'P1' }, OPERATORS.picker),
      ];
      await picker.pushAll(pickerEvents, {
        batch: 40,
        chaos: { duplicateRate: 0.3, gapRate: 0.2 },
        maxRequests: 5000,
      });
      expect(
        pickerEvents
          .filter((e) => !wasAccepted(picker.answers.get(e.id)))
          .map((e) => [e.type, picker.answers.get(e.id)]),
      ).toEqual([]);

      const station = await createDevice(t.db, 'pack station', systemClock);
      const packer = new TestDevice(
        [faulty.url],
        station.token,
        station.device.id,
        station.epoch,
        seededRng(22),
      );
      const shipments = lineIds.map((line, o) =>
        packer.newEvent(
          'shipment.confirmed',
          {
            shipmentId: `SH-${o}`,
            orderId: `BIG-${o}`,
            lines: [{ backorderLineId: line, qty: UNITS }],
            carrier: 'UPS',
            service: 'ground',
            trackingNumber: `TRACK${o}0001`,
            weightKg: 4,
            parcels: 1,
          },
          OPERATORS.packer,
        ),
      );
      await packer.pushAll(shipments, {
        batch: 2,
        chaos: { duplicateRate: 0.5 },
        maxRequests: 500,
      });
      expect(shipments.every((e) => wasAccepted(packer.answers.get(e.id)))).toBe(true);
      // Faults really happened: more requests than a calm network needs.
      const calmRequests = Math.ceil(pickerEvents.length / 40) + Math.ceil(shipments.length / 2);
      expect(picker.requests + packer.requests).toBeGreaterThan(calmRequests);

      const [stock] = await t.db.query<{ on_hand: number; reserved: number }>(
        "SELECT on_hand, reserved FROM stock WHERE id = 'L5|S2'",
      );
      expect(stock).toEqual({ on_hand: 10, reserved: 0 });
      const lines = await t.db.query<{ qty_picked: number; qty_shipped: number; status: string }>(
        'SELECT qty_picked, qty_shipped, status FROM backorder_lines WHERE id = ANY($1) ORDER BY id',
        [lineIds],
      );
      expect(lines).toEqual(
        lineIds.map(() => ({ qty_picked: UNITS, qty_shipped: UNITS, status: 'shipped' })),
      );
      const [{ n }] = (await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM picks WHERE tour_id = 'T'",
      )) as [{ n: number }];
      expect(n).toBe(ORDERS * UNITS);

      const replica = await t.openSchema('replayfloor');
      await replayLog(t.db, replica, registry);
      expect(await snapshotState(replica)).toEqual(await snapshotState(t.db));
    } finally {
      await faulty.close();
      await calm.close();
    }
  });
});
