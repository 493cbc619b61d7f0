import { ok, type Result } from '../../result';
import { routeLengthM, type Warehouse } from '../layout/warehouse';
import { largestGapRoute, midpointRoute, returnRoute, sShapeRoute } from './baselines';
import { routeSeveralBlocks } from './multi-block';
import {
  largestGapBlocksRoute,
  midpointBlocksRoute,
  returnBlocksRoute,
  sShapeBlocksRoute,
} from './multi-block-baselines';
import { routeOneBlock, type RoutePick } from './one-block';

export const ROUTE_METHODS = ['optimal', 's-shape', 'return', 'midpoint', 'largest-gap'] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

const ONE_BLOCK = {
  's-shape': sShapeRoute,
  return: returnRoute,
  midpoint: midpointRoute,
  'largest-gap': largestGapRoute,
};
const SEVERAL_BLOCKS = {
  's-shape': sShapeBlocksRoute,
  return: returnBlocksRoute,
  midpoint: midpointBlocksRoute,
  'largest-gap': largestGapBlocksRoute,
};

// The visiting order of a tour's picks and its length. On one block `optimal` is exact (the
// dynamic program); on several it is exact up to 12 picks and the best improved heuristic beyond
// (multi-block.ts). Baselines are measured by walking their order along shortest paths. Any
// warehouse checkWarehouse accepts is routed; the Result stays for the callers that pass a
// refusal on.
export const route = (
  w: Warehouse,
  picks: readonly RoutePick[],
  method: RouteMethod,
): Result<{ order: string[]; lengthM: number }> => {
  const oneBlock = w.crossAislesM.length === 2;
  if (method === 'optimal')
    return ok(oneBlock ? routeOneBlock(w, picks) : routeSeveralBlocks(w, picks));
  const order = (oneBlock ? ONE_BLOCK : SEVERAL_BLOCKS)[method](w, picks);
  const byId = new Map(picks.map((p) => [p.id, p]));
  return ok({
    order,
    lengthM: routeLengthM(
      w,
      order.map((id) => byId.get(id)!),
    ),
  });
};
