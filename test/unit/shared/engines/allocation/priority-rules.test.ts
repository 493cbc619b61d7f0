import { describe, expect, it } from 'vitest';
import type { BackorderLine } from '../../../../../shared/domain/backorder-line';
import {
  activePriority,
  DEFAULT_FLOOR_SETTINGS,
  FloorSettingsSchema,
} from '../../../../../shared/domain/floor-settings';
import { allocate, type AllocationInput } from '../../../../../shared/engines/allocation/allocate';
import {
  byPriority,
  priorityOrder,
  type PriorityRule,
} from '../../../../../shared/engines/allocation/priority';
import { backorderLine } from '../../../../fixtures/backorder-line';

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T09:00:00.000Z`;

// One location at the depot holding `onHand` of SKU-1.
const input = (lines: BackorderLine[], onHand: number, rules: PriorityRule[]): AllocationInput => ({
  warehouse: {
    aisles: 1,
    aisleLengthM: 10,
    aisleSpacingM: 3,
    crossAislesM: [0, 10],
    depot: { aisle: 0, positionM: 0 },
  },
  points: new Map([['L1', { aisle: 0, positionM: 1 }]]),
  locations: [
    {
      id: 'L1',
      code: 'A-01',
      zone: 'A',
      aisle: 0,
      positionM: 1,
      level: 0,
      side: 'left',
      countRequired: false,
    },
  ],
  stock: [{ id: 'L1|SKU-1', locationId: 'L1', skuId: 'SKU-1', onHand, reserved: 0 }],
  lines,
  rules,
});

const filled = (i: AllocationInput) => {
  const plan = allocate(i);
  if (!plan.ok) throw new Error(plan.reason);
  return plan.value.fillList.map((f) => f.backorderLineId);
};

describe('ship-complete orders first', () => {
  // SO-1 (any line may go alone) was promised first; SO-2 ships complete: 2 lines of 3.
  const lines = [
    backorderLine('SO-1/1', { qtyOrdered: 4, qtyBackordered: 4, promisedBy: day(3) }),
    backorderLine('SO-2/1', { qtyOrdered: 3, qtyBackordered: 3, shipComplete: true }),
    backorderLine('SO-2/2', { qtyOrdered: 3, qtyBackordered: 3, shipComplete: true }),
  ];

  it('gives scarce stock to the order that must go whole, ahead of an earlier promise', () => {
    expect(filled(input(lines, 6, ['promise-date']))).toEqual(['SO-1/1']);
    expect(filled(input(lines, 6, ['ship-complete-first', 'promise-date']))).toEqual([
      'SO-2/1',
      'SO-2/2',
    ]);
  });

  it('after order id it decides nothing: the default fill list is as before', () => {
    const before: PriorityRule[] = ['promise-date', 'customer-tier', 'order-date', 'order-id'];
    expect(filled(input(lines, 6, activePriority(DEFAULT_FLOOR_SETTINGS)))).toEqual(
      filled(input(lines, 6, before)),
    );
  });
});

describe('oldest backorder first', () => {
  // SO-7 was ordered on the 1st; its line 2 was added on the 9th. SO-8 was ordered on the 5th.
  const lines = [
    backorderLine('SO-7/1', { orderedAt: day(1), skuId: 'SKU-2' }),
    backorderLine('SO-7/2', { orderedAt: day(9) }),
    backorderLine('SO-8/1', { orderedAt: day(5) }),
  ];

  it('ranks a line at its order age, where order date ranks it by its own date', () => {
    expect(priorityOrder(lines, ['order-date']).map((i) => lines[i]!.id)).toEqual([
      'SO-7/1',
      'SO-8/1',
      'SO-7/2',
    ]);
    expect(priorityOrder(lines, ['oldest-backorder']).map((i) => lines[i]!.id)).toEqual([
      'SO-7/1',
      'SO-7/2',
      'SO-8/1',
    ]);
    const order = byPriority(['oldest-backorder'], lines);
    expect([...lines].sort(order).map((l) => l.id)).toEqual(['SO-7/1', 'SO-7/2', 'SO-8/1']);
  });

  it('so the older order gets the last units of SKU-1 (none of SKU-2 is in stock)', () => {
    expect(filled(input(lines, 5, ['order-date']))).toEqual(['SO-8/1']);
    expect(filled(input(lines, 5, ['oldest-backorder']))).toEqual(['SO-7/2']);
  });

  it('reads the order age among the lines ranked: an order alone ranks at its own dates', () => {
    expect(priorityOrder([lines[1]!, lines[2]!], ['oldest-backorder'])).toEqual([1, 0]);
  });
});

describe('the floor settings know the new rules', () => {
  it('a lead may save them in any order, on or off', () => {
    const saved = FloorSettingsSchema.parse({
      ...DEFAULT_FLOOR_SETTINGS,
      priorityRules: [
        { rule: 'oldest-backorder', on: true },
        { rule: 'ship-complete-first', on: false },
        { rule: 'promise-date', on: true },
      ],
    });
    expect(activePriority(saved)).toEqual([
      'oldest-backorder',
      'promise-date',
      'customer-tier',
      'order-date',
      'order-id',
    ]);
  });
});
