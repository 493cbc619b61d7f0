import { describe, expect, it } from 'vitest';
import type { Sku } from '../../../../shared/domain/sku';
import type { Tote } from '../../../../shared/domain/tote';
import { buildPackOrder } from '../../../../shared/packing/pack-order';
import { readPackScan } from '../../../../shared/packing/pack-scan';
import {
  clampVerified,
  confirmCount,
  owedAfter,
  shipBlocker,
  shipmentLines,
  verifyScan,
} from '../../../../shared/packing/verify';
import { backorderLine } from '../../../fixtures/backorder-line';

const sku = (id: string, code: string, caseCode?: string): Sku => ({
  id,
  sku: id.toUpperCase(),
  description: `${id} item`,
  unit: 'each',
  weightKg: 1,
  volumeL: 1,
  barcodes: [
    { code, kind: 'each', units: 1 },
    ...(caseCode ? [{ code: caseCode, kind: 'case' as const, units: 4 }] : []),
  ],
});
const SKUS = new Map([
  ['s1', sku('s1', 'EACH-1', 'CASE-1')],
  ['s2', sku('s2', 'EACH-2')],
]);
const tote: Tote = {
  id: 'T|A',
  tourId: 'T',
  toteCode: 'A',
  slot: 0,
  orderId: 'O',
  status: 'dropped',
  packStation: 'P1',
};
const pick = (
  id: string,
  lineId: string,
  qty: number,
  over: { toteCode?: string; undone?: boolean } = {},
) => ({
  id,
  pickTaskId: `k-${id}`,
  tourId: 'T',
  backorderLineId: lineId,
  locationId: 'L',
  skuId: 's1',
  toteCode: over.toteCode ?? 'A',
  qty,
  lot: null,
  serial: null,
  expiry: null,
  pickedBy: 'p',
  pickedAt: '2026-11-25T07:00:00.000Z',
  undone: over.undone ?? false,
});

// Line 1: 5 × s1, 5 picked, in two picks (one undone pick of 2 and one into another tote don't
// count). Line 2: 3 × s2, 1 picked and 1 since taken out (picked 1, shipped 0, tote holds 2).
const order = (shipComplete = false) =>
  buildPackOrder({
    tote,
    tourName: 'Tour 1 of Wave 1',
    picks: [
      pick('p1', 'O/1', 4),
      pick('p2', 'O/1', 1),
      pick('p3', 'O/1', 2, { undone: true }),
      pick('p4', 'O/1', 3, { toteCode: 'B' }),
      pick('p5', 'O/2', 2),
    ],
    tasks: [],
    lines: [
      backorderLine('O/1', {
        skuId: 's1',
        qtyBackordered: 5,
        qtyAllocated: 5,
        qtyPicked: 5,
        shipComplete,
      }),
      backorderLine('O/2', { skuId: 's2', qtyBackordered: 3, qtyAllocated: 1, qtyPicked: 1 }),
      backorderLine('X/1', { orderId: 'X', skuId: 's2' }),
    ],
    returnInstructions: [],
    skus: SKUS,
    locations: new Map(),
  });

describe('verifying a tote at the pack station', () => {
  it('counts what is in the tote: picks not undone, into this tote, no more than picked', () => {
    const o = order();
    expect(o.lines.map((l) => [l.line.id, l.inTote, l.shippable])).toEqual([
      ['O/1', 5, 5],
      ['O/2', 2, 1],
    ]);
    expect(o.owed.map((x) => [x.line.id, x.owed])).toEqual([
      ['O/1', 5],
      ['O/2', 3],
    ]);
  });

  it('counts a case as its units, refuses a wrong item and one too many, changing nothing', () => {
    const o = order();
    const a = verifyScan(o, {}, 'CASE-1', '2026-11-25');
    expect(a.ok && a.value.verified).toEqual({ 'O/1': 4 });
    if (!a.ok) throw new Error(a.reason);
    expect(verifyScan(o, a.value.verified, 'CASE-1', '2026-11-25')).toEqual({
      ok: false,
      reason: 'That makes 8 of S1; only 5 are in this tote to ship.',
    });
    expect(verifyScan(o, a.value.verified, 'NOPE', '2026-11-25')).toEqual({
      ok: false,
      reason: 'Wrong item: NOPE is not in this tote.',
    });
    // The SKU code typed, in any case, is one each.
    const b = verifyScan(o, a.value.verified, 's1', '2026-11-25');
    expect(b.ok && b.value.verified).toEqual({ 'O/1': 5 });
  });

  it('confirms counts within what can ship', () => {
    const o = order();
    expect(confirmCount(o, {}, 'O/2', 2)).toEqual({
      ok: false,
      reason: 'Line 2 has 1 of S2 to ship from this tote; 2 cannot be confirmed.',
    });
    expect(confirmCount(o, {}, 'O/2', 1)).toEqual({ ok: true, value: { 'O/2': 1 } });
  });

  it('ships the verified lines, says what stays owed, and keeps a ship-complete order whole', () => {
    const v = { 'O/1': 5, 'O/2': 1 };
    expect(shipBlocker(order(), {})).toMatch(/^Verify the items first/);
    expect(shipBlocker(order(), v)).toBeNull();
    expect(shipmentLines(order(), v)).toEqual([
      { backorderLineId: 'O/1', qty: 5 },
      { backorderLineId: 'O/2', qty: 1 },
    ]);
    expect(owedAfter(order(), v).map((x) => [x.line.id, x.after])).toEqual([['O/2', 2]]);
    expect(shipBlocker(order(true), v)).toBe(
      'Order O ships complete: line 2 (S2) has 1 of 3 here, so it cannot ship until all of it is here.',
    );
  });

  it('lowers a verified count an item taken out no longer allows', () => {
    expect(clampVerified(order(), { 'O/1': 5, 'O/2': 2, gone: 1 })).toEqual({ 'O/1': 5, 'O/2': 1 });
  });

  it('ships only what the customer did not cancel of a partly cancelled line', () => {
    // 5 picked into the tote, then 1 cancelled (shared/event-rules/cancellation.ts): 4 still picked.
    const o = buildPackOrder({
      tote,
      tourName: 'Tour 1',
      picks: [pick('p1', 'O/1', 5)],
      tasks: [],
      lines: [
        backorderLine('O/1', {
          skuId: 's1',
          qtyBackordered: 5,
          qtyAllocated: 4,
          qtyPicked: 4,
          qtyCancelled: 1,
          status: 'picked',
        }),
      ],
      returnInstructions: [],
      skus: SKUS,
      locations: new Map(),
    });
    expect(o.lines.map((l) => [l.inTote, l.shippable, l.notShipping, l.cancelled])).toEqual([
      [5, 4, 1, false],
    ]);
    expect(o.owed.map((x) => x.owed)).toEqual([4]);
    expect(verifyScan(o, { 'O/1': 4 }, 'EACH-1', '2026-11-25')).toEqual({
      ok: false,
      reason: 'That makes 5 of S1; only 4 are in this tote to ship.',
    });
  });

  it('reads a tote code as opening that tote, before and while another is open', () => {
    const totes = [tote, { ...tote, id: 'T|B', toteCode: 'B' }];
    const state = { totes, verified: {}, returnInHand: null, byCount: false, today: '2026-11-25' };
    expect(readPackScan({ ...state, order: null }, 'b')).toEqual({
      kind: 'open-tote',
      toteId: 'T|B',
    });
    expect(readPackScan({ ...state, order: null }, 'Z')).toEqual({ kind: 'not-a-tote', code: 'Z' });
    expect(readPackScan({ ...state, order: order() }, 'B')).toEqual({
      kind: 'open-tote',
      toteId: 'T|B',
    });
    expect(readPackScan({ ...state, order: order() }, 'EACH-2').kind).toBe('counted');
  });
});
