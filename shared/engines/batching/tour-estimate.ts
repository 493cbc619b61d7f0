import type { Warehouse } from '../layout/warehouse';
import type { ToteLoad } from './tote-load';

// A quick estimate of a tour's length, for choosing which orders share a cart (the exact router
// runs once the tours are chosen). Out along the front to the farthest aisle with picks and back,
// and into each aisle with picks: through it, or in and back out to its farthest pick, whichever
// is shorter. Cheap to update as loads join: only their aisles change.
export class TourEstimate {
  private readonly far: Float64Array;
  private lo: number;
  private hi: number;
  cost = 0;

  constructor(private readonly w: Warehouse) {
    this.far = new Float64Array(w.aisles).fill(-1);
    this.lo = w.depot.aisle;
    this.hi = w.depot.aisle;
  }

  private aisleCost(farM: number) {
    return farM < 0 ? 0 : Math.min(this.w.aisleLengthM, 2 * farM);
  }

  // How much longer the tour gets if the load joins.
  added(load: ToteLoad): number {
    let d = 0;
    for (let i = 0; i < load.aisles.length; i++) {
      const a = load.aisles[i]!;
      const f = load.farM[i]!;
      const cur = this.far[a]!;
      if (f > cur) d += this.aisleCost(f) - this.aisleCost(cur);
    }
    const lo = Math.min(this.lo, load.aisles[0] ?? this.lo);
    const hi = Math.max(this.hi, load.aisles[load.aisles.length - 1] ?? this.hi);
    return d + 2 * this.w.aisleSpacingM * (hi - lo - (this.hi - this.lo));
  }

  add(load: ToteLoad): void {
    this.cost += this.added(load);
    for (let i = 0; i < load.aisles.length; i++) {
      const a = load.aisles[i]!;
      this.far[a] = Math.max(this.far[a]!, load.farM[i]!);
    }
    if (load.aisles.length) {
      this.lo = Math.min(this.lo, load.aisles[0]!);
      this.hi = Math.max(this.hi, load.aisles[load.aisles.length - 1]!);
    }
  }

  clear(): void {
    this.far.fill(-1);
    this.lo = this.hi = this.w.depot.aisle;
    this.cost = 0;
  }
}

// The estimate for a set of loads, reusing one scratch estimate.
export const estimateOf = (scratch: TourEstimate, loads: Iterable<ToteLoad>): number => {
  scratch.clear();
  for (const l of loads) scratch.add(l);
  return scratch.cost;
};
