import type { BackorderLine } from '../../domain/backorder-line';
import type { Location } from '../../domain/location';
import type { Reservation } from '../../domain/reservation';
import type { Sku } from '../../domain/sku';
import type { Stock } from '../../domain/stock';
import type { WarehouseLayout } from '../../domain/warehouse-layout';
import { compareText } from '../../compare';
import { fail, ok, type Result } from '../../result';
import type { WaveReleased } from '../../sync-api/events/lead';
import { allocate, type FillLine, type LeftReason } from '../allocation/allocate';
import type { PriorityRule } from '../allocation/priority';
import type { PlannedTour } from '../batching/batch-tours';
import type { Cart } from '../batching/cart';
import { warehouseFrom, type Point, type Warehouse } from '../layout/warehouse';
import type { WaveTemplate } from '../waves/wave-template';
import {
  cartOf,
  engineTemplate,
  noLineFits,
  STANDARD_TEMPLATE,
  type NamedTemplate,
} from '../../planning/wave-templates';
import { planWaves } from './plan-waves';
import { planReleases } from './release';

export interface Figures {
  orders: number;
  lines: number;
  units: number;
  routeLengthM: number;
}

// A wave as the lead reviews it before releasing: the event to record and what it holds, and
// the planned tours behind it (orders, tasks in route order) for the lead to look at and change.
export interface PreviewWave extends Figures {
  payload: WaveReleased;
  tours: Figures[];
  cutoffAt: string | null;
  // Its number as its name says it ("3", or "3.1" when one wave took two events).
  label: string;
  planned: PlannedTour[];
}

// What changing a preview needs: where things are, the cart and template it was planned with,
// and what each line weighs, is and reserves (for the event rebuilt after a change).
export interface PreviewContext {
  warehouse: Warehouse;
  points: ReadonlyMap<string, Point>;
  cart: Cart;
  template: WaveTemplate;
  // Per unit, by SKU id.
  weightKg: ReadonlyMap<string, number>;
  volumeL: ReadonlyMap<string, number>;
  lines: readonly BackorderLine[];
  allocation: readonly FillLine[];
  day?: string;
}

export type LeftWhy = LeftReason | 'outside-zones';

export interface PlanPreview {
  waves: PreviewWave[];
  // Lines no wave takes, counted per reason.
  left: { reason: LeftWhy; lines: number }[];
  // The same lines one by one, in id order (a line part-filled is also in a wave).
  leftLines: { backorderLineId: string; reason: LeftWhy }[];
  context: PreviewContext;
}

export interface PlanOptions {
  template?: NamedTemplate;
  // Names read "1 Dec · 16:00 cut-off · Wave 3" (release.ts), numbered from firstNumber.
  day?: string;
  firstNumber?: number;
}

// What the planner reads: the site as the lead sees it, live lines only.
export interface ShiftSite {
  layouts: readonly WarehouseLayout[];
  locations: readonly Location[];
  skus: readonly Sku[];
  stock: readonly Stock[];
  reservations: readonly Reservation[];
  lines: readonly BackorderLine[];
  // The priority rules in force (the floor settings' activePriority); the defaults when absent.
  rules?: readonly PriorityRule[];
}

export const LEFT_ORDER: LeftWhy[] = [
  'no-stock',
  'ship-complete-incomplete',
  'held',
  'outside-zones',
];

// A line reserved earlier (allocation.committed) still has to be waved: its unwaved
// reservations join what allocation reserves now, one fill line per line, summed per location
// (each task draws on the line's unwaved reservation at its location).
export const withReserved = (
  fillList: readonly FillLine[],
  reservations: readonly Reservation[],
  lines: ReadonlyMap<string, BackorderLine>,
): FillLine[] => {
  const byLine = new Map<string, Map<string, number>>();
  const add = (lineId: string, locationId: string, qty: number) => {
    let at = byLine.get(lineId);
    if (!at) byLine.set(lineId, (at = new Map()));
    at.set(locationId, (at.get(locationId) ?? 0) + qty);
  };
  const order: string[] = fillList.map((f) => f.backorderLineId);
  for (const f of fillList)
    for (const r of f.reservations) add(f.backorderLineId, r.locationId, r.qty);
  const earlier = reservations
    .filter((r) => r.waveId === null && lines.has(r.backorderLineId))
    .sort((a, b) => compareText(a.id, b.id));
  for (const r of earlier) {
    if (!byLine.has(r.backorderLineId)) order.push(r.backorderLineId);
    add(r.backorderLineId, r.locationId, r.qty);
  }
  return order.map((id) => ({
    backorderLineId: id,
    reservations: [...byLine.get(id)!]
      .sort(([a], [b]) => compareText(a, b))
      .map(([locationId, qty]) => ({ locationId, qty })),
  }));
};

// Splits fill lines into those that may be waved and those that wait: a ship-complete order with
// a line left cannot go whole, so its lines reserved earlier wait too.
export const blockShipComplete = (
  fillList: readonly FillLine[],
  lines: readonly BackorderLine[],
  leftLineIds: ReadonlySet<string>,
): { fillList: FillLine[]; waiting: FillLine[] } => {
  const orderOf = new Map(lines.map((l) => [l.id, l.orderId]));
  const blocked = new Set(
    lines.filter((l) => l.shipComplete && leftLineIds.has(l.id)).map((l) => l.orderId),
  );
  const isBlocked = (f: FillLine) => blocked.has(orderOf.get(f.backorderLineId)!);
  return { fillList: fillList.filter((f) => !isBlocked(f)), waiting: fillList.filter(isBlocked) };
};

// Lines no wave takes, counted per reason in a fixed order.
const countLeft = (reasons: readonly LeftWhy[]): PlanPreview['left'] => {
  const counts = new Map<LeftWhy, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return LEFT_ORDER.filter((r) => counts.has(r)).map((reason) => ({
    reason,
    lines: counts.get(reason)!,
  }));
};

export const figuresOf = (tours: readonly PlannedTour[]): Figures => ({
  orders: new Set(tours.flatMap((t) => t.totes.map((x) => x.orderId))).size,
  lines: new Set(tours.flatMap((t) => t.tasks.map((k) => k.backorderLineId))).size,
  units: tours.reduce((s, t) => s + t.units, 0),
  routeLengthM: tours.reduce((s, t) => s + t.routeLengthM, 0),
});

const earliest = (cutoffs: readonly (string | null)[]): string | null => {
  const known = cutoffs.filter((c): c is string => c !== null).sort(compareText);
  return known[0] ?? null;
};

// "1 Dec · 16:00 cut-off · Wave 3.1" -> "3.1".
const labelOf = (name: string) => /Wave (\d+(?:\.\d+)*)/.exec(name)?.[1] ?? name;

export const previewWave = (
  payload: WaveReleased,
  cutoffAt: string | null,
  tours: PlannedTour[],
): PreviewWave => ({
  payload,
  ...figuresOf(tours),
  tours: tours.map((t) => figuresOf([t])),
  cutoffAt,
  label: labelOf(payload.name),
  planned: tours,
});

// Plans every fillable line with the lead's rules (site.rules), template and cart: allocation of
// the free stock, waves, tours and routes, each wave ready to release. A refusal is a sentence to
// show.
export const planShiftFrom = (
  site: ShiftSite,
  newId: () => string,
  options: PlanOptions = {},
): Result<PlanPreview> => {
  const named = options.template ?? STANDARD_TEMPLATE;
  const template = engineTemplate(named);
  const cart = cartOf(named);
  if (site.layouts.length === 0)
    return fail('No warehouse layout is on this device yet: sync with the server, then plan.');
  if (site.layouts.length > 1)
    return fail(
      `${site.layouts.length} warehouse layouts are on this device (${site.layouts.map((l) => l.id).join(', ')}); planning works on one.`,
    );
  const place = warehouseFrom(site.layouts[0]!, site.locations);
  if (!place.ok) return fail(`Cannot plan: ${place.reason}`);
  const { warehouse, points } = place.value;
  const filled = allocate({
    lines: site.lines,
    stock: site.stock,
    locations: site.locations,
    warehouse,
    points,
    skuIds: new Set(site.skus.map((s) => s.id)),
    rules: site.rules,
  });
  if (!filled.ok) return fail(`Cannot plan: ${filled.reason}`);
  const lines = new Map(site.lines.filter((l) => l.status !== 'held').map((l) => [l.id, l]));

  const merged = withReserved(filled.value.fillList, site.reservations, lines);
  const { fillList, waiting } = blockShipComplete(
    merged,
    site.lines,
    new Set(filled.value.left.map((l) => l.backorderLineId)),
  );

  const weightKg = new Map(site.skus.map((s) => [s.id, s.weightKg]));
  const volumeL = new Map(site.skus.map((s) => [s.id, s.volumeL]));
  const skuOf = new Map(site.lines.map((l) => [l.id, l.skuId]));
  const sizes = fillList.map((f) => {
    const units = f.reservations.reduce((n, r) => n + r.qty, 0);
    const sku = skuOf.get(f.backorderLineId)!;
    return {
      units,
      weightKg: units * (weightKg.get(sku) ?? 0),
      volumeL: units * (volumeL.get(sku) ?? 0),
    };
  });
  const none = noLineFits(named, sizes);
  if (none) return fail(none);
  // Without cut-off grouping the waves mix cut-offs; each is then named by its earliest.
  const waveLines = named.groupByCutoff
    ? site.lines
    : site.lines.map((l) => (l.cutoffAt === null ? l : { ...l, cutoffAt: null }));
  const plan = planWaves({
    fillList,
    lines: waveLines,
    skus: site.skus,
    locations: site.locations,
    template,
    warehouse,
    points,
    cart,
    rules: site.rules,
  });
  if (!plan.ok) return fail(`Cannot plan: ${plan.reason}`);
  if (!named.groupByCutoff) {
    const cutoffOf = new Map(site.lines.map((l) => [l.id, l.cutoffAt]));
    for (const w of plan.value.waves)
      w.cutoffAt = earliest(
        w.tours.flatMap((t) => t.tasks.map((k) => cutoffOf.get(k.backorderLineId) ?? null)),
      );
  }
  const released = planReleases(plan.value, {
    lines: site.lines,
    allocation: filled.value.fillList,
    newId,
    day: options.day,
    firstNumber: options.firstNumber,
  });
  if (!released.ok) return fail(`Cannot plan: ${released.reason}`);

  const leftLines = [
    ...filled.value.left.map(({ backorderLineId, reason }) => ({ backorderLineId, reason })),
    ...waiting.map((f) => ({
      backorderLineId: f.backorderLineId,
      reason: 'ship-complete-incomplete' as LeftWhy,
    })),
    ...plan.value.left,
  ].sort((a, b) => compareText(a.backorderLineId, b.backorderLineId));
  return ok({
    waves: released.value.map((r) => previewWave(r.payload, r.cutoffAt, r.tours)),
    left: countLeft(leftLines.map((l) => l.reason)),
    leftLines,
    context: {
      warehouse,
      points,
      cart,
      template,
      weightKg,
      volumeL,
      lines: site.lines,
      allocation: filled.value.fillList,
      day: options.day,
    },
  });
};
