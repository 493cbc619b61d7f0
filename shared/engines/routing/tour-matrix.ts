import { distanceM, type Warehouse } from '../layout/warehouse';
import type { RoutePick } from './one-block';

// Walking distances between the depot (index 0) and a tour's picks (picks[i] at index i + 1),
// computed once: the improvement moves and Held–Karp look each one up many times.
export interface TourMatrix {
  size: number;
  m: Float64Array;
}

export const tourMatrix = (w: Warehouse, picks: readonly RoutePick[]): TourMatrix => {
  const points = [w.depot, ...picks];
  const size = points.length;
  const m = new Float64Array(size * size);
  for (let i = 0; i < size; i++)
    for (let j = i + 1; j < size; j++)
      m[i * size + j] = m[j * size + i] = distanceM(w, points[i]!, points[j]!);
  return { size, m };
};

export const between = (t: TourMatrix, i: number, j: number): number => t.m[i * t.size + j]!;
