// The action layer on fake-indexeddb: the event's rule runs on what the device shows now (pulled
// rows with the waiting events laid over); a refusal writes nothing and comes back as the rule's
// sentence, an allowed action writes one event and wakes the sync.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from '../../../../renderer/actions/act';
import { FillwaveDb } from '../../../../renderer/db/fillwave-db';
import { computePendingView, forgetPendingView } from '../../../../renderer/sync/pending-view';
import { backorderLine } from '../../../fixtures/backorder-line';

const ctx = {
  operatorId: 'op-lee',
  now: () => new Date('2026-11-25T09:00:00Z'),
  newId: () => randomUUID(),
};

describe('acting through the action layer', () => {
  let db: FillwaveDb;
  beforeEach(async () => {
    db = new FillwaveDb(`act-${randomUUID()}`);
    await db.backorderLines.bulkPut([backorderLine('SO-1/1'), backorderLine('SO-1/2')]);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('writes exactly one event for an allowed action, with the context built once, and wakes the sync', async () => {
    const wake = vi.fn();
    const ids = ['E-1', 'E-2'];
    const done = await act(
      db,
      'backorder-line.held',
      { backorderLineId: 'SO-1/1', reason: 'Customer asked to wait' },
      { ...ctx, newId: () => ids.shift()! },
      wake,
    );
    expect(done).toMatchObject({ ok: true, value: { id: 'E-1', seq: 1, localId: 1 } });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      id: 'E-1',
      type: 'backorder-line.held',
      operatorId: 'op-lee',
      at: '2026-11-25T09:00:00.000Z',
      payload: { backorderLineId: 'SO-1/1', reason: 'Customer asked to wait' },
      status: 'pending',
    });
    expect(wake).toHaveBeenCalledTimes(1);
  });

  it('refuses on what the device shows now, returns the sentence, writes nothing, wakes nothing', async () => {
    const wake = vi.fn();
    const hold = { backorderLineId: 'SO-1/1', reason: 'Customer asked to wait' };
    expect((await act(db, 'backorder-line.held', hold, ctx, wake)).ok).toBe(true);
    // The pulled row is still open; the held line is the waiting event's doing.
    const again = await act(db, 'backorder-line.held', hold, ctx, wake);
    expect(again).toEqual({
      ok: false,
      reason:
        'Line 1 of order SO-1 is held; only an open line with nothing waiting to be picked can be held.',
    });
    const unknown = await act(
      db,
      'backorder-line.held',
      { backorderLineId: 'SO-9/1', reason: 'x' },
      ctx,
      wake,
    );
    expect(unknown.ok).toBe(false);
    expect(await db.outbox.count()).toBe(1);
    expect(wake).toHaveBeenCalledTimes(1);
  });

  it('sees an event the server rejected gone, though the pulled rows did not change', async () => {
    const wake = vi.fn();
    const hold = { backorderLineId: 'SO-1/1', reason: 'Customer asked to wait' };
    expect((await act(db, 'backorder-line.held', hold, ctx, wake)).ok).toBe(true);
    await computePendingView(db);
    // A rejection takes the event out of the outbox; the checkpoint stays as it was.
    await db.outbox.clear();
    expect((await act(db, 'backorder-line.held', hold, ctx, wake)).ok).toBe(true);
    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses a bad payload in words, naming the field without its path', async () => {
    const wake = vi.fn();
    const refused = await act(
      db,
      'backorder-line.held',
      { backorderLineId: 'SO-1/1', reason: 'x'.repeat(201) },
      ctx,
      wake,
    );
    expect(refused).toEqual({
      ok: false,
      reason: 'The reason for the hold is too long: at most 200 characters.',
    });
    const empty = await act(
      db,
      'backorder-line.held',
      { backorderLineId: 'SO-1/1', reason: '' },
      ctx,
      wake,
    );
    expect(empty).toEqual({ ok: false, reason: 'The reason for the hold is empty: fill it in.' });
    expect(await db.outbox.count()).toBe(0);
    expect(wake).not.toHaveBeenCalled();
  });

  it('leaves the kept view equal to one computed from scratch', async () => {
    const wake = vi.fn();
    for (const id of ['SO-1/1', 'SO-1/2', 'SO-1/1']) {
      await act(db, 'backorder-line.held', { backorderLineId: id, reason: 'wait' }, ctx, wake);
      const kept = await computePendingView(db);
      forgetPendingView(db);
      expect(kept).toEqual(await computePendingView(db));
    }
    await act(db, 'backorder-line.released', { backorderLineId: 'SO-1/2' }, ctx, wake);
    const kept = await computePendingView(db);
    expect(kept.changes.get('backorderLine|SO-1/2')?.row).toMatchObject({ status: 'open' });
    expect(kept.changes.get('backorderLine|SO-1/1')?.row).toMatchObject({ status: 'held' });
    forgetPendingView(db);
    expect(kept).toEqual(await computePendingView(db));
  });
});
