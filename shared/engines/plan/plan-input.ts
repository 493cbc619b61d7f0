import { z } from 'zod';
import type { BackorderLine } from '../../domain/backorder-line';
import type { Location } from '../../domain/location';
import type { Sku } from '../../domain/sku';
import type { Stock } from '../../domain/stock';
import { fail, ok, type Result } from '../../result';
import { PRIORITY_RULES } from '../allocation/priority';
import { BATCH_METHODS } from '../batching/batch-tours';
import { CartSchema } from '../batching/cart';
import { checkWarehouse, type Point, type Warehouse } from '../layout/warehouse';
import { ROUTE_METHODS } from '../routing/route';
import { RouteInputSchema } from '../routing/route-input';
import { WaveTemplateSchema } from '../waves/wave-template';

// `npm run plan -- allocate|waves|batch` reads these (docs/planning.md). Aisles are numbered from
// 0 and positions are metres from the front, as for `route`; only what the engines use is asked
// for, the rest has defaults.
const Id = z.string().min(1).max(200);
const Time = z.iso.datetime({ offset: true });

const LocationInput = z.strictObject({
  id: Id,
  aisle: z.number().int().min(0),
  position: z.number().min(0),
  zone: z.string().min(1).default('all'),
  countRequired: z.boolean().default(false),
});
const StockInput = z.strictObject({
  locationId: Id,
  skuId: Id,
  onHand: z.number().int().min(0),
  reserved: z.number().int().min(0).default(0),
});
const LineInput = z.strictObject({
  id: Id,
  orderId: Id,
  lineNo: z.number().int().min(1).default(1),
  skuId: Id,
  qty: z.number().int().min(1),
  customerTier: z.number().int().min(1).max(9).default(5),
  orderedAt: Time,
  promisedBy: Time,
  shipComplete: z.boolean().default(false),
  held: z.boolean().default(false),
  carrier: z.string().max(50).nullable().default(null),
  cutoffAt: Time.nullable().default(null),
});
const SkuInput = z.strictObject({
  id: Id,
  weightKg: z.number().min(0).default(0),
  volumeL: z.number().min(0).default(0),
});
const FillLineInput = z.strictObject({
  backorderLineId: Id,
  reservations: z.array(z.strictObject({ locationId: Id, qty: z.number().int().min(1) })).min(1),
});
const Rules = z
  .array(z.enum(PRIORITY_RULES))
  .refine((r) => new Set(r).size === r.length, 'a rule is listed twice')
  .optional();

const Site = {
  layout: RouteInputSchema.shape.layout,
  locations: z.array(LocationInput).max(1_000_000),
};

export const AllocateInputSchema = z.strictObject({
  ...Site,
  stock: z.array(StockInput).max(5_000_000),
  lines: z.array(LineInput).max(2_000_000),
  rules: Rules,
});

export const WavesInputSchema = z.strictObject({
  ...Site,
  skus: z.array(SkuInput).max(1_000_000),
  lines: z.array(LineInput).max(2_000_000),
  fillList: z.array(FillLineInput).max(2_000_000),
  template: WaveTemplateSchema,
  rules: Rules,
});

export const BatchInputSchema = WavesInputSchema.extend({
  cart: CartSchema,
  method: z.enum(BATCH_METHODS).default('seed'),
  route: z.enum(ROUTE_METHODS).default('optimal'),
});

export type AllocateInput = z.infer<typeof AllocateInputSchema>;
export type WavesInput = z.infer<typeof WavesInputSchema>;

export interface Site {
  warehouse: Warehouse;
  points: Map<string, Point>;
  locations: Location[];
}

// The warehouse and where each location is; a location off the layout is refused by name.
export const siteFrom = (input: Pick<AllocateInput, 'layout' | 'locations'>): Result<Site> => {
  const { layout } = input;
  const warehouse: Warehouse = {
    aisles: layout.aisles,
    aisleLengthM: layout.aisleLength,
    aisleSpacingM: layout.aisleSpacing,
    crossAislesM: layout.crossAisles,
    depot: { aisle: layout.depot.aisle, positionM: layout.depot.position },
  };
  const problem = checkWarehouse(warehouse);
  if (problem) return fail(`layout.${problem}`);
  const points = new Map<string, Point>();
  const locations: Location[] = [];
  for (const [i, l] of input.locations.entries()) {
    const where = `locations.${i} (${l.id})`;
    if (points.has(l.id)) return fail(`${where}.id: "${l.id}" is used twice`);
    if (l.aisle >= layout.aisles)
      return fail(`${where}.aisle: ${l.aisle} is not an aisle (0 to ${layout.aisles - 1})`);
    if (l.position > layout.aisleLength)
      return fail(
        `${where}.position: ${l.position} is beyond the aisle length ${layout.aisleLength}`,
      );
    points.set(l.id, { aisle: l.aisle, positionM: l.position });
    locations.push({
      id: l.id,
      code: l.id,
      zone: l.zone,
      aisle: l.aisle + 1,
      positionM: l.position,
      level: 0,
      side: 'left',
      countRequired: l.countRequired,
    });
  }
  return ok({ warehouse, points, locations });
};

// The first id used twice in a list, named with where it is.
export const firstRepeat = (name: string, ids: readonly string[]): string | null => {
  const seen = new Set<string>();
  for (const [i, id] of ids.entries()) {
    if (seen.has(id)) return `${name}.${i} (${id}): used twice`;
    seen.add(id);
  }
  return null;
};

export const linesFrom = (lines: AllocateInput['lines']): BackorderLine[] =>
  lines.map((l) => ({
    id: l.id,
    orderId: l.orderId,
    lineNo: l.lineNo,
    skuId: l.skuId,
    customerId: 'unknown',
    customerTier: l.customerTier,
    orderedAt: l.orderedAt,
    promisedBy: l.promisedBy,
    shipComplete: l.shipComplete,
    carrier: l.carrier,
    cutoffAt: l.cutoffAt,
    qtyOrdered: l.qty,
    qtyBackordered: l.qty,
    qtyAllocated: 0,
    qtyPicked: 0,
    qtyShort: 0,
    qtyShipped: 0,
    qtyCancelled: 0,
    status: l.held ? 'held' : 'open',
  }));

export const stockFrom = (stock: AllocateInput['stock']): Stock[] =>
  stock.map((s) => ({ id: `${s.locationId}|${s.skuId}`, ...s }));

export const skusFrom = (skus: WavesInput['skus']): Sku[] =>
  skus.map((s) => ({ ...s, sku: s.id, description: '', unit: 'each', barcodes: [] }));
