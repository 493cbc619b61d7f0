import type { BackorderLine } from '../../domain/backorder-line';
import type { Location } from '../../domain/location';
import type { Sku } from '../../domain/sku';
import { fail, ok, type Result } from '../../result';
import type { FillLine } from '../allocation/allocate';
import { byPriority, DEFAULT_PRIORITY, type PriorityRule } from '../allocation/priority';
import type { WaveTemplate } from './wave-template';
import { sumOf, type PlannedLine, type WaveOrder } from './wave-order';
import { compareText as cmp } from '../../compare';

export interface WaveInput {
  fillList: readonly FillLine[];
  // At least every line the fill list names.
  lines: readonly BackorderLine[];
  skus: readonly Sku[];
  locations: readonly Location[];
  template: WaveTemplate;
  rules?: readonly PriorityRule[];
}

export interface PlannedWave {
  cutoffAt: string | null;
  orders: WaveOrder[];
  lines: number;
  units: number;
  weightKg: number;
  volumeL: number;
}

export interface WavePlan {
  waves: PlannedWave[];
  left: { backorderLineId: string; reason: 'outside-zones' }[];
}

const EPSILON = 1e-9;

// The first bound a set of lines breaks, in words, or null.
const overBound = (t: WaveTemplate, lines: readonly PlannedLine[]): string | null => {
  const s = sumOf(lines);
  if (lines.length > t.maxLines) return `${lines.length} lines (the template allows ${t.maxLines})`;
  if (s.units > t.maxUnits) return `${s.units} units (the template allows ${t.maxUnits})`;
  if (s.weightKg > t.maxWeightKg + EPSILON)
    return `${s.weightKg.toFixed(2)} kg (the template allows ${t.maxWeightKg})`;
  if (s.volumeL > t.maxVolumeL + EPSILON)
    return `${s.volumeL.toFixed(2)} L (the template allows ${t.maxVolumeL})`;
  return null;
};

const planLines = (input: WaveInput): Result<PlannedLine[]> => {
  const lines = new Map(input.lines.map((l) => [l.id, l]));
  const skus = new Map(input.skus.map((s) => [s.id, s]));
  const known = new Set(input.locations.map((l) => l.id));
  const seen = new Set<string>();
  const out: PlannedLine[] = [];
  for (const f of input.fillList) {
    const id = f.backorderLineId;
    if (seen.has(id)) return fail(`fill list: backorder line ${id} is there twice`);
    seen.add(id);
    const line = lines.get(id);
    if (!line) return fail(`fill list: backorder line ${id} is not known`);
    const sku = skus.get(line.skuId);
    if (!sku) return fail(`backorder line ${id}: SKU ${line.skuId} is not known`);
    if (f.reservations.length === 0) return fail(`fill list: backorder line ${id} has no stock`);
    for (const r of f.reservations) {
      if (!Number.isInteger(r.qty) || r.qty < 1)
        return fail(
          `fill list: backorder line ${id}: ${r.qty} at ${r.locationId} is not a quantity`,
        );
      if (!known.has(r.locationId))
        return fail(`fill list: backorder line ${id}: location ${r.locationId} is not known`);
    }
    const units = f.reservations.reduce((s, r) => s + r.qty, 0);
    out.push({
      backorderLineId: id,
      orderId: line.orderId,
      skuId: line.skuId,
      reservations: f.reservations,
      units,
      weightKg: units * sku.weightKg,
      volumeL: units * sku.volumeL,
    });
  }
  return ok(out);
};

// Waves from the fill list, bounded by the lead's template. Lines with the same carrier cut-off go
// together, earliest cut-off first (no cut-off last); within a cut-off, by priority. A
// ship-complete order never splits across waves; another order splits only when it alone is more
// than a wave may hold. Waves are filled in that order, so no wave holds a later-priority order
// than the next one starts with.
export const buildWaves = (input: WaveInput): Result<WavePlan> => {
  const planned = planLines(input);
  if (!planned.ok) return planned;
  const byId = new Map(input.lines.map((l) => [l.id, l]));
  const zoneOf = new Map(input.locations.map((l) => [l.id, l.zone]));
  const zones = input.template.zones ? new Set(input.template.zones) : null;
  const inZones = (p: PlannedLine) =>
    !zones || p.reservations.every((r) => zones.has(zoneOf.get(r.locationId)!));

  // Pieces: a ship-complete order, or an order's lines sharing a cut-off.
  const groups = new Map<string, PlannedLine[]>();
  for (const p of planned.value) {
    const line = byId.get(p.backorderLineId)!;
    const key = line.shipComplete ? `${p.orderId}\n` : `${p.orderId}\n${line.cutoffAt ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  const order = byPriority(input.rules ?? DEFAULT_PRIORITY, input.lines);
  const left: WavePlan['left'] = [];
  const pieces: (WaveOrder & { piece: number })[] = [];
  // In key order, so the first problem reported never depends on the input order.
  for (const [, unsorted] of [...groups].sort(([a], [b]) => cmp(a, b))) {
    const group = unsorted.sort(
      (a, b) =>
        byId.get(a.backorderLineId)!.lineNo - byId.get(b.backorderLineId)!.lineNo ||
        cmp(a.backorderLineId, b.backorderLineId),
    );
    const lines = group.map((p) => byId.get(p.backorderLineId)!).sort(order);
    const shipComplete = lines[0]!.shipComplete;
    const kept = shipComplete && !group.every(inZones) ? [] : group.filter(inZones);
    for (const p of group)
      if (!kept.includes(p))
        left.push({ backorderLineId: p.backorderLineId, reason: 'outside-zones' });
    if (kept.length === 0) continue;
    const cutoffs = lines.map((l) => l.cutoffAt).filter((c): c is string => c !== null);
    const cutoffAt = cutoffs.length ? cutoffs.sort(cmp)[0]! : null;
    const tooBig = overBound(input.template, kept);
    let split: PlannedLine[][] = [kept];
    if (tooBig && shipComplete)
      return fail(
        `order ${lines[0]!.orderId} is ship-complete and needs ${tooBig}: no wave can hold it whole`,
      );
    if (tooBig) {
      // Next fit, line by line in line order: each piece as full as the template allows.
      split = [[]];
      for (const p of kept) {
        const alone = overBound(input.template, [p]);
        if (alone) return fail(`backorder line ${p.backorderLineId} needs ${alone}`);
        const current = split[split.length - 1]!;
        if (overBound(input.template, [...current, p])) split.push([p]);
        else current.push(p);
      }
    }
    split.forEach((lines2, piece) =>
      pieces.push({
        orderId: lines[0]!.orderId,
        lead: lines[0]!,
        cutoffAt,
        lines: lines2,
        ...sumOf(lines2),
        piece,
      }),
    );
  }
  pieces.sort(
    (a, b) =>
      (a.cutoffAt === null ? 1 : 0) - (b.cutoffAt === null ? 1 : 0) ||
      cmp(a.cutoffAt ?? '', b.cutoffAt ?? '') ||
      order(a.lead, b.lead) ||
      a.piece - b.piece,
  );

  const t = input.template;
  const waves: PlannedWave[] = [];
  let wave: PlannedWave | null = null;
  for (const o of pieces) {
    const fits =
      wave !== null &&
      wave.cutoffAt === o.cutoffAt &&
      wave.orders.length + 1 <= t.maxOrders &&
      wave.lines + o.lines.length <= t.maxLines &&
      wave.units + o.units <= t.maxUnits &&
      wave.weightKg + o.weightKg <= t.maxWeightKg + EPSILON &&
      wave.volumeL + o.volumeL <= t.maxVolumeL + EPSILON;
    if (!fits) {
      wave = { cutoffAt: o.cutoffAt, orders: [], lines: 0, units: 0, weightKg: 0, volumeL: 0 };
      waves.push(wave);
    }
    wave!.orders.push(o);
    wave!.lines += o.lines.length;
    wave!.units += o.units;
    wave!.weightKg += o.weightKg;
    wave!.volumeL += o.volumeL;
  }
  left.sort((a, b) => cmp(a.backorderLineId, b.backorderLineId));
  return ok({ waves, left });
};
