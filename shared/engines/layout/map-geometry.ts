import type { Point, Warehouse } from './warehouse';

// The warehouse as a drawing, in metres: x across the aisles (aisle 0 at 0), y down the page
// with the front cross aisle at the bottom (y = aisle length − position), as a plan is read.
export interface XY {
  x: number;
  y: number;
}

export interface WarehouseMap {
  width: number;
  height: number;
  aisles: { number: number; x: number; top: number; bottom: number }[];
  crossAisles: { y: number; left: number; right: number }[];
  depot: XY;
}

export const toXY = (w: Warehouse, p: Point): XY => ({
  x: p.aisle * w.aisleSpacingM,
  y: w.aisleLengthM - p.positionM,
});

export const warehouseMap = (w: Warehouse): WarehouseMap => {
  const right = (w.aisles - 1) * w.aisleSpacingM;
  return {
    width: right,
    height: w.aisleLengthM,
    // Numbered from 1, as the locations' codes and the floor's signs say.
    aisles: Array.from({ length: w.aisles }, (_, i) => ({
      number: i + 1,
      x: i * w.aisleSpacingM,
      top: 0,
      bottom: w.aisleLengthM,
    })),
    crossAisles: w.crossAislesM.map((c) => ({ y: w.aisleLengthM - c, left: 0, right })),
    depot: toXY(w, w.depot),
  };
};

// The cross aisle a walk between two aisles takes: the one distanceM measures by (the first of
// equals), so the drawn path is as long as the route's length.
const crossAisleFor = (w: Warehouse, p: Point, q: Point): number => {
  let best = Infinity;
  let at = w.crossAislesM[0]!;
  for (const c of w.crossAislesM) {
    const d = Math.abs(p.positionM - c) + Math.abs(c - q.positionM);
    if (d < best) [best, at] = [d, c];
  }
  return at;
};

// One leg of a walk as the corners it turns at, from p to q (p included, q included).
const leg = (w: Warehouse, p: Point, q: Point): Point[] => {
  if (p.aisle === q.aisle) return [p, q];
  const c = crossAisleFor(w, p, q);
  return [p, { aisle: p.aisle, positionM: c }, { aisle: q.aisle, positionM: c }, q];
};

// A tour's path: from the depot through the stops in route order and back, as the points where
// it turns (no point twice in a row).
export const tourPath = (w: Warehouse, stops: readonly Point[]): XY[] => {
  const walk = [w.depot, ...stops, w.depot];
  const out: XY[] = [];
  for (let i = 1; i < walk.length; i++)
    for (const p of leg(w, walk[i - 1]!, walk[i]!)) {
      const xy = toXY(w, p);
      const last = out[out.length - 1];
      if (!last || last.x !== xy.x || last.y !== xy.y) out.push(xy);
    }
  return out;
};

export const pathLengthM = (path: readonly XY[]): number => {
  let total = 0;
  for (let i = 1; i < path.length; i++)
    total += Math.abs(path[i]!.x - path[i - 1]!.x) + Math.abs(path[i]!.y - path[i - 1]!.y);
  return total;
};

export interface MapStop extends XY {
  // 1, 2, 3… in route order.
  number: number;
  locationId: string;
  // Tasks picked there (a location holding lines of two orders is one stop).
  tasks: number;
}

// The numbered stops of a tour: its tasks in route order, tasks in a row at one location one stop.
export const tourStops = (
  w: Warehouse,
  points: ReadonlyMap<string, Point>,
  tasks: readonly { locationId: string }[],
): MapStop[] => {
  const out: MapStop[] = [];
  for (const t of tasks) {
    const last = out[out.length - 1];
    if (last && last.locationId === t.locationId) {
      last.tasks += 1;
      continue;
    }
    const p = points.get(t.locationId);
    if (!p) continue;
    out.push({ number: out.length + 1, locationId: t.locationId, tasks: 1, ...toXY(w, p) });
  }
  return out;
};
