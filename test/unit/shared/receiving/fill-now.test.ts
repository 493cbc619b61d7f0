import { describe, expect, it } from 'vitest';
import { backorderLine } from '../../../fixtures/backorder-line';
import type { Location } from '../../../../shared/domain/location';
import type { Sku } from '../../../../shared/domain/sku';
import { fillNow, fillNowText, type FillNowInput } from '../../../../shared/receiving/fill-now';

const layout = {
  id: 'main',
  name: 'Main',
  aisleCount: 2,
  aisleLengthM: 10,
  aisleSpacingM: 3,
  crossAislesM: [0, 10],
  depotAisle: 1,
  depotCrossAisleM: 0,
};
const loc = (id: string, countRequired = false): Location => ({
  id,
  code: `A-${id}`,
  zone: 'A',
  aisle: 1,
  positionM: 2,
  level: 0,
  side: 'left',
  countRequired,
});
const sku = (id: string): Sku => ({
  id,
  sku: id,
  description: id,
  unit: 'ea',
  weightKg: 1,
  volumeL: 1,
  barcodes: [],
});
const site = (over: Partial<FillNowInput>): FillNowInput => ({
  layouts: [layout],
  locations: [loc('L1'), loc('L2', true)],
  skus: [sku('S1'), sku('S2')],
  stock: [{ id: 'L1|S1', locationId: 'L1', skuId: 'S1', onHand: 9, reserved: 0 }],
  lines: [],
  receivedSkuIds: ['S1'],
  ...over,
});

describe('what received stock fills now', () => {
  it('fills lines by the priority rules: the earliest promise first, then in part, then none', () => {
    const result = fillNow(
      site({
        lines: [
          backorderLine('SO-3/1', {
            skuId: 'S1',
            qtyBackordered: 4,
            promisedBy: '2026-12-03T00:00:00Z',
          }),
          backorderLine('SO-1/2', {
            skuId: 'S1',
            qtyBackordered: 6,
            promisedBy: '2026-12-01T00:00:00Z',
          }),
          backorderLine('SO-2/1', {
            skuId: 'S1',
            qtyBackordered: 8,
            promisedBy: '2026-12-02T00:00:00Z',
          }),
        ],
      }),
    );
    expect(result.ok && result.value.lines.map(fillNowText)).toEqual([
      'Line 2 of order SO-1: 6 of 6',
      'Line 1 of order SO-2 partly: 3 of 8',
      'Line 1 of order SO-3 left: no free stock is left for it after the lines before it',
    ]);
  });

  it('follows the rules it is given: by customer tier, the tier-1 customer comes first', () => {
    const lines = [
      backorderLine('SO-1/1', { skuId: 'S1', qtyBackordered: 9, customerTier: 3 }),
      backorderLine('SO-2/1', {
        skuId: 'S1',
        qtyBackordered: 9,
        customerTier: 1,
        promisedBy: '2026-12-30T00:00:00Z',
      }),
    ];
    const byTier = fillNow(site({ lines, rules: ['customer-tier', 'promise-date'] }));
    expect(byTier.ok && byTier.value.lines.map((l) => [l.line.id, l.outcome])).toEqual([
      ['SO-2/1', 'filled'],
      ['SO-1/1', 'left'],
    ]);
  });

  it('leaves a ship-complete order whose other line cannot be filled, and says why', () => {
    const result = fillNow(
      site({
        lines: [
          backorderLine('SO-5/1', { skuId: 'S1', qtyBackordered: 2, shipComplete: true }),
          backorderLine('SO-5/2', { skuId: 'S2', qtyBackordered: 2, shipComplete: true }),
        ],
      }),
    );
    expect(result.ok && result.value.lines.map(fillNowText)).toEqual([
      'Line 1 of order SO-5 left: its order ships complete, and not all of the order can be filled',
    ]);
  });

  it('leaves a held line, and counts stock at a location waiting for a count apart', () => {
    const result = fillNow(
      site({
        stock: [{ id: 'L2|S1', locationId: 'L2', skuId: 'S1', onHand: 5, reserved: 0 }],
        lines: [
          backorderLine('SO-1/1', { skuId: 'S1', status: 'held' }),
          backorderLine('SO-2/1', { skuId: 'S1' }),
        ],
      }),
    );
    expect(result.ok && result.value.lines.map(fillNowText)).toEqual([
      'Line 1 of order SO-1 left: it is on hold',
      'Line 1 of order SO-2 left: no free stock is left for it after the lines before it',
    ]);
    expect(result.ok && result.value.waitingForCount).toEqual([
      { skuId: 'S1', locationId: 'L2', qty: 5 },
    ]);
  });

  it('says why when there is no layout to work it out on', () => {
    expect(fillNow(site({ layouts: [] }))).toMatchObject({ ok: false });
  });
});
