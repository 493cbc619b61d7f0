import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db/db';
import { FillwaveDb } from '../../../renderer/db/fillwave-db';
import { recordAction } from '../../../renderer/sync/outbox';
import { computePendingView, forgetPendingView } from '../../../renderer/sync/pending-view';
import { KEYS, writeState } from '../../../renderer/sync/sync-state';
import { enrollLocally } from '../fixtures';
import { PIA, seedAssignedTour } from './picker-world';

const ctx = { operatorId: PIA.id, now: () => new Date(), newId: () => crypto.randomUUID() };

// What the screen shows after each action, by the kept view (one event replayed) and by a view
// computed from nothing: they must never differ.
const bothWays = async () => {
  const kept = await computePendingView(db);
  forgetPendingView(db);
  const fresh = await computePendingView(db);
  return { kept, fresh };
};

describe('the pending view kept between actions', () => {
  beforeEach(async () => {
    await enrollLocally();
    await seedAssignedTour();
    forgetPendingView(db);
  });

  it('equals the view computed from scratch after every action, and starts over after a pull', async () => {
    const steps: [string, unknown][] = [
      ['tote.assigned', { tourId: 'T1', toteCode: 'A', slot: 0, orderId: 'O1' }],
      ['tote.assigned', { tourId: 'T1', toteCode: 'B', slot: 1, orderId: 'O2' }],
      ['pick.confirmed', { pickTaskId: 'K1', qty: 2, toteCode: 'A' }],
      ['short-pick.reported', { pickTaskId: 'K3', foundQty: 0, reason: 'not-found' }],
      ['pick.confirmed', { pickTaskId: 'K2', qty: 6, toteCode: 'A' }], // wrong tote: refused
      ['pick.confirmed', { pickTaskId: 'K2', qty: 6, toteCode: 'B' }],
      ['backorder-line.held', { backorderLineId: 'O9/1', reason: 'not on the device' }],
    ];
    await computePendingView(db);
    for (const [type, payload] of steps) {
      await recordAction(db, type as never, payload, ctx);
      const { kept, fresh } = await bothWays();
      expect(kept, type).toEqual(fresh);
      // Keep the next round on the kept path.
      await computePendingView(db);
    }
    const { fresh } = await bothWays();
    expect(fresh.refused.map((r) => r.reason)).toEqual([
      'Tote A holds order O1; this item goes to order O2 in slot 1.',
      'That line is not known here.',
    ]);
    expect(fresh.changes.get('pickTask|K2')?.row).toMatchObject({ status: 'picked', pickedQty: 6 });

    // A pull changed the rows under the view (a new checkpoint): the kept view is not reused.
    await computePendingView(db);
    await db.stock.update('L2|S2', { onHand: 100 });
    await writeState(db, KEYS.checkpoint, 'after-a-pull');
    const after = await computePendingView(db);
    expect(after.changes.get('stock|L2|S2')?.row).toMatchObject({ onHand: 94 });
  });

  it('is kept per database: another database in use meanwhile does not make it start over', async () => {
    const other = new FillwaveDb(`other-${Math.random()}`);
    await other.outbox.add({
      id: 'x1',
      seq: 1,
      type: 'backorder-line.held',
      operatorId: PIA.id,
      at: new Date().toISOString(),
      payload: { backorderLineId: 'X/1', reason: 'elsewhere' },
      status: 'pending',
    });
    await recordAction(
      db,
      'tote.assigned',
      { tourId: 'T1', toteCode: 'A', slot: 0, orderId: 'O1' },
      ctx,
    );
    await computePendingView(db);
    await computePendingView(other);
    await recordAction(db, 'pick.confirmed', { pickTaskId: 'K1', qty: 2, toteCode: 'A' }, ctx);
    // Read from scratch, the view loads every working table; extended, it reads none of them.
    const reads = vi.spyOn(db, 'table');
    const kept = await computePendingView(db);
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    forgetPendingView(db);
    expect(kept).toEqual(await computePendingView(db));
    other.close();
  });
});
