import type { BackorderLine } from '../../domain/backorder-line';
import type { Location } from '../../domain/location';
import type { Sku } from '../../domain/sku';
import type { Stock } from '../../domain/stock';
import type { WarehouseLayout } from '../../domain/warehouse-layout';
import { lineName } from '../../event-rules/names';
import { fail, ok, type Result } from '../../result';
import { warehouseFrom } from '../layout/warehouse';
import { allocate, type FillLine } from './allocate';
import type { PriorityRule } from './priority';

// What the allocation preview reads: the site as the lead sees it, live lines only.
export interface AllocationSite {
  layouts: readonly WarehouseLayout[];
  locations: readonly Location[];
  skus: readonly Sku[];
  stock: readonly Stock[];
  lines: readonly BackorderLine[];
}

// One line as the lead reads it in a preview list.
export interface PreviewLine {
  id: string;
  // "line 2 of order SO-12"
  name: string;
  sku: string;
  // Units to plan, and how many of them this allocation fills.
  qty: number;
  filledQty: number;
  customerTier: number;
  promisedBy: string;
  // Why, in words: where it is filled from, or why not.
  reason: string;
}

export interface AllocationPreview {
  filled: PreviewLine[];
  partly: PreviewLine[];
  left: PreviewLine[];
  // What "Commit" sends, in priority order.
  fillList: FillLine[];
}

// The most lines one allocation.committed carries (its payload schema).
export const COMMIT_MAX_LINES = 2000;

// The fill list as the events that commit it, in priority order, none over the limit.
export const commitBatches = (fillList: readonly FillLine[]): { lines: FillLine[] }[] => {
  const batches: { lines: FillLine[] }[] = [];
  for (let i = 0; i < fillList.length; i += COMMIT_MAX_LINES)
    batches.push({ lines: fillList.slice(i, i + COMMIT_MAX_LINES) });
  return batches;
};

// Runs the allocation engine with the lead's rules on what the device shows, and says for each
// line the engine looked at whether it is filled, partly filled or left, and why.
export const previewAllocation = (
  site: AllocationSite,
  rules: readonly PriorityRule[],
): Result<AllocationPreview> => {
  if (site.layouts.length === 0)
    return fail('No warehouse layout is on this device yet: sync with the server, then preview.');
  if (site.layouts.length > 1)
    return fail(
      `${site.layouts.length} warehouse layouts are on this device (${site.layouts.map((l) => l.id).join(', ')}); allocation works on one.`,
    );
  const place = warehouseFrom(site.layouts[0]!, site.locations);
  if (!place.ok) return fail(`Cannot allocate: ${place.reason}`);
  const plan = allocate({
    lines: site.lines,
    stock: site.stock,
    locations: site.locations,
    warehouse: place.value.warehouse,
    points: place.value.points,
    skuIds: new Set(site.skus.map((s) => s.id)),
    rules,
  });
  if (!plan.ok) return fail(`Cannot allocate: ${plan.reason}`);

  const lines = new Map(site.lines.map((l) => [l.id, l]));
  const skuCode = new Map(site.skus.map((s) => [s.id, s.sku]));
  const locationCode = new Map(site.locations.map((l) => [l.id, l.code]));
  const missing = new Map(plan.value.left.map((l) => [l.backorderLineId, l]));
  const row = (l: BackorderLine, qty: number, filledQty: number, reason: string) => ({
    id: l.id,
    name: lineName(l),
    sku: skuCode.get(l.skuId) ?? l.skuId,
    qty,
    filledQty,
    customerTier: l.customerTier,
    promisedBy: l.promisedBy,
    reason,
  });

  const filled: PreviewLine[] = [];
  const partly: PreviewLine[] = [];
  for (const f of plan.value.fillList) {
    const l = lines.get(f.backorderLineId)!;
    let got = 0;
    for (const r of f.reservations) got += r.qty;
    const short = missing.get(l.id)?.missingQty ?? 0;
    if (short === 0) {
      const from = f.reservations.map((r) => locationCode.get(r.locationId) ?? r.locationId);
      filled.push(row(l, got, got, `filled from ${from.join(', ')}`));
    } else {
      missing.delete(l.id);
      partly.push(row(l, got + short, got, `not enough free stock: ${got} of ${got + short}`));
    }
  }
  const left: PreviewLine[] = [];
  for (const m of missing.values()) {
    const l = lines.get(m.backorderLineId)!;
    const reason =
      m.reason === 'held'
        ? 'on hold'
        : m.reason === 'ship-complete-incomplete'
          ? `ship-complete order ${l.orderId} cannot be filled whole`
          : `not enough free stock: 0 of ${m.missingQty}`;
    left.push(row(l, m.missingQty, 0, reason));
  }
  return ok({ filled, partly, left, fillList: plan.value.fillList });
};
