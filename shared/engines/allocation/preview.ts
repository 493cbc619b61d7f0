import type { BackorderLine } from '../../domain/backorder-line';
import type { Location } from '../../domain/location';
import type { Sku } from '../../domain/sku';
import type { Stock } from '../../domain/stock';
import type { WarehouseLayout } from '../../domain/warehouse-layout';
import { lineName } from '../../event-rules/names';
import { fail, ok, type Result } from '../../result';
import { warehouseFrom } from '../layout/warehouse';
import { allocate, type FillLine, type LeftReason } from './allocate';
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

export type PreviewGroup = 'filled' | 'partly' | 'left';

export interface AllocationPreview {
  counts: Record<PreviewGroup, number>;
  // What "Commit" sends, in priority order.
  fillList: FillLine[];
  // A group's lines from `from` to `to`, in words: built when the lead opens a count, a page at a
  // time, not for 100,000 lines on every preview. Filled and partly filled lines in priority
  // order, the lines left by id.
  linesOf(group: PreviewGroup, from?: number, to?: number): PreviewLine[];
}

// A line's place in the preview, before it is put in words.
interface Entry {
  line: BackorderLine;
  qty: number;
  filledQty: number;
  fill: FillLine | null;
  why: LeftReason | null;
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
  const missing = new Map(plan.value.left.map((l) => [l.backorderLineId, l]));
  const groups: Record<PreviewGroup, Entry[]> = { filled: [], partly: [], left: [] };
  for (const fill of plan.value.fillList) {
    const line = lines.get(fill.backorderLineId)!;
    let got = 0;
    for (const r of fill.reservations) got += r.qty;
    const short = missing.get(line.id)?.missingQty ?? 0;
    if (short > 0) missing.delete(line.id);
    groups[short === 0 ? 'filled' : 'partly'].push({
      line,
      qty: got + short,
      filledQty: got,
      fill,
      why: short === 0 ? null : 'no-stock',
    });
  }
  for (const m of missing.values())
    groups.left.push({
      line: lines.get(m.backorderLineId)!,
      qty: m.missingQty,
      filledQty: 0,
      fill: null,
      why: m.reason,
    });

  const skuCode = new Map(site.skus.map((s) => [s.id, s.sku]));
  const locationCode = new Map(site.locations.map((l) => [l.id, l.code]));
  const reasonOf = (e: Entry): string => {
    if (e.why === 'held') return 'on hold';
    if (e.why === 'ship-complete-incomplete')
      return `ship-complete order ${e.line.orderId} cannot be filled whole`;
    if (e.why === 'no-stock') return `not enough free stock: ${e.filledQty} of ${e.qty}`;
    const from = e.fill!.reservations.map((r) => locationCode.get(r.locationId) ?? r.locationId);
    return `filled from ${from.join(', ')}`;
  };
  return ok({
    counts: {
      filled: groups.filled.length,
      partly: groups.partly.length,
      left: groups.left.length,
    },
    fillList: plan.value.fillList,
    linesOf: (group, from = 0, to = groups[group].length) =>
      groups[group].slice(from, to).map((e) => ({
        id: e.line.id,
        name: lineName(e.line),
        sku: skuCode.get(e.line.skuId) ?? e.line.skuId,
        qty: e.qty,
        filledQty: e.filledQty,
        customerTier: e.line.customerTier,
        promisedBy: e.line.promisedBy,
        reason: reasonOf(e),
      })),
  });
};
