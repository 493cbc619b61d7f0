import { fail, ok, type Result } from '../../result';
import type { PlannedTask, PlannedTour } from '../batching/batch-tours';
import { route } from '../routing/route';
import { previewWave, type PlanPreview, type PreviewContext, type PreviewWave } from './shift';
import { waveReleases } from './release';

export interface OrderMove {
  orderId: string;
  from: { wave: number; tour: number };
  // A tour of that wave, or null for a new tour at its end.
  to: { wave: number; tour: number | null };
}

const EPSILON = 1e-9;

const tourWords = (preview: PlanPreview, wave: number, tour: number) =>
  `Tour ${tour + 1} of ${preview.waves[wave]!.payload.name}`;

// A tour again from its tasks: totes numbered from 0 in the order they come, the route anew.
const rebuild = (
  ctx: PreviewContext,
  totes: readonly string[],
  tasks: readonly PlannedTask[],
): Result<PlannedTour> => {
  const slot = new Map(totes.map((o, i) => [o, i]));
  const slotted = tasks.map((t) => ({ ...t, toteSlot: slot.get(t.orderId)! }));
  const routed = route(
    ctx.warehouse,
    slotted.map((t, i) => ({ id: String(i), ...ctx.points.get(t.locationId)! })),
    'optimal',
  );
  if (!routed.ok) return routed;
  return ok({
    totes: totes.map((orderId, i) => ({ slot: i, orderId })),
    tasks: routed.value.order.map((i) => slotted[Number(i)]!),
    routeLengthM: routed.value.lengthM,
    units: slotted.reduce((s, t) => s + t.qty, 0),
    weightKg: slotted.reduce((s, t) => s + t.qty * (ctx.weightKg.get(t.skuId) ?? 0), 0),
  });
};

const linesOf = (tours: readonly PlannedTour[]) =>
  new Set(tours.flatMap((t) => t.tasks.map((k) => k.backorderLineId))).size;
const ordersOf = (tours: readonly PlannedTour[]) =>
  new Set(tours.flatMap((t) => t.totes.map((k) => k.orderId))).size;

// Why the target wave cannot take the order's tasks, or null.
const overTemplate = (
  ctx: PreviewContext,
  wave: readonly PlannedTour[],
  name: string,
): string | null => {
  const t = ctx.template;
  const orders = ordersOf(wave);
  if (orders > t.maxOrders)
    return `${name} would hold ${orders} orders (the template allows ${t.maxOrders})`;
  const lines = linesOf(wave);
  if (lines > t.maxLines)
    return `${name} would hold ${lines} lines (the template allows ${t.maxLines})`;
  const units = wave.reduce((s, x) => s + x.units, 0);
  if (units > t.maxUnits)
    return `${name} would hold ${units} units (the template allows ${t.maxUnits})`;
  const kg = wave.reduce((s, x) => s + x.weightKg, 0);
  if (kg > t.maxWeightKg + EPSILON)
    return `${name} would weigh ${Math.round(kg * 100) / 100} kg (the template allows ${t.maxWeightKg})`;
  const litres = wave.reduce(
    (s, x) => s + x.tasks.reduce((v, k) => v + k.qty * (ctx.volumeL.get(k.skuId) ?? 0), 0),
    0,
  );
  if (litres > t.maxVolumeL + EPSILON)
    return `${name} would take ${Math.round(litres * 100) / 100} L (the template allows ${t.maxVolumeL})`;
  return null;
};

// The lead moves one order from a tour to another tour (of the same wave or another of the same
// cut-off), or to a new tour. Both tours are routed again; the waves' events are rebuilt with new
// ids. A move the cart or the template cannot take is refused in words, and nothing changes.
export const moveOrder = (
  preview: PlanPreview,
  move: OrderMove,
  newId: () => string,
): Result<PlanPreview> => {
  const ctx = preview.context;
  const fromWave = preview.waves[move.from.wave];
  const toWave = preview.waves[move.to.wave];
  const source = fromWave?.planned[move.from.tour];
  if (!fromWave || !toWave || !source) return fail('That tour is no longer in the preview.');
  const name = tourWords(preview, move.from.wave, move.from.tour);
  if (!source.totes.some((t) => t.orderId === move.orderId))
    return fail(`Order ${move.orderId} is not on ${name}.`);
  const sameWave = move.from.wave === move.to.wave;
  if (sameWave && move.to.tour === move.from.tour)
    return fail(`Order ${move.orderId} is already on ${name}.`);
  const target = move.to.tour === null ? null : toWave.planned[move.to.tour];
  if (move.to.tour !== null && !target) return fail('That tour is no longer in the preview.');
  const targetName =
    move.to.tour === null
      ? `a new tour of ${toWave.payload.name}`
      : tourWords(preview, move.to.wave, move.to.tour);
  if (!sameWave) {
    const elsewhere = fromWave.planned.filter(
      (t) => t !== source && t.totes.some((x) => x.orderId === move.orderId),
    ).length;
    if (elsewhere > 0)
      return fail(
        `Order ${move.orderId} is on ${elsewhere + 1} tours of ${fromWave.payload.name}: it moves to another wave only whole, so move it to a tour of this wave.`,
      );
    if (fromWave.cutoffAt !== toWave.cutoffAt)
      return fail(
        `Order ${move.orderId} is in a wave for ${fromWave.cutoffAt ? `the ${fromWave.cutoffAt.slice(11, 16)} cut-off` : 'no cut-off'}; ${toWave.payload.name} is for ${toWave.cutoffAt ? `the ${toWave.cutoffAt.slice(11, 16)} cut-off` : 'no cut-off'}.`,
      );
  }

  const moving = source.tasks.filter((t) => t.orderId === move.orderId);
  const staying = source.tasks.filter((t) => t.orderId !== move.orderId);
  const targetTotes = target ? target.totes.map((t) => t.orderId) : [];
  if (!targetTotes.includes(move.orderId)) {
    if (targetTotes.length + 1 > ctx.cart.totes)
      return fail(`${targetName} has no free tote (${ctx.cart.totes} of ${ctx.cart.totes}).`);
    targetTotes.push(move.orderId);
  }
  const movedUnits = moving.reduce((s, t) => s + t.qty, 0);
  const movedKg = moving.reduce((s, t) => s + t.qty * (ctx.weightKg.get(t.skuId) ?? 0), 0);
  if ((target?.units ?? 0) + movedUnits > ctx.cart.maxUnits)
    return fail(
      `${targetName} would carry ${(target?.units ?? 0) + movedUnits} units (a cart takes ${ctx.cart.maxUnits}).`,
    );
  if ((target?.weightKg ?? 0) + movedKg > ctx.cart.maxWeightKg + EPSILON)
    return fail(
      `${targetName} would carry ${Math.round(((target?.weightKg ?? 0) + movedKg) * 100) / 100} kg (a cart takes ${ctx.cart.maxWeightKg} kg).`,
    );

  const newTarget = rebuild(ctx, targetTotes, [...(target?.tasks ?? []), ...moving]);
  if (!newTarget.ok) return newTarget;
  const newSource = staying.length
    ? rebuild(
        ctx,
        source.totes.map((t) => t.orderId).filter((o) => o !== move.orderId),
        staying,
      )
    : null;
  if (newSource && !newSource.ok) return newSource;

  // The waves' tours after the move; an emptied tour goes.
  const toursOf = (w: number): PlannedTour[] => {
    const out: PlannedTour[] = [];
    preview.waves[w]!.planned.forEach((t, i) => {
      if (w === move.from.wave && i === move.from.tour) {
        if (newSource) out.push(newSource.value);
      } else if (w === move.to.wave && i === move.to.tour) out.push(newTarget.value);
      else out.push(t);
    });
    // A new tour goes last: the wave's tours stay in the order the lead saw them.
    if (w === move.to.wave && move.to.tour === null) out.push(newTarget.value);
    return out;
  };
  if (!sameWave) {
    const over = overTemplate(ctx, toursOf(move.to.wave), toWave.payload.name);
    if (over) return fail(`${over}.`);
  }

  const changed = new Set([move.from.wave, move.to.wave]);
  const waves: PreviewWave[] = [];
  for (const [w, wave] of preview.waves.entries()) {
    if (!changed.has(w)) {
      waves.push(wave);
      continue;
    }
    const tours = toursOf(w);
    if (tours.length === 0) continue;
    const released = waveReleases({ cutoffAt: wave.cutoffAt, tours }, wave.label, {
      lines: ctx.lines,
      allocation: ctx.allocation,
      newId,
      day: ctx.day,
    });
    if (!released.ok) return released;
    for (const r of released.value) waves.push(previewWave(r.payload, r.cutoffAt, r.tours));
  }
  return ok({ ...preview, waves });
};
