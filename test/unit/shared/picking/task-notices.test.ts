import { describe, expect, it } from 'vitest';
import type { PickTask } from '../../../../shared/domain/pick-task';
import { taskNotices } from '../../../../shared/picking/task-notices';

const task = (id: string, over: Partial<PickTask> = {}): PickTask => ({
  id,
  tourId: 'T1',
  waveId: 'W1',
  backorderLineId: `SO-3/${id}`,
  orderId: 'SO-3',
  locationId: 'L1',
  skuId: 'S1',
  qty: 7,
  sequence: 0,
  toteSlot: 0,
  status: 'open',
  pickedQty: 0,
  shortQty: 0,
  ...over,
});
const lines = (cancelled: number) =>
  new Map([['SO-3/K2', { lineNo: 2, orderId: 'SO-3', qtyCancelled: cancelled }]]);
const code = () => 'A-01-1';

describe('what a pull took off the tour', () => {
  const seen = taskNotices(null, [task('K2')], lines(0), code, false).seen;

  it('tells nothing the first time a tour is seen', () => {
    expect(taskNotices(null, [task('K2')], lines(0), code, false)).toEqual({
      notices: [],
      seen: { K2: { qty: 7, lineCancelled: 0 } },
    });
  });

  it("tells the customer's cancellation, whole or in part, in people's words", () => {
    expect(
      taskNotices(seen, [task('K2', { status: 'cancelled' })], lines(7), code, false).notices,
    ).toEqual([
      {
        id: 'K2:0',
        text: 'Line 2 of order SO-3 was cancelled by the customer: its pick at A-01-1 is off your tour.',
      },
    ]);
    const cut = taskNotices(seen, [task('K2', { qty: 4 })], lines(3), code, false);
    expect(cut.notices.map((n) => n.text)).toEqual([
      'Line 2 of order SO-3 was partly cancelled by the customer: its pick at A-01-1 is now 4 instead of 7.',
    ]);
    // Told once: the next pull compares with what was seen then.
    expect(taskNotices(cut.seen, [task('K2', { qty: 4 })], lines(3), code, false).notices).toEqual(
      [],
    );
  });

  it('tells a release by a short elsewhere apart, and nothing for a cancelled tour or own work', () => {
    expect(
      taskNotices(seen, [task('K2', { status: 'cancelled' })], lines(0), code, false).notices,
    ).toEqual([
      {
        id: 'K2:0',
        text: 'The pick at A-01-1 for line 2 of order SO-3 is off your tour: the stock there was reported short.',
      },
    ]);
    expect(
      taskNotices(seen, [task('K2', { status: 'cancelled' })], lines(0), code, true).notices,
    ).toEqual([]);
    for (const done of [
      task('K2', { status: 'picked', pickedQty: 7 }),
      task('K2', { status: 'short', qty: 7, pickedQty: 3, shortQty: 4 }),
    ])
      expect(taskNotices(seen, [done], lines(0), code, false)).toEqual({ notices: [], seen: {} });
  });
});
