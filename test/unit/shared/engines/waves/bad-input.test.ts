import { describe, expect, it } from 'vitest';
import type { Location } from '../../../../../shared/domain/location';
import type { Sku } from '../../../../../shared/domain/sku';
import type { Warehouse } from '../../../../../shared/engines/layout/warehouse';
import { planWaves, type PlanInput } from '../../../../../shared/engines/plan/plan-waves';
import { backorderLine } from '../../../../fixtures/backorder-line';

const warehouse: Warehouse = {
  aisles: 2,
  aisleLengthM: 10,
  aisleSpacingM: 3,
  crossAislesM: [0, 10],
  depot: { aisle: 0, positionM: 0 },
};
const location = (id: string, zone = 'Z1'): Location => ({
  id,
  code: id,
  zone,
  aisle: 1,
  positionM: 4,
  level: 0,
  side: 'left',
  countRequired: false,
});
const sku = (id: string, weightKg: number): Sku => ({
  id,
  sku: id,
  description: '',
  unit: 'each',
  weightKg,
  volumeL: 1,
  barcodes: [],
});

const base = (): PlanInput => ({
  fillList: [
    { backorderLineId: 'O1/1', reservations: [{ locationId: 'L1', qty: 2 }] },
    { backorderLineId: 'O1/2', reservations: [{ locationId: 'L2', qty: 1 }] },
    { backorderLineId: 'O2/1', reservations: [{ locationId: 'L1', qty: 1 }] },
  ],
  lines: [
    backorderLine('O1/1', { skuId: 'LIGHT', shipComplete: true }),
    backorderLine('O1/2', { skuId: 'LIGHT', shipComplete: true }),
    backorderLine('O2/1', { skuId: 'HEAVY' }),
  ],
  skus: [sku('LIGHT', 1), sku('HEAVY', 20)],
  locations: [location('L1'), location('L2', 'Z2')],
  template: {
    maxOrders: 10,
    maxLines: 10,
    maxUnits: 100,
    maxWeightKg: 500,
    maxVolumeL: 500,
    zones: null,
  },
  warehouse,
  points: new Map([
    ['L1', { aisle: 0, positionM: 4 }],
    ['L2', { aisle: 1, positionM: 6 }],
  ]),
  cart: { totes: 4, maxUnits: 20, maxWeightKg: 30 },
});

const reasonOf = (input: PlanInput) => {
  const plan = planWaves(input);
  return plan.ok ? 'planned' : plan.reason;
};

describe('planWaves refuses bad input, naming the record', () => {
  it('plans the good input (the cases below each break one thing)', () => {
    const plan = planWaves(base());
    expect(plan.ok && plan.value.waves.flatMap((w) => w.tours).length).toBe(1);
  });

  it('a single line heavier than the cart', () => {
    const input = base();
    input.cart = { ...input.cart, maxWeightKg: 15 };
    expect(reasonOf(input)).toBe('backorder line O2/1 is 20.00 kg (a cart takes 15 kg)');
  });

  it('a line with more units than the cart takes', () => {
    const input = base();
    input.cart = { ...input.cart, maxUnits: 1 };
    expect(reasonOf(input)).toBe('backorder line O1/1 is 2 units (a cart takes 1)');
  });

  it('a ship-complete order bigger than any wave the template allows', () => {
    const input = base();
    input.template = { ...input.template, maxLines: 1 };
    expect(reasonOf(input)).toBe(
      'order O1 is ship-complete and needs 2 lines (the template allows 1): no wave can hold it whole',
    );
  });

  it('a line heavier than a whole wave', () => {
    const input = base();
    input.template = { ...input.template, maxWeightKg: 10 };
    expect(reasonOf(input)).toBe('backorder line O2/1 needs 20.00 kg (the template allows 10)');
  });

  it('a negative or fractional quantity', () => {
    const input = base();
    input.fillList = [{ backorderLineId: 'O2/1', reservations: [{ locationId: 'L1', qty: -1 }] }];
    expect(reasonOf(input)).toBe('fill list: backorder line O2/1: -1 at L1 is not a quantity');
  });

  it('a line, a location or a SKU nobody knows', () => {
    const unknownLine = base();
    unknownLine.fillList = [
      { backorderLineId: 'O9/1', reservations: [{ locationId: 'L1', qty: 1 }] },
    ];
    expect(reasonOf(unknownLine)).toBe('fill list: backorder line O9/1 is not known');
    const unknownLocation = base();
    unknownLocation.fillList = [
      { backorderLineId: 'O2/1', reservations: [{ locationId: 'NOWHERE', qty: 1 }] },
    ];
    expect(reasonOf(unknownLocation)).toBe(
      'fill list: backorder line O2/1: location NOWHERE is not known',
    );
    const unknownSku = base();
    unknownSku.skus = [sku('LIGHT', 1)];
    expect(reasonOf(unknownSku)).toBe('backorder line O2/1: SKU HEAVY is not known');
  });

  it('a line named twice in the fill list', () => {
    const input = base();
    input.fillList = [...input.fillList, input.fillList[2]!];
    expect(reasonOf(input)).toBe('fill list: backorder line O2/1 is there twice');
  });

  it('a location with no place in the layout', () => {
    const input = base();
    input.points = new Map([['L1', { aisle: 0, positionM: 4 }]]);
    expect(reasonOf(input)).toBe('backorder line O1/2: location L2 has no place in the layout');
  });

  it('leaves a ship-complete order out whole when one of its lines is outside the zones', () => {
    const input = base();
    input.template = { ...input.template, zones: ['Z1'] };
    const plan = planWaves(input);
    expect(plan.ok && plan.value.left).toEqual([
      { backorderLineId: 'O1/1', reason: 'outside-zones' },
      { backorderLineId: 'O1/2', reason: 'outside-zones' },
    ]);
    expect(plan.ok && plan.value.waves.flatMap((w) => w.tours.map((t) => t.totes))).toEqual([
      [{ slot: 0, orderId: 'O2' }],
    ]);
  });
});
