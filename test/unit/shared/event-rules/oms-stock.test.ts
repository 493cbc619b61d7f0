import { describe, expect, it } from 'vitest';
import type { EntityName } from '../../../../shared/domain/entities';
import { DEFAULT_FLOOR_SETTINGS } from '../../../../shared/domain/floor-settings';
import { applyLocally } from '../../../../shared/event-rules/apply-locally';
import { Draft } from '../../../../shared/event-rules/draft';
import {
  countInOmsWords,
  followOmsStock,
  setStockOwner,
} from '../../../../shared/event-rules/oms-stock';
import { StockLevelFollowedSchema } from '../../../../shared/sync-api/events/oms';
import { memoryTables, overlay, type Tables } from '../../../../shared/event-rules/tables';

// Two bins of S1: L1 holds 4 (3 reserved for SO-1/1, not in a wave), L2 holds 2. L3 is empty.
const row = (entity: string, r: { id: string } & Record<string, unknown>) => ({
  entity: entity as EntityName,
  id: r.id,
  row: r,
});
const location = (id: string) =>
  row('location', {
    id,
    code: id,
    zone: 'A',
    aisle: 1,
    positionM: 2,
    level: 0,
    side: 'left',
    countRequired: false,
  });
const site = (stockOwner: 'fillwave' | 'oms') =>
  memoryTables([
    location('L1'),
    location('L2'),
    location('L3'),
    row('sku', {
      id: 'S1',
      sku: 'SKU-1',
      description: 'Widget',
      unit: 'ea',
      weightKg: 1,
      volumeL: 1,
      barcodes: [],
    }),
    row('stock', { id: 'L1|S1', locationId: 'L1', skuId: 'S1', onHand: 4, reserved: 3 }),
    row('stock', { id: 'L2|S1', locationId: 'L2', skuId: 'S1', onHand: 2, reserved: 0 }),
    row('backorderLine', {
      id: 'SO-1/1',
      orderId: 'SO-1',
      lineNo: 1,
      skuId: 'S1',
      customerId: 'C1',
      customerTier: 1,
      orderedAt: '2026-11-20T10:00:00Z',
      promisedBy: '2026-11-28T10:00:00Z',
      shipComplete: false,
      carrier: null,
      cutoffAt: null,
      qtyOrdered: 3,
      qtyBackordered: 3,
      qtyAllocated: 3,
      qtyPicked: 0,
      qtyShort: 0,
      qtyShipped: 0,
      qtyCancelled: 0,
      status: 'allocated',
    }),
    row('reservation', {
      id: 'R1',
      backorderLineId: 'SO-1/1',
      locationId: 'L1',
      skuId: 'S1',
      qty: 3,
      waveId: null,
    }),
    row('floorSettings', { ...DEFAULT_FLOOR_SETTINGS, stockOwner, omsName: 'Vendure' }),
  ]);

const run = (base: Tables, type: string, payload: unknown, operatorId = 'op-lee') =>
  applyLocally(base, { id: 'e1', type, operatorId, at: '2026-12-01T08:00:00Z', payload } as never);

const follow = (base: Tables, change: number, locationId = 'L1') => {
  const d = new Draft(base);
  const outcome = followOmsStock(d, { skuId: 'S1', omsOnHand: 0, change, locationId });
  return { outcome, view: overlay(base, d.changes()) };
};

describe('one owner of stock per site, on a device', () => {
  it('where the OMS keeps the stock, a receipt and a count are refused in words', () => {
    const receipt = run(site('oms'), 'stock.received', {
      receiptId: 'R-1',
      lines: [{ skuId: 'S1', locationId: 'L1', qty: 5 }],
    });
    expect(receipt).toMatchObject({
      ok: false,
      code: 'stock-kept-by-oms',
      reason:
        "Stock is kept by the shop's system (Vendure) at this site: receive it there; Fillwave follows its figures.",
    });
    expect(
      run(site('oms'), 'location.counted', { locationId: 'L2', skuId: 'S1', qty: 9 }, 'op-pat'),
    ).toMatchObject({
      ok: false,
      code: 'stock-kept-by-oms',
      reason: expect.stringContaining('count it there'),
    });
    // Where Fillwave keeps it, the same receipt is taken.
    expect(
      run(site('fillwave'), 'stock.received', {
        receiptId: 'R-1',
        lines: [{ skuId: 'S1', locationId: 'L1', qty: 5 }],
      }),
    ).toMatchObject({ ok: true });
  });

  it('the stock owner goes into the floor settings, the rest kept', () => {
    const base = memoryTables([]);
    const d = new Draft(base);
    setStockOwner(d, { stockOwner: 'oms', omsName: 'Vendure' });
    expect(overlay(base, d.changes()).get('floorSettings', 'warehouse')).toEqual({
      ...DEFAULT_FLOOR_SETTINGS,
      stockOwner: 'oms',
      omsName: 'Vendure',
    });
  });
});

describe("the OMS's stock figure on Fillwave's bins", () => {
  it('more units land on the home bin, reservations untouched', () => {
    const { outcome, view } = follow(site('oms'), 3);
    expect(outcome).toEqual({ ok: true });
    expect(view.get('stock', 'L1|S1')).toMatchObject({ onHand: 7, reserved: 3 });
    expect(view.get('stock', 'L2|S1')).toMatchObject({ onHand: 2 });
  });

  it('a SKU with no bin there gets one at the location named', () => {
    const { view } = follow(site('oms'), 2, 'L3');
    expect(view.get('stock', 'L3|S1')).toEqual({
      id: 'L3|S1',
      locationId: 'L3',
      skuId: 'S1',
      onHand: 2,
      reserved: 0,
    });
  });

  it('fewer units go unreserved first; reserved ones last, releasing their reservation', () => {
    const free = follow(site('oms'), -3).view;
    expect(free.get('stock', 'L1|S1')).toMatchObject({ onHand: 3, reserved: 3 });
    expect(free.get('stock', 'L2|S1')).toMatchObject({ onHand: 0 });
    expect(free.get('reservation', 'R1')).toBeDefined();

    const beyond = follow(site('oms'), -5).view;
    expect(beyond.get('stock', 'L1|S1')).toMatchObject({ onHand: 1, reserved: 0 });
    expect(beyond.get('reservation', 'R1')).toBeUndefined();
    expect(beyond.get('backorderLine', 'SO-1/1')).toMatchObject({
      qtyAllocated: 0,
      status: 'open',
    });
  });

  it('refuses a SKU or a location it does not know, in words', () => {
    const d = new Draft(site('oms'));
    expect(
      followOmsStock(d, { skuId: 'S9', omsOnHand: 1, change: 1, locationId: 'L1' }),
    ).toMatchObject({ ok: false, code: 'unknown-sku' });
    expect(
      followOmsStock(d, { skuId: 'S1', omsOnHand: 1, change: 1, locationId: 'L9' }),
    ).toMatchObject({ ok: false, code: 'unknown-location' });
  });
});

describe('a bin flagged for a count (a short pick) when the OMS keeps the stock', () => {
  // L2 was picked short (its S1 set to 0 and flagged); L3, flagged too, holds no S1.
  const flaggedSite = () => {
    const base = site('oms');
    const d = new Draft(base);
    d.update('stock', 'L2|S1', { onHand: 0 });
    d.update('location', 'L2', { countRequired: true });
    d.update('location', 'L3', { countRequired: true });
    // L1 waits for a count of some other SKU: S1 was not found short there.
    d.update('location', 'L1', { countRequired: true });
    return overlay(base, d.changes());
  };

  it("the OMS's figure answering the count clears the SKU's flags, even when it changes no bin", () => {
    expect(
      StockLevelFollowedSchema.safeParse({
        skuId: 'S1',
        omsOnHand: 4,
        change: 0,
        locationId: 'L1',
      }).success,
    ).toBe(true);
    const base = flaggedSite();
    const d = new Draft(base);
    expect(followOmsStock(d, { skuId: 'S1', omsOnHand: 4, change: 0, locationId: 'L1' })).toEqual({
      ok: true,
    });
    const view = overlay(base, d.changes());
    expect(view.get('location', 'L2')).toMatchObject({ countRequired: false });
    expect(view.get('stock', 'L1|S1')).toMatchObject({ onHand: 4, reserved: 3 });
    // Another SKU's count is not answered by S1's figure, nor one where S1 was not found short.
    expect(view.get('location', 'L3')).toMatchObject({ countRequired: true });
    expect(view.get('location', 'L1')).toMatchObject({ countRequired: true });
  });

  it("the lead's screens say where to count it, in the OMS", () => {
    expect(countInOmsWords('SKU-1', 'A1-01', 'Vendure')).toBe(
      'Count SKU-1 at A1-01 in Vendure: found short',
    );
    expect(countInOmsWords('SKU-1', 'A1-01', null)).toBe(
      "Count SKU-1 at A1-01 in the shop's system: found short",
    );
  });
});
