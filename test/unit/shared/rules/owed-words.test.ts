import { describe, expect, it } from 'vitest';
import { describeOwed } from '../../../../shared/rules/owed-words';

const line = (q: Partial<Record<string, number>>) => ({
  qtyBackordered: 7,
  qtyCancelled: 0,
  qtyAllocated: 0,
  qtyPicked: 0,
  qtyShipped: 0,
  ...q,
});

describe('describeOwed', () => {
  it('names the buckets that hold units, owed first', () => {
    expect(describeOwed(line({}))).toBe('Owes 7 of 7: 7 to plan');
    // The partial short pick: 1 found of 7, the rest owed again.
    expect(describeOwed(line({ qtyAllocated: 1, qtyPicked: 1 }))).toBe(
      'Owes 7 of 7: 6 to plan, 1 waiting at packing',
    );
    expect(
      describeOwed(line({ qtyAllocated: 5, qtyPicked: 3, qtyShipped: 1, qtyCancelled: 2 })),
    ).toBe('Owes 4 of 7: 2 to pick, 2 waiting at packing; 1 shipped; 2 cancelled');
    expect(describeOwed(line({ qtyAllocated: 7, qtyPicked: 7, qtyShipped: 7 }))).toBe(
      'Owes 0 of 7; 7 shipped',
    );
  });
});
