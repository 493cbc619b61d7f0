import type { BackorderLine } from '../domain/backorder-line';
import type { Location } from '../domain/location';
import type { Sku } from '../domain/sku';
import type { Stock } from '../domain/stock';
import type { WarehouseLayout } from '../domain/warehouse-layout';
import { allocate, type LeftReason } from '../engines/allocation/allocate';
import { byPriority, type PriorityRule } from '../engines/allocation/priority';
import { warehouseFrom } from '../engines/layout/warehouse';
import { fail, ok, type Result } from '../result';
import { openQty } from '../rules/line-quantities';

// What the free stock of the SKUs just received can fill now, by the lead's priority rules: the
// allocation engine run as planning runs it, on those SKUs' lines only (and the other lines of
// their ship-complete orders, which decide whether such an order can go at all).
export interface FillNowInput {
  layouts: readonly WarehouseLayout[];
  locations: readonly Location[];
  skus: readonly Sku[];
  stock: readonly Stock[];
  // Live lines (open, allocated, in a wave, held) of the received SKUs and of their
  // ship-complete orders; others are left out.
  lines: readonly BackorderLine[];
  receivedSkuIds: readonly string[];
  rules?: readonly PriorityRule[];
}

export type FillOutcome = 'filled' | 'partly' | 'left';

export interface FillNowLine {
  line: BackorderLine;
  // Units to plan before, and how many of them the free stock fills now.
  need: number;
  filled: number;
  outcome: FillOutcome;
  reason: LeftReason | null;
}

export interface FillNow {
  // The received SKUs' lines with units to plan: those the stock fills (wholly or in part), then
  // those left, each in priority order.
  lines: FillNowLine[];
  // Stock of those SKUs at locations waiting for a count: allocation takes none of it until then.
  waitingForCount: { skuId: string; locationId: string; qty: number }[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const fillNow = (input: FillNowInput): Result<FillNow> => {
  const received = new Set(input.receivedSkuIds);
  if (input.layouts.length !== 1)
    return fail(
      input.layouts.length === 0
        ? 'No warehouse layout is on this device yet: sync with the server to see what the stock fills.'
        : 'More than one warehouse layout is on this device: what the stock fills cannot be worked out.',
    );
  const place = warehouseFrom(input.layouts[0]!, input.locations);
  if (!place.ok) return fail(`What the stock fills cannot be worked out: ${place.reason}`);
  const skusOfLines = new Set(input.lines.map((l) => l.skuId));
  const stock = input.stock.filter((s) => skusOfLines.has(s.skuId));
  const plan = allocate({
    lines: input.lines,
    stock,
    locations: input.locations,
    warehouse: place.value.warehouse,
    points: place.value.points,
    skuIds: new Set(input.skus.map((s) => s.id)),
    ...(input.rules ? { rules: input.rules } : {}),
  });
  if (!plan.ok) return fail(`What the stock fills cannot be worked out: ${plan.reason}`);

  const filledQty = new Map(
    plan.value.fillList.map((f) => [
      f.backorderLineId,
      f.reservations.reduce((s, r) => s + r.qty, 0),
    ]),
  );
  const leftWhy = new Map(plan.value.left.map((l) => [l.backorderLineId, l.reason]));
  const lines = input.lines
    .filter((l) => received.has(l.skuId) && openQty(l) > 0)
    .sort(byPriority(input.rules))
    .map((line): FillNowLine => {
      const need = openQty(line);
      const filled = filledQty.get(line.id) ?? 0;
      const outcome: FillOutcome = filled >= need ? 'filled' : filled > 0 ? 'partly' : 'left';
      return {
        line,
        need,
        filled,
        outcome,
        reason: filled >= need ? null : (leftWhy.get(line.id) ?? 'no-stock'),
      };
    })
    // What gets stock first, then what is left, each in priority order.
    .sort((a, b) => Number(a.filled === 0) - Number(b.filled === 0));

  const locations = new Map(input.locations.map((l) => [l.id, l]));
  const waitingForCount = input.stock
    .filter(
      (s) =>
        received.has(s.skuId) &&
        s.onHand > s.reserved &&
        locations.get(s.locationId)?.countRequired,
    )
    .map((s) => ({ skuId: s.skuId, locationId: s.locationId, qty: s.onHand - s.reserved }))
    .sort((a, b) => cmp(a.skuId, b.skuId) || cmp(a.locationId, b.locationId));
  return ok({ lines, waitingForCount });
};

// "Line 2 of order SO-14: 6 of 6", "… partly: 3 of 8", "… left: no free stock is left for it".
export const fillNowText = (f: FillNowLine): string => {
  const name = `Line ${f.line.lineNo} of order ${f.line.orderId}`;
  if (f.outcome === 'filled') return `${name}: ${f.filled} of ${f.need}`;
  if (f.outcome === 'partly') return `${name} partly: ${f.filled} of ${f.need}`;
  return `${name} left: ${LEFT_WORDS[f.reason ?? 'no-stock']}`;
};

const LEFT_WORDS: Record<LeftReason, string> = {
  'no-stock': 'no free stock is left for it after the lines before it',
  'ship-complete-incomplete': 'its order ships complete, and not all of the order can be filled',
  held: 'it is on hold',
};
