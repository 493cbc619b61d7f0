import { describe, expect, it } from 'vitest';
import {
  changeToFollow,
  followPlan,
  homeOf,
  receivingLocationOf,
} from '../../../../shared/stock/follow-oms';

const bin = (locationId: string, onHand: number, reserved = 0) => ({
  locationId,
  onHand,
  reserved,
});

describe("Fillwave's bins following the OMS's stock figure", () => {
  it('compares the OMS figure with bins, packing, returns to make and shipments the OMS was not told of', () => {
    const h = { inBins: 6, atPacking: 2, toReturn: 3, shippedUntold: 1 };
    expect(changeToFollow(13, h)).toBe(1);
    expect(changeToFollow(8, h)).toBe(-4);
    expect(changeToFollow(12, h)).toBe(0);
  });

  it('a SKU’s home is the bin holding most of it; with none, the receiving location', () => {
    expect(homeOf([bin('B', 3), bin('A', 5), bin('C', 5)], 'R')).toBe('A');
    expect(homeOf([bin('B', 0)], 'R')).toBe('R');
    expect(homeOf([], 'R')).toBe('R');
    expect(receivingLocationOf(['L2', 'L1', 'A9'])).toBe('A9');
    expect(receivingLocationOf([])).toBeNull();
  });

  it('units the OMS has more of land on the home bin, made if need be', () => {
    expect(followPlan([bin('A', 5)], 3, 'A')).toEqual({
      bins: [{ locationId: 'A', onHand: 8 }],
      notTaken: 0,
    });
    expect(followPlan([], 4, 'R')).toEqual({ bins: [{ locationId: 'R', onHand: 4 }], notTaken: 0 });
  });

  it('units it has fewer of go unreserved first, the home bin’s before the others’', () => {
    const bins = [bin('A', 5, 3), bin('B', 4, 0), bin('C', 2, 1)];
    // Home A gives its 2 free units, then B its 4 free.
    expect(followPlan(bins, -6, 'A')).toEqual({
      bins: [
        { locationId: 'A', onHand: 3 },
        { locationId: 'B', onHand: 0 },
      ],
      notTaken: 0,
    });
    // Beyond every free unit: reserved ones, home first (its reservations then give way).
    expect(followPlan(bins, -9, 'A')).toEqual({
      bins: [
        { locationId: 'A', onHand: 1 },
        { locationId: 'B', onHand: 0 },
        { locationId: 'C', onHand: 1 },
      ],
      notTaken: 0,
    });
  });

  it('never takes a bin below nothing: what the bins cannot give is not taken', () => {
    expect(followPlan([bin('A', 2, 2)], -5, 'A')).toEqual({
      bins: [{ locationId: 'A', onHand: 0 }],
      notTaken: 3,
    });
    expect(followPlan([], -2, 'R')).toEqual({ bins: [], notTaken: 2 });
  });
});
