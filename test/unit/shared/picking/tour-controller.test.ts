import { describe, expect, it } from 'vitest';
import type { Pick } from '../../../../shared/domain/pick';
import type { PickTask } from '../../../../shared/domain/pick-task';
import type { Tour } from '../../../../shared/domain/tour';
import {
  pickContextOf,
  scanFor,
  skipTask,
  slotsOf,
  toteFor,
  tourNow,
  type TourRows,
} from '../../../../shared/picking/tour-controller';

const task = (id: string, sequence: number, toteSlot: number, over: Partial<PickTask> = {}) =>
  ({
    id,
    tourId: 'T1',
    waveId: 'WV1',
    backorderLineId: `${id}-line`,
    orderId: `O${toteSlot + 1}`,
    locationId: `L${sequence + 1}`,
    skuId: 'S1',
    qty: 2,
    sequence,
    toteSlot,
    status: 'open',
    pickedQty: 0,
    shortQty: 0,
    ...over,
  }) satisfies PickTask;

const pick = (
  id: string,
  pickTaskId: string,
  pickedAt: string,
  over: Partial<Pick> = {},
): Pick => ({
  id,
  pickTaskId,
  tourId: 'T1',
  backorderLineId: `${pickTaskId}-line`,
  locationId: 'L1',
  skuId: 'S1',
  toteCode: 'A',
  qty: 1,
  lot: null,
  serial: null,
  expiry: null,
  pickedBy: 'pia',
  pickedAt,
  undone: false,
  ...over,
});

const rows = (over: Partial<TourRows> = {}, status: Tour['status'] = 'assigned'): TourRows => ({
  tour: { id: 'T1', waveId: 'WV1', sequence: 0, status, pickerId: 'pia', routeLengthM: 30 },
  confirmed: true,
  tasks: [task('K1', 0, 0), task('K2', 1, 1), task('K3', 2, 0)],
  totes: [],
  picks: [],
  skus: new Map([
    [
      'S1',
      {
        id: 'S1',
        sku: 'WIDGET',
        description: 'Blue widget',
        unit: 'each',
        weightKg: 1,
        volumeL: 1,
        barcodes: [{ code: '09501101020917', kind: 'each', units: 1 }],
      },
    ],
  ]),
  locations: new Map(
    [1, 2, 3].map((n) => [
      `L${n}`,
      {
        id: `L${n}`,
        code: `A${n}-01`,
        zone: 'Z1',
        aisle: n,
        positionM: 1,
        level: 0,
        side: 'left' as const,
        countRequired: false,
      },
    ]),
  ),
  ...over,
});

const tote = (slot: number, toteCode: string) => ({
  id: `T1|${toteCode}`,
  tourId: 'T1',
  toteCode,
  slot,
  orderId: `O${slot + 1}`,
  status: 'picking' as const,
  packStation: null,
});

const FRESH = { skipped: [], step: null };

describe('the tour controller', () => {
  it('sets up the cart first: one slot per order, tote scans fill the first empty slot', () => {
    const r = rows({ totes: [tote(0, 'A')] });
    expect(slotsOf(r)).toEqual([
      { slot: 0, orderId: 'O1', toteCode: 'A' },
      { slot: 1, orderId: 'O2', toteCode: null },
    ]);
    const now = tourNow(r, FRESH, 'pia');
    expect(now.settingUp).toBe(true);
    expect(scanFor(r, now, false)).toEqual({ for: 'tote' });
    expect(toteFor(now.slots, ' B ')).toEqual({ toteCode: 'B', slot: 1, orderId: 'O2' });
    expect(toteFor(now.slots, 'a')).toEqual({ refusal: 'Tote a is already in slot 1.' });
    expect(toteFor(now.slots, 'X'.repeat(51))).toEqual({
      refusal: 'A tote code has at most 50 characters.',
    });
  });

  it('walks the tasks in route order once the cart is set up; a skip moves the task to the end', () => {
    const r = rows({ totes: [tote(0, 'A'), tote(1, 'B')] });
    const now = tourNow(r, FRESH, 'pia');
    expect(now.settingUp).toBe(false);
    expect(now.current?.id).toBe('K1');
    expect(now.step).toEqual({ step: 'location', taskId: 'K1' });
    expect(scanFor(r, now, false)).toEqual({ for: 'pick' });
    const skipped = skipTask({ skipped: ['K1'], step: { step: 'item', taskId: 'K1' } }, 'K1');
    expect(skipped).toEqual({ skipped: ['K1'], step: null });
    expect(tourNow(r, skipped, 'pia').walk.todo.map((t) => t.id)).toEqual(['K2', 'K3', 'K1']);
    // A kept step of another task is not this task's: the task in hand starts afresh.
    expect(tourNow(r, { skipped: [], step: { step: 'item', taskId: 'K2' } }, 'pia').step).toEqual({
      step: 'location',
      taskId: 'K1',
    });
  });

  it('refuses a scan while saving, and on a tour the server has not confirmed', () => {
    const r = rows({ totes: [tote(0, 'A'), tote(1, 'B')] });
    const now = tourNow(r, FRESH, 'pia');
    expect(scanFor(r, now, true)).toEqual({
      refusal: 'Still saving the last scan: scan that again.',
    });
    const unconfirmed = { ...r, confirmed: false };
    expect(scanFor(unconfirmed, tourNow(unconfirmed, FRESH, 'pia'), false)).toEqual({
      refusal: 'This tour is not yours yet: the server has not confirmed it.',
    });
    const done = rows({ tasks: [task('K1', 0, 0, { status: 'picked' })], totes: [tote(0, 'A')] });
    expect(scanFor(done, tourNow(done, FRESH, 'pia'), false)).toEqual({ for: 'nothing' });
  });

  it('offers to undo the picker’s own last pick, in code-unit order, never after a short', () => {
    const r = rows({
      totes: [tote(0, 'A'), tote(1, 'B')],
      tasks: [task('K1', 0, 0, { status: 'picked' }), task('K2', 1, 1, { status: 'short' })],
      picks: [
        pick('p-a', 'K1', '2026-11-30T10:00:00.000Z'),
        pick('p-B', 'K1', '2026-11-30T10:00:00.000Z'),
        pick('p-other', 'K1', '2026-11-30T11:00:00.000Z', { pickedBy: 'sam' }),
        pick('p-undone', 'K1', '2026-11-30T12:00:00.000Z', { undone: true }),
      ],
    });
    expect(tourNow(r, FRESH, 'pia').undoable?.id).toBe('p-a');
    const short = { ...r, picks: [pick('p-s', 'K2', '2026-11-30T10:00:00.000Z')] };
    expect(tourNow(short, FRESH, 'pia').undoable).toBeNull();
    expect(tourNow({ ...r, tour: { ...r.tour, status: 'completed' } }, FRESH, 'pia').undoable).toBe(
      null,
    );
  });

  it('reads an item scan by the task’s SKU and says when the SKU is not on the device', () => {
    const r = rows({ totes: [tote(0, 'A'), tote(1, 'B')] });
    const ctx = pickContextOf(r, r.tasks[0]!, slotsOf(r), '2026-11-30');
    expect(ctx).toMatchObject({ locationCode: 'A1-01', skuLabel: 'WIDGET', toteCode: 'A' });
    expect(ctx.readItem('09501101020917')).toMatchObject({ ok: true, units: 1 });
    const missing = pickContextOf(r, task('K9', 0, 0, { skuId: 'S9' }), slotsOf(r), '2026-11-30');
    expect(missing.readItem('x')).toEqual({
      ok: false,
      known: false,
      reason: 'SKU S9 is not on this device.',
    });
  });
});
