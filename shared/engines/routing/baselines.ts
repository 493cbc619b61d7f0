import type { Warehouse } from '../layout/warehouse';
import type { RoutePick } from './one-block';

// The classic one-block routing policies, as visiting orders (Roodbergen and De Koster). They are
// the baselines the exact router is measured against.
const byPos = (a: RoutePick, b: RoutePick) =>
  a.positionM - b.positionM || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const aislesOf = (picks: readonly RoutePick[]) => {
  const map = new Map<number, RoutePick[]>();
  for (const p of picks) map.set(p.aisle, [...(map.get(p.aisle) ?? []), p]);
  return [...map.entries()]
    .sort(([a], [b]) => a - b)
    .map(([aisle, list]) => ({ aisle, picks: [...list].sort(byPos) }));
};

// Return: into each aisle with picks from the front and back out, left to right.
export const returnRoute = (_w: Warehouse, picks: readonly RoutePick[]): string[] =>
  aislesOf(picks).flatMap((a) => a.picks.map((p) => p.id));

// S-shape: through every aisle with picks, alternately up and down.
export const sShapeRoute = (_w: Warehouse, picks: readonly RoutePick[]): string[] =>
  aislesOf(picks).flatMap((a, i) =>
    (i % 2 === 0 ? a.picks : [...a.picks].reverse()).map((p) => p.id),
  );

// Split each inner aisle's picks into those reached from the back and those from the front; the
// first and last aisles are walked through. Right along the back, then left along the front.
const splitRoute = (
  picks: readonly RoutePick[],
  fromBack: (aisle: RoutePick[]) => Set<string>,
): string[] => {
  const aisles = aislesOf(picks);
  if (aisles.length === 1) return aisles[0]!.picks.map((p) => p.id);
  const first = aisles[0]!;
  const last = aisles[aisles.length - 1]!;
  const inner = aisles.slice(1, -1).map((a) => ({ ...a, back: fromBack(a.picks) }));
  return [
    ...first.picks.map((p) => p.id),
    ...inner.flatMap((a) =>
      a.picks
        .filter((p) => a.back.has(p.id))
        .reverse()
        .map((p) => p.id),
    ),
    ...[...last.picks].reverse().map((p) => p.id),
    ...[...inner]
      .reverse()
      .flatMap((a) => a.picks.filter((p) => !a.back.has(p.id)).map((p) => p.id)),
  ];
};

// Midpoint: the back half of an inner aisle from the back, the front half from the front.
export const midpointRoute = (w: Warehouse, picks: readonly RoutePick[]): string[] =>
  splitRoute(
    picks,
    (list) => new Set(list.filter((p) => p.positionM > w.aisleLengthM / 2).map((p) => p.id)),
  );

// Largest gap: each inner aisle is split at its largest gap (between picks, or to either end).
export const largestGapRoute = (w: Warehouse, picks: readonly RoutePick[]): string[] =>
  splitRoute(picks, (list) => {
    const stops = [0, ...list.map((p) => p.positionM), w.aisleLengthM];
    let cut = 0;
    let widest = -1;
    for (let i = 0; i + 1 < stops.length; i++) {
      if (stops[i + 1]! - stops[i]! > widest) [widest, cut] = [stops[i + 1]! - stops[i]!, i];
    }
    // Picks after the widest gap are reached from the back.
    return new Set(list.slice(cut).map((p) => p.id));
  });
