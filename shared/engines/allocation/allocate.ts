import type { BackorderLine } from '../../domain/backorder-line';
import type { Location } from '../../domain/location';
import type { Stock } from '../../domain/stock';
import { fail, ok, type Result } from '../../result';
import { distanceM, type Point, type Warehouse } from '../layout/warehouse';
import { byPriority, DEFAULT_PRIORITY, type PriorityRule } from './priority';

export interface FillLine {
  backorderLineId: string;
  reservations: { locationId: string; qty: number }[];
}

export type LeftReason = 'no-stock' | 'ship-complete-incomplete' | 'held';

export interface AllocationPlan {
  // In priority order: what allocation.committed sends.
  fillList: FillLine[];
  left: { backorderLineId: string; reason: LeftReason; missingQty: number }[];
}

export interface AllocationInput {
  lines: readonly BackorderLine[];
  stock: readonly Stock[];
  locations: readonly Location[];
  warehouse: Warehouse;
  // Where each location is, for the nearest-to-the-depot rule (warehouseFrom gives it).
  points: ReadonlyMap<string, Point>;
  rules?: readonly PriorityRule[];
  // The SKUs the catalogue knows; a line or stock row naming another is refused.
  skuIds?: ReadonlySet<string>;
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

// Who gets the replenished stock. Lines by the lead's priority rules; a ship-complete order goes
// whole or not at all (at the priority of its most urgent line); other lines may fill in part.
// Which locations supply a line: fewest locations first (one that holds all of it, if any), then
// the one nearest the depot; a location waiting for a count supplies nothing.
export const allocate = (input: AllocationInput): Result<AllocationPlan> => {
  const locations = new Map(input.locations.map((l) => [l.id, l]));
  const free = new Map<string, number>();
  const bySku = new Map<string, string[]>();
  for (const s of input.stock) {
    if (s.onHand < 0 || s.reserved < 0 || s.reserved > s.onHand)
      return fail(`stock ${s.id}: ${s.reserved} reserved of ${s.onHand} on hand`);
    const location = locations.get(s.locationId);
    if (!location) return fail(`stock ${s.id}: location ${s.locationId} is not known`);
    if (!input.points.has(s.locationId))
      return fail(`stock ${s.id}: location ${s.locationId} has no place in the layout`);
    if (input.skuIds && !input.skuIds.has(s.skuId))
      return fail(`stock ${s.id}: SKU ${s.skuId} is not known`);
    if (location.countRequired) continue;
    free.set(s.id, s.onHand - s.reserved);
    bySku.set(s.skuId, [...(bySku.get(s.skuId) ?? []), s.locationId]);
  }
  const depotDistance = (locationId: string) =>
    distanceM(input.warehouse, input.warehouse.depot, input.points.get(locationId)!);
  for (const locs of bySku.values())
    locs.sort((a, b) => depotDistance(a) - depotDistance(b) || cmp(a, b));

  const order = byPriority(input.rules ?? DEFAULT_PRIORITY);
  const open: BackorderLine[] = [];
  const left: AllocationPlan['left'] = [];
  for (const l of input.lines) {
    const need = l.qtyBackordered - l.qtyAllocated;
    if (need < 0 || l.qtyBackordered < 0 || l.qtyAllocated < 0) {
      return fail(
        `backorder line ${l.id}: ${l.qtyAllocated} allocated of ${l.qtyBackordered} backordered`,
      );
    }
    if (input.skuIds && !input.skuIds.has(l.skuId))
      return fail(`backorder line ${l.id}: SKU ${l.skuId} is not known`);
    if (l.status === 'held') left.push({ backorderLineId: l.id, reason: 'held', missingQty: need });
    else if (
      (l.status === 'open' || l.status === 'allocated' || l.status === 'in_wave') &&
      need > 0
    )
      open.push(l);
  }

  // Units: a ship-complete order is one, at its most urgent line; every other line is its own.
  const units = new Map<string, BackorderLine[]>();
  for (const l of open) {
    const unit = l.shipComplete ? `order:${l.orderId}` : `line:${l.id}`;
    units.set(unit, [...(units.get(unit) ?? []), l]);
  }
  const ranked = [...units.values()]
    .map((lines) => [...lines].sort(order))
    .sort((a, b) => order(a[0]!, b[0]!));

  const take = (
    l: BackorderLine,
    need: number,
    whole: boolean,
  ): FillLine['reservations'] | null => {
    const sources = (bySku.get(l.skuId) ?? []).filter(
      (loc) => (free.get(`${loc}|${l.skuId}`) ?? 0) > 0,
    );
    const single = sources.find((loc) => free.get(`${loc}|${l.skuId}`)! >= need);
    const picks: FillLine['reservations'] = [];
    if (single) picks.push({ locationId: single, qty: need });
    else {
      // No one location holds it all: the biggest first, so the fewest locations serve it.
      let rest = need;
      for (const loc of [...sources].sort(
        (a, b) =>
          free.get(`${b}|${l.skuId}`)! - free.get(`${a}|${l.skuId}`)! ||
          depotDistance(a) - depotDistance(b) ||
          cmp(a, b),
      )) {
        if (rest === 0) break;
        const qty = Math.min(rest, free.get(`${loc}|${l.skuId}`)!);
        picks.push({ locationId: loc, qty });
        rest -= qty;
      }
      if (whole && rest > 0) return null;
    }
    for (const p of picks)
      free.set(`${p.locationId}|${l.skuId}`, free.get(`${p.locationId}|${l.skuId}`)! - p.qty);
    return picks;
  };

  const fillList: FillLine[] = [];
  for (const unit of ranked) {
    if (unit[0]!.shipComplete) {
      // Take line by line; if one cannot be filled whole, give back what the others took.
      const got: (FillLine['reservations'] | null)[] = [];
      for (const l of unit) {
        got.push(take(l, l.qtyBackordered - l.qtyAllocated, true));
        if (got[got.length - 1] === null) break;
      }
      if (got.some((g) => g === null)) {
        got.forEach((g, i) => {
          for (const p of g ?? []) {
            const key = `${p.locationId}|${unit[i]!.skuId}`;
            free.set(key, free.get(key)! + p.qty);
          }
        });
        for (const l of unit)
          left.push({
            backorderLineId: l.id,
            reason: 'ship-complete-incomplete',
            missingQty: l.qtyBackordered - l.qtyAllocated,
          });
        continue;
      }
      unit.forEach((l, i) => fillList.push({ backorderLineId: l.id, reservations: got[i]! }));
      continue;
    }
    const l = unit[0]!;
    const need = l.qtyBackordered - l.qtyAllocated;
    const got = take(l, need, false)!;
    const qty = got.reduce((s, r) => s + r.qty, 0);
    if (qty > 0) fillList.push({ backorderLineId: l.id, reservations: got });
    if (qty < need)
      left.push({ backorderLineId: l.id, reason: 'no-stock', missingQty: need - qty });
  }
  left.sort((a, b) => cmp(a.backorderLineId, b.backorderLineId));
  return ok({ fillList, left });
};
