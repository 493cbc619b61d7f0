import type { Location } from '../../domain/location';
import type { WarehouseLayout } from '../../domain/warehouse-layout';
import { fail, ok, type Result } from '../../result';

// The standard model of the routing literature: parallel aisles (numbered from 0 here), each a
// centre line of the same length; cross aisles run across every aisle at the listed positions
// (the front at 0, the back at the aisle length; more make more blocks); a pick sits at its
// position on its aisle's centre line (side and level cost nothing).
export interface Warehouse {
  aisles: number;
  aisleLengthM: number;
  aisleSpacingM: number;
  crossAislesM: readonly number[];
  depot: Point;
}

export interface Point {
  aisle: number;
  positionM: number;
}

const EPSILON = 1e-9;

export const checkWarehouse = (w: Warehouse): string | null => {
  if (!Number.isInteger(w.aisles) || w.aisles < 1)
    return `aisles: ${w.aisles} is not a number of aisles (1 or more)`;
  if (!(w.aisleLengthM > 0)) return `aisleLength: ${w.aisleLengthM} must be more than 0`;
  if (!(w.aisleSpacingM > 0)) return `aisleSpacing: ${w.aisleSpacingM} must be more than 0`;
  const c = w.crossAislesM;
  if (
    c.length < 2 ||
    Math.abs(c[0]!) > EPSILON ||
    Math.abs(c[c.length - 1]! - w.aisleLengthM) > EPSILON
  ) {
    return `crossAisles: [${c.join(', ')}] must start at 0 (the front) and end at the aisle length ${w.aisleLengthM} (the back)`;
  }
  for (let i = 1; i < c.length; i++)
    if (!(c[i]! > c[i - 1]!)) return `crossAisles: [${c.join(', ')}] must rise strictly`;
  if (!Number.isInteger(w.depot.aisle) || w.depot.aisle < 0 || w.depot.aisle >= w.aisles)
    return `depot.aisle: ${w.depot.aisle} is not an aisle (0 to ${w.aisles - 1})`;
  if (!c.some((x) => Math.abs(x - w.depot.positionM) < EPSILON))
    return `depot.position: ${w.depot.positionM} is not on a cross aisle`;
  return null;
};

// Walking distance between two points: along the aisle when they share one; otherwise to a cross
// aisle, across, and back along the other aisle, by the best cross aisle. (Using two cross aisles
// is never shorter: the triangle inequality on the vertical legs.)
export const distanceM = (w: Warehouse, p: Point, q: Point): number => {
  if (p.aisle === q.aisle) return Math.abs(p.positionM - q.positionM);
  const across = Math.abs(p.aisle - q.aisle) * w.aisleSpacingM;
  let best = Infinity;
  for (const c of w.crossAislesM)
    best = Math.min(best, Math.abs(p.positionM - c) + Math.abs(c - q.positionM));
  return best + across;
};

// The length of a walk from the depot through the points in order and back.
export const routeLengthM = (w: Warehouse, points: readonly Point[]): number => {
  let total = 0;
  let at = w.depot;
  for (const p of points) {
    total += distanceM(w, at, p);
    at = p;
  }
  return total + distanceM(w, at, w.depot);
};

// From the synced layout and locations (aisles numbered from 1 there, from 0 here). A layout with
// missing or contradictory coordinates is refused, naming the offending locations.
export const warehouseFrom = (
  layout: WarehouseLayout,
  locations: readonly Location[],
): Result<{ warehouse: Warehouse; points: Map<string, Point> }> => {
  const warehouse: Warehouse = {
    aisles: layout.aisleCount,
    aisleLengthM: layout.aisleLengthM,
    aisleSpacingM: layout.aisleSpacingM,
    crossAislesM: [...layout.crossAislesM],
    depot: { aisle: layout.depotAisle - 1, positionM: layout.depotCrossAisleM },
  };
  const problem = checkWarehouse(warehouse);
  if (problem) return fail(`layout ${layout.id}: ${problem}`);
  const bad: string[] = [];
  const byCode = new Map<string, Location>();
  const points = new Map<string, Point>();
  for (const l of locations) {
    const clash = byCode.get(l.code);
    if (clash && (clash.aisle !== l.aisle || clash.positionM !== l.positionM))
      bad.push(
        `${l.code} (two places: aisle ${clash.aisle} at ${clash.positionM} m and aisle ${l.aisle} at ${l.positionM} m)`,
      );
    byCode.set(l.code, l);
    if (l.aisle < 1 || l.aisle > layout.aisleCount)
      bad.push(`${l.code} (aisle ${l.aisle} of ${layout.aisleCount})`);
    else if (!(l.positionM >= 0 && l.positionM <= layout.aisleLengthM))
      bad.push(`${l.code} (at ${l.positionM} m of a ${layout.aisleLengthM} m aisle)`);
    else points.set(l.id, { aisle: l.aisle - 1, positionM: l.positionM });
  }
  if (bad.length) {
    return fail(
      `layout ${layout.id}: ${bad.length} location${bad.length === 1 ? '' : 's'} outside it: ${bad.slice(0, 10).join('; ')}${bad.length > 10 ? ` and ${bad.length - 10} more` : ''}`,
    );
  }
  return ok({ warehouse, points });
};
