import type { BackorderLine } from '../domain/backorder-line';
import type { Location } from '../domain/location';
import type { Pick } from '../domain/pick';
import type { PickTask } from '../domain/pick-task';
import type { ReturnInstruction } from '../domain/return-instruction';
import type { Sku } from '../domain/sku';
import type { Tote } from '../domain/tote';
import { owedQty, toShipQty } from '../rules/line-quantities';

// A line picked into the tote, as the packer sees it.
export interface PackLine {
  line: BackorderLine;
  sku: Sku | undefined;
  // Units put into this tote by picks not undone.
  inTote: number;
  // What can ship from this tote now: what is in it, no more than the line has picked and not
  // shipped (an item taken out at packing, or a unit the customer cancelled, is no longer
  // picked); 0 for a cancelled line.
  shippable: number;
  // The whole line was cancelled: nothing of it ships.
  cancelled: boolean;
  // In the tote but not to ship: units the customer cancelled (returned by instruction) or taken
  // out at packing.
  notShipping: number;
}

// A task of this tour for the order that came up short: found less than asked.
export interface PackShort {
  line: BackorderLine | undefined;
  sku: Sku | undefined;
  location: Location | undefined;
  qty: number;
}

export interface PackReturn {
  instruction: ReturnInstruction;
  sku: Sku | undefined;
  location: Location | undefined;
}

// One tote's order at the pack station, built from the rows as the device shows them.
export interface PackOrder {
  tote: Tote;
  orderId: string;
  tourName: string;
  shipComplete: boolean;
  // The lines picked into the tote, by line number.
  lines: PackLine[];
  shorts: PackShort[];
  // Every line of the order, cancelled ones too, by line number.
  all: { line: BackorderLine; sku: Sku | undefined }[];
  // Every live line of the order with units still owed, tote or not, by line number.
  owed: { line: BackorderLine; sku: Sku | undefined; owed: number }[];
  // Picked stock of cancelled lines to put back, still to do.
  returns: PackReturn[];
}

export interface PackOrderInput {
  tote: Tote;
  tourName: string;
  // Picks of the tote's tour (any tote); those into this tote and not undone count.
  picks: readonly Pick[];
  // Tasks of the tote's tour (any order).
  tasks: readonly PickTask[];
  // The order's lines.
  lines: readonly BackorderLine[];
  returnInstructions: readonly ReturnInstruction[];
  skus: ReadonlyMap<string, Sku>;
  locations: ReadonlyMap<string, Location>;
}

const byLineNo = (a: { line: BackorderLine }, b: { line: BackorderLine }) =>
  a.line.lineNo - b.line.lineNo || (a.line.id < b.line.id ? -1 : a.line.id > b.line.id ? 1 : 0);

export const buildPackOrder = (i: PackOrderInput): PackOrder => {
  const { tote } = i;
  const orderLines = i.lines.filter((l) => l.orderId === tote.orderId);
  const lineById = new Map(orderLines.map((l) => [l.id, l]));
  const inTote = new Map<string, number>();
  for (const p of i.picks)
    if (!p.undone && p.tourId === tote.tourId && p.toteCode === tote.toteCode)
      inTote.set(p.backorderLineId, (inTote.get(p.backorderLineId) ?? 0) + p.qty);
  const lines: PackLine[] = [];
  for (const [id, units] of inTote) {
    const line = lineById.get(id);
    if (!line) continue;
    const cancelled = line.status === 'cancelled';
    const shippable = cancelled ? 0 : Math.max(0, Math.min(units, toShipQty(line)));
    lines.push({
      line,
      sku: i.skus.get(line.skuId),
      inTote: units,
      shippable,
      cancelled,
      notShipping: units - shippable,
    });
  }
  const shorts = i.tasks
    .filter((t) => t.tourId === tote.tourId && t.orderId === tote.orderId && t.shortQty > 0)
    .sort((a, b) => a.sequence - b.sequence)
    .map((t) => ({
      line: lineById.get(t.backorderLineId),
      sku: i.skus.get(t.skuId),
      location: i.locations.get(t.locationId),
      qty: t.shortQty,
    }));
  const owed = orderLines
    .filter((l) => l.status !== 'cancelled' && owedQty(l) > 0)
    .map((line) => ({ line, sku: i.skus.get(line.skuId), owed: owedQty(line) }))
    .sort(byLineNo);
  const returns = i.returnInstructions
    .filter((r) => r.status === 'open' && lineById.has(r.backorderLineId))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((instruction) => ({
      instruction,
      sku: i.skus.get(instruction.skuId),
      location: i.locations.get(instruction.locationId),
    }));
  return {
    tote,
    orderId: tote.orderId,
    tourName: i.tourName,
    all: orderLines.map((line) => ({ line, sku: i.skus.get(line.skuId) })).sort(byLineNo),
    shipComplete: orderLines.some((l) => l.shipComplete && l.status !== 'cancelled'),
    lines: lines.sort(byLineNo),
    shorts,
    owed,
    returns,
  };
};
