import { between, type TourMatrix } from './tour-matrix';

// Local search on a visiting order: 2-opt (reverse a stretch of the tour) and or-opt (move a run
// of one to three picks elsewhere, either way round), until neither shortens it. Walking distances
// are symmetric, so a reversed stretch keeps its own length and only the joins are compared.
// A move must gain more than rounding could fake, or equal tours could swap forever.
const GAIN_M = 1e-9;

// `order` holds matrix indices (1 to n); the depot (0) closes both ends.
export const improveTour = (t: TourMatrix, order: readonly number[]): number[] => {
  const tour = [0, ...order, 0];
  let changed = true;
  while (changed) {
    changed = twoOpt(t, tour);
    changed = orOpt(t, tour) || changed;
  }
  return tour.slice(1, -1);
};

const twoOpt = (t: TourMatrix, tour: number[]): boolean => {
  let changed = false;
  const n = tour.length - 2;
  for (let i = 1; i < n; i++) {
    for (let j = i + 1; j <= n; j++) {
      const [a, b, c, d] = [tour[i - 1]!, tour[i]!, tour[j]!, tour[j + 1]!];
      if (between(t, a, c) + between(t, b, d) < between(t, a, b) + between(t, c, d) - GAIN_M) {
        reverse(tour, i, j);
        changed = true;
      }
    }
  }
  return changed;
};

// One pass over every run; a moved run is not looked at again in this pass, and each gain is
// computed from the tour as it stands.
const orOpt = (t: TourMatrix, tour: number[]): boolean => {
  let changed = false;
  const n = tour.length - 2;
  for (let run = 1; run <= 3; run++) {
    for (let i = 1; i + run - 1 <= n; i++) {
      const [first, last] = [tour[i]!, tour[i + run - 1]!];
      const [before, after] = [tour[i - 1]!, tour[i + run]!];
      const saved = between(t, before, first) + between(t, last, after) - between(t, before, after);
      for (let p = 0; p <= n; p++) {
        if (p >= i - 1 && p <= i + run - 1) continue;
        const [x, y] = [tour[p]!, tour[p + 1]!];
        const gap = between(t, x, y);
        const ahead = between(t, x, first) + between(t, last, y) - gap;
        const reversed = between(t, x, last) + between(t, first, y) - gap;
        if (Math.min(ahead, reversed) < saved - GAIN_M) {
          const segment = tour.splice(i, run);
          if (reversed < ahead) segment.reverse();
          tour.splice(p < i ? p + 1 : p + 1 - run, 0, ...segment);
          changed = true;
          break;
        }
      }
    }
  }
  return changed;
};

const reverse = (tour: number[], i: number, j: number) => {
  for (; i < j; i++, j--) [tour[i], tour[j]] = [tour[j]!, tour[i]!];
};
