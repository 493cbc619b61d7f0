import { describe, expect, it } from 'vitest';
import {
  commitBatches,
  COMMIT_MAX_LINES,
  previewAllocation,
  type AllocationSite,
} from '../../../../../shared/engines/allocation/preview';
import { AllocationCommittedSchema } from '../../../../../shared/sync-api/events/lead';
import { backorderLine } from '../../../../fixtures/backorder-line';

const site = (over: Partial<AllocationSite> = {}): AllocationSite => ({
  layouts: [
    {
      id: 'main',
      name: 'Main',
      aisleCount: 1,
      aisleLengthM: 10,
      aisleSpacingM: 3,
      crossAislesM: [0, 10],
      depotAisle: 1,
      depotCrossAisleM: 0,
    },
  ],
  locations: [
    {
      id: 'L1',
      code: 'A-01',
      zone: 'A',
      aisle: 1,
      positionM: 2,
      level: 0,
      side: 'left',
      countRequired: false,
    },
  ],
  skus: [
    {
      id: 'SKU-1',
      sku: 'BOLT-10',
      description: '',
      unit: 'each',
      weightKg: 1,
      volumeL: 1,
      barcodes: [],
    },
  ],
  stock: [{ id: 'L1|SKU-1', locationId: 'L1', skuId: 'SKU-1', onHand: 2500, reserved: 0 }],
  lines: [],
  ...over,
});

describe('the allocation preview', () => {
  it('commits a fill list over 2,000 lines as several events, in priority order', () => {
    const lines = Array.from({ length: 2001 }, (_, i) =>
      backorderLine(`SO-${String(i).padStart(4, '0')}/1`, {
        skuId: 'SKU-1',
        qtyOrdered: 1,
        qtyBackordered: 1,
      }),
    );
    const made = previewAllocation(site({ lines }), ['order-id']);
    if (!made.ok) throw new Error(made.reason);
    expect(made.value.counts).toEqual({ filled: 2001, partly: 0, left: 0 });
    const batches = commitBatches(made.value.fillList);
    expect(batches.map((b) => b.lines.length)).toEqual([COMMIT_MAX_LINES, 1]);
    for (const b of batches) expect(AllocationCommittedSchema.safeParse(b).success).toBe(true);
    expect(batches.flatMap((b) => b.lines.map((l) => l.backorderLineId))).toEqual(
      lines.map((l) => l.id),
    );
  });

  it('says why in words, and refuses what it cannot read without throwing', () => {
    const made = previewAllocation(
      site({
        stock: [{ id: 'L1|SKU-1', locationId: 'L1', skuId: 'SKU-1', onHand: 3, reserved: 0 }],
        lines: [backorderLine('SO-12/1', { skuId: 'SKU-1', qtyOrdered: 8, qtyBackordered: 8 })],
      }),
      ['promise-date'],
    );
    expect(made.ok && made.value.linesOf('partly')).toEqual([
      expect.objectContaining({
        name: 'line 1 of order SO-12',
        sku: 'BOLT-10',
        qty: 8,
        filledQty: 3,
        reason: 'not enough free stock: 3 of 8',
      }),
    ]);
    expect(previewAllocation(site({ layouts: [] }), [])).toEqual({
      ok: false,
      reason: 'No warehouse layout is on this device yet: sync with the server, then preview.',
    });
    expect(
      previewAllocation(site({ lines: [backorderLine('SO-1/1', { skuId: 'SKU-9' })] }), []),
    ).toEqual({
      ok: false,
      reason: 'Cannot allocate: backorder line SO-1/1: SKU SKU-9 is not known',
    });
  });
});
