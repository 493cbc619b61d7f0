import { describe, expect, it } from 'vitest';
import {
  changeToFollow,
  followPlan,
  followStep,
  foundShortAt,
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

describe('a SKU whose bin is flagged for a count, when the OMS keeps the stock', () => {
  it('while the OMS has more than Fillwave holds, the extra units (the ones not found) land nowhere', () => {
    expect(followStep(2, true, true)).toBe('wait');
  });

  it('at or below what Fillwave holds, the count is answered: followed, even a change of none', () => {
    expect(followStep(0, true, false)).toBe('follow');
    expect(followStep(-3, true, true)).toBe('follow');
    expect(followStep(-3, true, false)).toBe('follow');
  });

  it('with no flag, a change is followed when it moves a bin, and nothing else', () => {
    expect(followStep(2, false, true)).toBe('follow');
    expect(followStep(-2, false, false)).toBe('nothing');
    expect(followStep(0, false, false)).toBe('nothing');
  });

  it('a SKU was found short at its flagged bins that hold none of it', () => {
    const flagged = new Set(['L1', 'L2']);
    expect(foundShortAt([bin('L1', 0), bin('L2', 3), bin('L3', 0)], flagged)).toEqual(['L1']);
  });

  it('units the OMS adds never go to a flagged bin while another will do', () => {
    const flagged = new Set(['L1']);
    // L1 holds most, but is flagged: L2 is home.
    expect(homeOf([bin('L1', 9), bin('L2', 1)], 'L1', flagged)).toBe('L2');
    // Only the flagged bin holds any: the receiving location, chosen past flagged ones.
    expect(homeOf([bin('L1', 9)], 'L3', flagged)).toBe('L3');
    expect(receivingLocationOf(['L2', 'L1', 'L3'], flagged)).toBe('L2');
    // Every location flagged: the first, as before.
    expect(receivingLocationOf(['L2', 'L1'], new Set(['L1', 'L2']))).toBe('L1');
  });
});
