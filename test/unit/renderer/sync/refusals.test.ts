// Refusals as a person sees them, on fake-indexeddb: named from the device's rows, counted until
// acknowledged (once, logged), parked events apart.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FillwaveDb, type RejectedEvent } from '../../../../renderer/db/fillwave-db';
import { PARKED_CODE, syncLog } from '../../../../renderer/sync/park';
import {
  acknowledgeRefusal,
  listRefusals,
  unacknowledgedCount,
} from '../../../../renderer/sync/refusals';

const at = new Date('2026-11-25T09:10:00Z');

const rejected = (id: string, over: Partial<RejectedEvent>): RejectedEvent => ({
  id,
  type: 'pick.confirmed',
  operatorId: 'op-pat',
  at: '2026-11-25T09:00:00.000Z',
  payload: {},
  code: 'task-closed',
  message: 'Task k1 is done.',
  answeredAt: '2026-11-25T09:05:00.000Z',
  ...over,
});

describe('refusals on the device', () => {
  let db: FillwaveDb;
  beforeEach(async () => {
    db = new FillwaveDb(`refusals-${randomUUID()}`);
    await db.operators.put({
      id: 'op-pat',
      badge: 'PI1',
      name: 'Pat Picker',
      role: 'picker',
      active: true,
    });
    await db.waves.put({
      id: 'w1',
      name: 'Wave 3',
      status: 'picking',
      releasedAt: at.toISOString(),
      releasedBy: null,
    });
    await db.tours.put({
      id: 't1',
      waveId: 'w1',
      sequence: 0,
      status: 'picking',
      pickerId: 'op-pat',
      routeLengthM: 9,
    });
    await db.pickTasks.put({ id: 'k1', tourId: 't1', waveId: 'w1', locationId: 'L1', skuId: 's1' });
    await db.locations.put({ id: 'L1', code: 'A-01-02' });
    await db.skus.put({ id: 's1', sku: 'SKU-00031' });
  });
  afterEach(() => db.delete());

  it('names a refused pick by the tour, the wave and the SKU the device holds', async () => {
    await db.rejected.put(
      rejected('e1', { payload: { pickTaskId: 'k1', qty: 1, toteCode: 'T1' } }),
    );
    const [r] = await listRefusals(db);
    expect(r!.actor).toBe('Pat Picker');
    expect(r!.notice.headline).toBe(
      'Your pick of SKU-00031 on Tour 1 of Wave 3 was not recorded: the task was already closed.',
    );
    expect(r!.notice.action).toEqual({ label: 'Open the tour', path: '/pick/t1' });
  });

  it('counts refusals until acknowledged, once, and leaves parked events to their own screen', async () => {
    await db.rejected.bulkPut([
      rejected('e1', { payload: { pickTaskId: 'k1', qty: 1, toteCode: 'T1' } }),
      rejected('e2', { code: PARKED_CODE, message: 'The server failed 3 times.' }),
    ]);
    expect(await unacknowledgedCount(db)).toBe(1);
    expect((await listRefusals(db)).map((r) => r.record.id)).toEqual(['e1']);

    await acknowledgeRefusal(db, 'e1', 'op-pat', at);
    await acknowledgeRefusal(db, 'e1', 'op-pat', new Date('2026-11-25T09:20:00Z'));
    await acknowledgeRefusal(db, 'e2', 'op-pat', at);
    expect(await unacknowledgedCount(db)).toBe(0);
    expect(await db.rejected.get('e1')).toMatchObject({
      acknowledgedAt: at.toISOString(),
      acknowledgedBy: 'op-pat',
    });
    expect((await db.rejected.get('e2'))!.acknowledgedAt).toBeUndefined();
    expect(await syncLog(db)).toEqual([
      {
        at: at.toISOString(),
        action: 'acknowledged',
        eventId: 'e1',
        type: 'pick.confirmed',
        detail:
          'by Pat Picker: Your pick of SKU-00031 on Tour 1 of Wave 3 was not recorded: the task was already closed.',
      },
    ]);
    expect((await listRefusals(db))[0]!.acknowledgedBy).toBe('Pat Picker');
  });
});
