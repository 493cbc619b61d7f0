import type { Warehouse } from '../layout/warehouse';
import type { ToteLoad } from './tote-load';

const NONE: readonly number[] = [];

const farIn = (load: ToteLoad | null, aisle: number): number => {
  if (!load) return -1;
  const i = load.aisles.indexOf(aisle);
  return i < 0 ? -1 : load.farM[i]!;
};

// A cart's loads kept per aisle, so the tour estimate (see TourEstimate) of the cart with one load
// swapped for another costs only the aisles those two touch. Local improvement asks this
// hundreds of thousands of times per wave.
export class CartSketch {
  readonly loads: ToteLoad[] = [];
  private readonly fars: number[][];
  private lo: number;
  private hi: number;
  units = 0;
  weightKg = 0;
  cost = 0;
  // What taking each load out would save, worked out when first asked.
  private savings: Float64Array | null = null;

  constructor(
    private readonly w: Warehouse,
    loads: readonly ToteLoad[],
  ) {
    this.fars = Array.from({ length: w.aisles }, () => []);
    this.lo = this.hi = w.depot.aisle;
    for (const l of loads) this.swap(null, l);
  }

  private aisleCost(farM: number) {
    return farM < 0 ? 0 : Math.min(this.w.aisleLengthM, 2 * farM);
  }

  // The farthest pick in an aisle once `out` has left (one of its values taken away).
  private farWithout(aisle: number, out: ToteLoad | null): number {
    const list = this.fars[aisle]!;
    const skip = farIn(out, aisle);
    let best = -1;
    let skipped = skip < 0;
    for (const f of list) {
      if (!skipped && f === skip) skipped = true;
      else if (f > best) best = f;
    }
    return best;
  }

  private busy(aisle: number, out: ToteLoad | null, into: ToteLoad | null) {
    return (
      this.fars[aisle]!.length - (farIn(out, aisle) >= 0 ? 1 : 0) > 0 || farIn(into, aisle) >= 0
    );
  }

  // How the estimate changes if `out` leaves and `into` joins (either may be null).
  delta(out: ToteLoad | null, into: ToteLoad | null): number {
    let d = 0;
    const outAisles = out ? out.aisles : NONE;
    const intoAisles = into ? into.aisles : NONE;
    for (let k = 0; k < outAisles.length + intoAisles.length; k++) {
      const a = k < outAisles.length ? outAisles[k]! : intoAisles[k - outAisles.length]!;
      // An aisle both touch is counted once, with `out`.
      if (k >= outAisles.length && farIn(out, a) >= 0) continue;
      const before = this.aisleCost(this.farWithout(a, null));
      const after = this.aisleCost(Math.max(this.farWithout(a, out), farIn(into, a)));
      d += after - before;
    }
    let hi = Math.max(this.w.depot.aisle, into?.aisles[into.aisles.length - 1] ?? -1);
    for (let a = this.hi; a > hi; a--)
      if (this.busy(a, out, into)) {
        hi = a;
        break;
      }
    let lo = Math.min(this.w.depot.aisle, into?.aisles[0] ?? Infinity);
    for (let a = this.lo; a < lo; a++)
      if (this.busy(a, out, into)) {
        lo = a;
        break;
      }
    return d + 2 * this.w.aisleSpacingM * (hi - lo - (this.hi - this.lo));
  }

  saving(index: number): number {
    if (!this.savings) {
      this.savings = new Float64Array(this.loads.length).fill(NaN);
    }
    if (Number.isNaN(this.savings[index]!))
      this.savings[index] = -this.delta(this.loads[index]!, null);
    return this.savings[index]!;
  }

  swap(out: ToteLoad | null, into: ToteLoad | null): void {
    this.savings = null;
    const d = this.delta(out, into);
    const hiLo = this.newSpan(out, into);
    if (out) {
      this.loads.splice(this.loads.indexOf(out), 1);
      out.aisles.forEach((a, i) => {
        const list = this.fars[a]!;
        list.splice(list.indexOf(out.farM[i]!), 1);
      });
      this.units -= out.units;
      this.weightKg -= out.weightKg;
    }
    if (into) {
      this.loads.push(into);
      into.aisles.forEach((a, i) => this.fars[a]!.push(into.farM[i]!));
      this.units += into.units;
      this.weightKg += into.weightKg;
    }
    [this.lo, this.hi] = hiLo;
    this.cost += d;
  }

  private newSpan(out: ToteLoad | null, into: ToteLoad | null): [number, number] {
    let lo = this.w.depot.aisle;
    let hi = this.w.depot.aisle;
    for (let a = 0; a < this.w.aisles; a++)
      if (this.busy(a, out, into)) {
        lo = Math.min(lo, a);
        hi = Math.max(hi, a);
      }
    return [lo, hi];
  }
}
