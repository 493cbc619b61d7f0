import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_FLOOR_SETTINGS } from '../../../shared/domain/floor-settings';
import { act } from '../../../renderer/actions/act';
import { db } from '../../../renderer/db/db';
import { planShift } from '../../../renderer/db/tables/planning';
import { line } from '../fixtures';

// The 5 units of SKU-1 are wanted by SO-1 (tier 3, promised first) and SO-2 (tier 1).
const seed = async () => {
  await db.warehouseLayouts.put({
    id: 'main',
    name: 'Main floor',
    aisleCount: 2,
    aisleLengthM: 20,
    aisleSpacingM: 3,
    crossAislesM: [0, 20],
    depotAisle: 1,
    depotCrossAisleM: 0,
  });
  await db.locations.put({
    id: 'L1',
    code: 'A-01',
    zone: 'Z1',
    aisle: 1,
    positionM: 5,
    level: 0,
    side: 'left',
    countRequired: false,
  });
  await db.skus.put({
    id: 'SKU-1',
    sku: 'BOLT-10',
    description: '',
    unit: 'each',
    weightKg: 1,
    volumeL: 1,
    barcodes: [],
  });
  await db.stock.put({ id: 'L1|SKU-1', locationId: 'L1', skuId: 'SKU-1', onHand: 5, reserved: 0 });
  await db.backorderLines.bulkPut([
    line('SO-1/1', { skuId: 'SKU-1', customerTier: 3, promisedBy: '2026-11-22T10:00:00.000Z' }),
    line('SO-2/1', { skuId: 'SKU-1', customerTier: 1, promisedBy: '2026-11-30T10:00:00.000Z' }),
  ]);
  await db.operators.put({
    id: 'op-lee',
    badge: 'LE001',
    name: 'Lee Lead',
    role: 'lead',
    active: true,
  });
};

const leftLines = async () => {
  const planned = await planShift(() => crypto.randomUUID());
  if (!planned.ok) throw new Error(planned.reason);
  return planned.value.leftLines.map((l) => l.backorderLineId);
};

const tierFirst = [
  { rule: 'customer-tier', on: true },
  { rule: 'promise-date', on: true },
] as const;

describe('planning waves by the rules the lead saved', () => {
  beforeEach(seed);

  it('uses the pulled floor settings', async () => {
    expect(await leftLines()).toEqual(['SO-2/1']);
    await db.floorSettings.put({ ...DEFAULT_FLOOR_SETTINGS, priorityRules: [...tierFirst] });
    expect(await leftLines()).toEqual(['SO-1/1']);
  });

  it('uses a change still waiting to be sent', async () => {
    const ctx = { operatorId: 'op-lee', now: () => new Date(), newId: () => crypto.randomUUID() };
    const saved = await act(
      db,
      'floor-settings.changed',
      { priorityRules: [...tierFirst] },
      ctx,
      () => undefined,
    );
    expect(saved.ok).toBe(true);
    expect(await leftLines()).toEqual(['SO-1/1']);
  });
});
