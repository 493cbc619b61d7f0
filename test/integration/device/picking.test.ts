// Issue 8: what a picker did stays on screen through a pull that lands before its push. The real
// server over HTTP; the device's own outbox, pull, push and pending view on fake-indexeddb.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock';
import { recordServerEvent } from '../../../server/events/server-events';
import type { EntityName, EntityRow } from '../../../shared/domain/entities';
import { ENTITY_TABLES } from '../../../renderer/db/entity-tables';
import { recordAction } from '../../../renderer/sync/outbox';
import { pull } from '../../../renderer/sync/pull';
import { push } from '../../../renderer/sync/push';
import { computePendingView, withPending } from '../../../renderer/sync/pending-view';
import { enrolledDevice } from '../../fixtures/device';
import { openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';
import { MORNING_WAVE, OPERATORS, rowOf, seedWorld, worldDevice } from '../../fixtures/world';

type Device = Awaited<ReturnType<typeof enrolledDevice>>;

const registry = testRegistry();
const now = () => new Date();
const asPicker = { operatorId: OPERATORS.picker, now, newId: () => randomUUID() };

// The row as the device holds it from the server, without the waiting events.
const pulled = async <E extends EntityName>(device: Device, entity: E, id: string) =>
  (await device.db.table(ENTITY_TABLES[entity]).get(id)) as EntityRow<E> | undefined;

// The row as the picker sees it: the pulled rows with the waiting events laid over.
const onScreen = async (device: Device) => {
  const view = await computePendingView(device.db);
  expect(view.refused).toEqual([]);
  return async <E extends EntityName>(entity: E, id: string) =>
    withPending(
      entity,
      (await device.db.table(ENTITY_TABLES[entity]).toArray()) as (EntityRow<E> & {
        id: string;
      })[],
      view,
    ).find((r) => r.id === id);
};

// Stock the OMS receives while the picker is on the floor: it changes a row the waiting event
// also changes, so the pull that brings it rewrites that row under the overlay.
const receive = async (t: TestDatabase, locationId: string, skuId: string, qty: number) => {
  const outcome = await recordServerEvent(t.db, registry, systemClock, 'oms.stock-received', {
    receipts: [{ locationId, skuId, qty }],
  });
  expect(outcome.ok).toBe(true);
};

describe('picking on a device: a pull lands between the action and its push', () => {
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

  // The lead, on another device, releases one wave of one tour for order SO-1 (slot 0) and gives
  // it to the picker: K1 takes 6 of S1 from L1 for SO-1/1, K2 takes 3 of S2 from L3 for SO-1/2.
  // The same wave as test/integration/rules/floor.test.ts.
  beforeEach(async () => {
    await t.reset();
    await seedWorld(t.db, registry, systemClock);
    const lead = await worldDevice(t.db, systemClock, server.url);
    expect(await lead.push(OPERATORS.lead, 'wave.released', MORNING_WAVE)).toMatchObject({
      status: 'accepted',
    });
    expect(
      await lead.push(OPERATORS.lead, 'tour.assigned', {
        tourId: 'T1',
        pickerId: OPERATORS.picker,
      }),
    ).toMatchObject({ status: 'accepted' });
  });

  const pickerDevice = async () => {
    const device = await enrolledDevice(t.db, server.url);
    expect(await pull(device.db, device.api, { now })).toMatchObject({ kind: 'done' });
    expect(await pulled(device, 'tour', 'T1')).toMatchObject({
      status: 'assigned',
      pickerId: OPERATORS.picker,
    });
    return device;
  };

  it('keeps a confirmed pick done on screen through a pull, and the server records it once', async () => {
    const device = await pickerDevice();
    expect(
      (
        await recordAction(
          device.db,
          'tote.assigned',
          { tourId: 'T1', toteCode: 'T-100', slot: 0, orderId: 'SO-1' },
          asPicker,
        )
      ).ok,
    ).toBe(true);
    const confirmed = await recordAction(
      device.db,
      'pick.confirmed',
      { pickTaskId: 'K1', qty: 6, toteCode: 'T-100' },
      asPicker,
    );
    if (!confirmed.ok) throw new Error(confirmed.reason);
    const pickId = confirmed.value.id;

    const showsThePickDone = async () => {
      const shown = await onScreen(device);
      expect(await shown('pickTask', 'K1')).toMatchObject({ status: 'picked', pickedQty: 6 });
      expect(await shown('tote', 'T1|T-100')).toMatchObject({ orderId: 'SO-1', slot: 0 });
      expect(await shown('pick', pickId)).toMatchObject({
        pickTaskId: 'K1',
        qty: 6,
        toteCode: 'T-100',
        pickedBy: OPERATORS.picker,
      });
      expect(await shown('backorderLine', 'SO-1/1')).toMatchObject({
        status: 'picked',
        qtyPicked: 6,
      });
      expect(await shown('tour', 'T1')).toMatchObject({ status: 'picking' });
      return shown;
    };

    // Nothing pushed yet: the screen shows the pick, the pulled rows do not.
    const before = await showsThePickDone();
    expect(await before('stock', 'L1|S1')).toMatchObject({ onHand: 4, reserved: 0 });
    expect(await pulled(device, 'pickTask', 'K1')).toMatchObject({ status: 'open', pickedQty: 0 });

    // A pull lands before the push, rewriting the stock row the pick also changes.
    await receive(t, 'L1', 'S1', 2);
    const landed = await pull(device.db, device.api, { now });
    expect(landed).toMatchObject({ kind: 'done' });
    expect(landed.kind === 'done' && landed.records).toBeGreaterThan(0);
    expect(await pulled(device, 'stock', 'L1|S1')).toMatchObject({ onHand: 12, reserved: 6 });
    expect(await pulled(device, 'pickTask', 'K1')).toMatchObject({ status: 'open', pickedQty: 0 });
    expect(await pulled(device, 'tote', 'T1|T-100')).toBeUndefined();
    expect(await pulled(device, 'pick', pickId)).toBeUndefined();
    const after = await showsThePickDone();
    expect(await after('stock', 'L1|S1')).toMatchObject({ onHand: 6, reserved: 0 });

    // Push, then pull: the server's rows now say what the screen said.
    expect(await push(device.db, device.api, { now })).toEqual({ kind: 'done', sent: 2 });
    expect(await pull(device.db, device.api, { now })).toMatchObject({ kind: 'done' });
    expect(await device.db.outbox.count()).toBe(0);
    expect(await device.db.rejected.toArray()).toEqual([]);
    expect(await pulled(device, 'pickTask', 'K1')).toMatchObject({
      status: 'picked',
      pickedQty: 6,
    });
    expect(await pulled(device, 'tote', 'T1|T-100')).toMatchObject({ orderId: 'SO-1' });
    expect(await pulled(device, 'pick', pickId)).toMatchObject({ pickTaskId: 'K1', qty: 6 });
    expect(await pulled(device, 'stock', 'L1|S1')).toMatchObject({ onHand: 6, reserved: 0 });
    await showsThePickDone();

    expect(
      await t.db.query<{ id: string; qty: number }>(
        "SELECT id, qty FROM picks WHERE pick_task_id = 'K1'",
      ),
    ).toEqual([{ id: pickId, qty: 6 }]);
    expect(await rowOf(t.db, 'pick_tasks', 'K1')).toMatchObject({
      status: 'picked',
      picked_qty: 6,
    });
  });

  it('keeps a short pick short on screen, and the location flagged for a count, through a pull', async () => {
    const device = await pickerDevice();
    // The bin at L3 should hold 7 of S2; the picker finds none for a task of 3.
    expect(
      (
        await recordAction(
          device.db,
          'short-pick.reported',
          { pickTaskId: 'K2', foundQty: 0, reason: 'not-found' },
          asPicker,
        )
      ).ok,
    ).toBe(true);

    const showsTheShortPick = async () => {
      const shown = await onScreen(device);
      expect(await shown('pickTask', 'K2')).toMatchObject({
        status: 'short',
        pickedQty: 0,
        shortQty: 3,
      });
      expect(await shown('location', 'L3')).toMatchObject({ countRequired: true });
      expect(await shown('stock', 'L3|S2')).toMatchObject({ onHand: 0, reserved: 0 });
      // Nothing of the line is allocated any more: it is back on the fill list.
      expect(await shown('backorderLine', 'SO-1/2')).toMatchObject({
        status: 'open',
        qtyAllocated: 0,
        qtyShort: 3,
      });
    };

    await showsTheShortPick();
    expect(await pulled(device, 'pickTask', 'K2')).toMatchObject({ status: 'open', shortQty: 0 });

    // A pull lands before the push: the OMS received 2 more of S2 at L3 meanwhile.
    await receive(t, 'L3', 'S2', 2);
    const landed = await pull(device.db, device.api, { now });
    expect(landed.kind === 'done' && landed.records).toBeGreaterThan(0);
    expect(await pulled(device, 'stock', 'L3|S2')).toMatchObject({ onHand: 9, reserved: 3 });
    expect(await pulled(device, 'location', 'L3')).toMatchObject({ countRequired: false });
    expect(await pulled(device, 'pickTask', 'K2')).toMatchObject({ status: 'open', shortQty: 0 });
    await showsTheShortPick();

    // Push, then pull: the server agrees.
    expect(await push(device.db, device.api, { now })).toEqual({ kind: 'done', sent: 1 });
    expect(await pull(device.db, device.api, { now })).toMatchObject({ kind: 'done' });
    expect(await device.db.outbox.count()).toBe(0);
    expect(await device.db.rejected.toArray()).toEqual([]);
    expect(await pulled(device, 'pickTask', 'K2')).toMatchObject({ status: 'short', shortQty: 3 });
    expect(await pulled(device, 'location', 'L3')).toMatchObject({ countRequired: true });
    await showsTheShortPick();

    expect(await rowOf(t.db, 'stock', 'L3|S2')).toMatchObject({ on_hand: 0, reserved: 0 });
    expect(await rowOf(t.db, 'locations', 'L3')).toMatchObject({ count_required: true });
    expect(await rowOf(t.db, 'pick_tasks', 'K2')).toMatchObject({
      status: 'short',
      picked_qty: 0,
      short_qty: 3,
    });
    expect(await rowOf(t.db, 'backorder_lines', 'SO-1/2')).toMatchObject({
      status: 'open',
      qty_allocated: 0,
      qty_picked: 0,
      qty_short: 3,
    });
    expect(await t.db.query("SELECT id FROM reservations WHERE location_id = 'L3'")).toEqual([]);
  });
});
