import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { FillwaveDb } from '../../../../renderer/db/fillwave-db';

// The schema of version 1 exactly as it shipped, to make a database an older app left behind.
const V1_STORES = {
  skus: 'id, sku',
  warehouseLayouts: 'id',
  locations: 'id, code, zone',
  stock: 'id, locationId, skuId',
  backorderLines: 'id, orderId, skuId, status, promisedBy',
  waves: 'id, status',
  tours: 'id, waveId, status, pickerId',
  pickTasks: 'id, tourId, waveId, backorderLineId, locationId',
  reservations: 'id, backorderLineId, locationId, waveId',
  operators: 'id, badge',
  dailyOrderCounts: 'id',
  totes: 'id, tourId, orderId',
  picks: 'id, tourId, pickTaskId',
  shipments: 'id, orderId',
  expectedReceipts: 'id, skuId',
  returnInstructions: 'id, backorderLineId',
  events: 'id, at, type',
  outbox: '++localId, &id, seq',
  quarantine: '++qid, [entity+id]',
  syncState: 'key',
};

// A hold then a release of one line, as an older app wrote them to its outbox (fresh objects each
// call: Dexie writes the new localId into what it adds).
const holdThenRelease = () => [
  {
    id: 'e1',
    seq: 1,
    type: 'backorder-line.held',
    operatorId: 'op',
    at: '2026-11-25T08:00:00Z',
    payload: { backorderLineId: 'SO-1/1', reason: 'x' },
  },
  {
    id: 'e2',
    seq: 2,
    type: 'backorder-line.released',
    operatorId: 'op',
    at: '2026-11-25T08:01:00Z',
    payload: { backorderLineId: 'SO-1/1' },
  },
];

describe('the device database', () => {
  it('upgrades a database made by version 1, keeping the outbox and the data', async () => {
    const name = `upgrade-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    await old.open();
    await old.table('outbox').bulkAdd(holdThenRelease());
    await old.table('backorderLines').put({ id: 'SO-1/1', orderId: 'SO-1', status: 'open' });
    await old.table('syncState').bulkPut([
      { key: 'checkpoint', value: 'abc' },
      { key: 'nextSeq', value: 3 },
    ]);
    old.close();

    const db = new FillwaveDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.id, e.seq, e.status])).toEqual([
      ['e1', 1, 'pending'],
      ['e2', 2, 'pending'],
    ]);
    expect(await db.outbox.where('status').equals('pending').count()).toBe(2);
    expect(await db.backorderLines.get('SO-1/1')).toMatchObject({
      status: 'open',
      qtyCancelled: 0,
    });
    expect(await db.syncState.get('checkpoint')).toEqual({ key: 'checkpoint', value: 'abc' });
    expect(await db.rejected.count()).toBe(0);
    db.close();
  });

  it('upgrades a database made by version 2 to 3, keeping the outbox, and adds an empty sent table', async () => {
    const name = `upgrade-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    old.version(2).stores({ outbox: '++localId, &id, seq, status', rejected: 'id, answeredAt' });
    await old.open();
    const [held, released] = holdThenRelease();
    await old.table('outbox').bulkAdd([
      { ...held, status: 'accepted' },
      { ...released, status: 'pending' },
    ]);
    await old.table('rejected').put({ id: 'r1', answeredAt: '2026-11-25T08:02:00Z' });
    await old.table('syncState').put({ key: 'checkpoint', value: 'abc' });
    old.close();

    const db = new FillwaveDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.id, e.seq, e.status])).toEqual([
      ['e1', 1, 'accepted'],
      ['e2', 2, 'pending'],
    ]);
    expect(await db.rejected.count()).toBe(1);
    expect(await db.syncState.get('checkpoint')).toEqual({ key: 'checkpoint', value: 'abc' });
    expect(await db.sent.count()).toBe(0);
    await db.sent.put({
      localId: 1,
      id: 'e1',
      seq: 1,
      type: 'backorder-line.held',
      operatorId: 'op',
      at: '2026-11-25T08:00:00Z',
      payload: {},
      settledAt: '2026-11-25T09:00:00Z',
      bytes: 10,
    });
    expect((await db.sent.orderBy('settledAt').first())?.id).toBe('e1');
    expect(await db.sent.where('id').equals('e1').count()).toBe(1);
    db.close();
  });

  it('upgrades version 3 to 4: lines kept before count no cancelled units, totes are found by code', async () => {
    const name = `upgrade-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    old.version(2).stores({ outbox: '++localId, &id, seq, status', rejected: 'id, answeredAt' });
    old.version(3).stores({ sent: 'localId, &id, settledAt' });
    await old.open();
    await old.table('backorderLines').put({ id: 'SO-1/1', orderId: 'SO-1', status: 'picked' });
    await old.table('totes').put({ id: 'T1|TOTE-7', tourId: 'T1', toteCode: 'TOTE-7' });
    old.close();

    const db = new FillwaveDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.backorderLines.get('SO-1/1')).toMatchObject({ qtyCancelled: 0 });
    expect((await db.totes.where('toteCode').equals('TOTE-7').toArray()).map((t) => t.id)).toEqual([
      'T1|TOTE-7',
    ]);
    db.close();
  });
});
