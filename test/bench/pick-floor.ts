// A warehouse ready for `picks` real pick.confirmed events, for the push bench: orders of
// LINES_PER_ORDER lines, released in waves of tours, every tour assigned and every tote on its
// cart, all pushed over HTTP by one device before any timing starts. What is left to push is
// one pick.confirmed per task, in each tour's route order.
import { randomUUID } from 'node:crypto';
import { createDevice } from '../../server/auth/devices';
import type { Clock } from '../../server/clock';
import type { Db } from '../../server/db/db';
import type { EventRegistry } from '../../server/events/registry';
import { recordServerEvent } from '../../server/events/server-events';
import { PushResponseSchema } from '../../shared/sync-api/push';
import { LEAD_AND_PICKER, seedSmallWarehouse } from '../fixtures/test-events';

const LINES_PER_ORDER = 4;
const ORDERS_PER_TOUR = 5;
const TOURS_PER_WAVE = 10;
const TASK_QTY = 2;
export const PUSH_BATCH = 200;
const LEAD = LEAD_AND_PICKER[0]!.id;
const PICKER = LEAD_AND_PICKER[1]!.id;

export interface BenchEvent {
  type: string;
  operatorId: string;
  payload: unknown;
}

// One enrolled device that numbers its events and insists that every one is accepted.
export const benchDevice = async (db: Db, clock: Clock, url: string) => {
  const { device, token, epoch } = await createDevice(db, 'bench', clock);
  let seq = 0;
  const pushAll = async (events: readonly BenchEvent[]): Promise<void> => {
    for (let from = 0; from < events.length; from += PUSH_BATCH) {
      const batch = events.slice(from, from + PUSH_BATCH).map((e) => ({
        ...e,
        id: randomUUID(),
        epoch,
        seq: ++seq,
        deviceId: device.id,
        at: new Date().toISOString(),
      }));
      const res = await fetch(`${url}/api/v1/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events: batch }),
      });
      if (res.status !== 200) throw new Error(`push answered ${res.status}: ${await res.text()}`);
      const { results } = PushResponseSchema.parse(await res.json());
      const bad = results.find((r) => r.status !== 'accepted');
      if (bad) throw new Error(`a bench event was not accepted: ${JSON.stringify(bad)}`);
    }
  };
  return { pushAll };
};

// Seeds the floor (the warehouse by server events, the rest through `push`) and returns the
// pick.confirmed events to time, one per task.
export const seedPickFloor = async (
  db: Db,
  registry: EventRegistry,
  clock: Clock,
  push: (events: readonly BenchEvent[]) => Promise<void>,
  picks: number,
): Promise<BenchEvent[]> => {
  const tasksPerTour = ORDERS_PER_TOUR * LINES_PER_ORDER;
  if (picks % (tasksPerTour * TOURS_PER_WAVE) !== 0)
    throw new Error(`picks must be a multiple of ${tasksPerTour * TOURS_PER_WAVE}`);
  const stockIds = await seedSmallWarehouse(db, registry, clock, 50);
  const server = async (type: string, payload: unknown) => {
    const outcome = await recordServerEvent(db, registry, clock, type, payload);
    if (!outcome.ok) throw new Error(`${type}: ${outcome.message}`);
  };
  await server('oms.operators-defined', { operators: LEAD_AND_PICKER });
  const orders = picks / LINES_PER_ORDER;
  // Line k of an order takes a SKU of its own, so an order's lines sit at different locations.
  const lines = Array.from({ length: picks }, (_, i) => {
    const order = Math.floor(i / LINES_PER_ORDER);
    const stock = stockIds[(order + (i % LINES_PER_ORDER)) % stockIds.length]!;
    const [locationId, skuId] = stock.split('|') as [string, string];
    const lineNo = (i % LINES_PER_ORDER) + 1;
    const line = {
      id: `SO-${order}/${lineNo}`,
      orderId: `SO-${order}`,
      lineNo,
      skuId,
      customerId: 'C1',
      customerTier: 2,
      orderedAt: '2026-11-20T10:00:00.000Z',
      promisedBy: '2026-11-28T10:00:00.000Z',
      shipComplete: false,
      carrier: null,
      cutoffAt: null,
      qtyOrdered: TASK_QTY,
      qtyBackordered: TASK_QTY,
    };
    return { line, locationId };
  });
  await server('oms.backorder-lines-added', { lines: lines.map(({ line }) => line) });

  const setup: BenchEvent[] = [];
  const toPick: BenchEvent[] = [];
  const tours = orders / ORDERS_PER_TOUR;
  for (let w = 0; w < tours / TOURS_PER_WAVE; w++) {
    const waveTours = Array.from({ length: TOURS_PER_WAVE }, (_, k) => w * TOURS_PER_WAVE + k);
    const waveLines = lines.slice(
      w * TOURS_PER_WAVE * tasksPerTour,
      (w + 1) * TOURS_PER_WAVE * tasksPerTour,
    );
    setup.push({
      type: 'wave.released',
      operatorId: LEAD,
      payload: {
        waveId: `W${w}`,
        name: `Bench ${w}`,
        allocation: waveLines.map(({ line, locationId }) => ({
          backorderLineId: line.id,
          reservations: [{ locationId, qty: TASK_QTY }],
        })),
        tours: waveTours.map((t) => ({
          tourId: `T${t}`,
          sequence: t,
          routeLengthM: 100,
          tasks: lines
            .slice(t * tasksPerTour, (t + 1) * tasksPerTour)
            .map(({ line, locationId }, k) => ({
              pickTaskId: `K-${line.id}`,
              backorderLineId: line.id,
              locationId,
              qty: TASK_QTY,
              sequence: k,
              toteSlot: Math.floor(k / LINES_PER_ORDER),
            })),
        })),
      },
    });
  }
  for (let t = 0; t < tours; t++) {
    // Handed out by the lead: one picker may claim only one tour at a time, and holds them all.
    setup.push({
      type: 'tour.assigned',
      operatorId: LEAD,
      payload: { tourId: `T${t}`, pickerId: PICKER },
    });
    for (let slot = 0; slot < ORDERS_PER_TOUR; slot++) {
      const order = t * ORDERS_PER_TOUR + slot;
      setup.push({
        type: 'tote.assigned',
        operatorId: PICKER,
        payload: { tourId: `T${t}`, toteCode: `TOTE-SO-${order}`, slot, orderId: `SO-${order}` },
      });
    }
    for (const { line } of lines.slice(t * tasksPerTour, (t + 1) * tasksPerTour)) {
      toPick.push({
        type: 'pick.confirmed',
        operatorId: PICKER,
        payload: { pickTaskId: `K-${line.id}`, qty: TASK_QTY, toteCode: `TOTE-${line.orderId}` },
      });
    }
  }
  await push(setup);
  return toPick;
};
