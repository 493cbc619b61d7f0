import { fail, ok, type Result } from '../../result';
import { routeLengthM, type Warehouse } from '../layout/warehouse';
import { largestGapRoute, midpointRoute, returnRoute, sShapeRoute } from './baselines';
import { routeOneBlock, type RoutePick } from './one-block';

export const ROUTE_METHODS = ['optimal', 's-shape', 'return', 'midpoint', 'largest-gap'] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

const BASELINES = {
  's-shape': sShapeRoute,
  return: returnRoute,
  midpoint: midpointRoute,
  'largest-gap': largestGapRoute,
};

// The visiting order of a tour's picks and its length. Baselines are measured by walking their
// order along shortest paths.
export const route = (
  w: Warehouse,
  picks: readonly RoutePick[],
  method: RouteMethod,
): Result<{ order: string[]; lengthM: number }> => {
  if (w.crossAislesM.length !== 2) {
    return fail(
      `routing a warehouse of ${w.crossAislesM.length - 1} blocks is not built yet: only one block (a front and a back cross aisle)`,
    );
  }
  if (method === 'optimal') return ok(routeOneBlock(w, picks));
  const order = BASELINES[method](w, picks);
  const byId = new Map(picks.map((p) => [p.id, p]));
  return ok({
    order,
    lengthM: routeLengthM(
      w,
      order.map((id) => byId.get(id)!),
    ),
  });
};
