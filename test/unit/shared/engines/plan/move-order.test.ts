import { describe, expect, it } from 'vitest';
import { routeLengthM } from '../../../../../shared/engines/layout/warehouse';
import { moveOrder } from '../../../../../shared/engines/plan/move-order';
import { planShiftFrom, type PlanPreview } from '../../../../../shared/engines/plan/shift';
import { STANDARD_TEMPLATE } from '../../../../../shared/planning/wave-templates';
import { shiftOrders } from '../../../../fixtures/shift-orders';

const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};

// 11 or 12 orders on carts of 3 totes: one wave of four tours.
const plan = (over: Partial<typeof STANDARD_TEMPLATE> = {}, orders = 12): PlanPreview => {
  const shift = shiftOrders(orders, 7);
  const out = planShiftFrom({ ...shift, layouts: [shift.layout], reservations: [] }, counter(), {
    template: { ...STANDARD_TEMPLATE, cartTotes: 3, ...over },
    day: '1 Dec',
    firstNumber: 2,
  });
  if (!out.ok) throw new Error(out.reason);
  return out.value;
};

const linesOf = (p: PlanPreview, w: number, t: number) =>
  new Set(p.waves[w]!.planned[t]!.tasks.map((k) => k.backorderLineId));

describe('moveOrder', () => {
  it('moves an order’s lines to another tour and routes both again', () => {
    const before = plan({}, 11);
    expect(before.waves.map((w) => w.payload.name)).toEqual(['1 Dec · no cut-off · Wave 2']);
    // A tour with a free tote takes one order of a full tour.
    const tours = before.waves[0]!.planned;
    const to = tours.findIndex((t) => t.totes.length < 3);
    const from = tours.findIndex((t) => t.totes.length === 3);
    expect(to).toBeGreaterThanOrEqual(0);
    const orderId = tours[from]!.totes[0]!.orderId;
    const moved = tours[from]!.tasks.filter((k) => k.orderId === orderId);

    const out = moveOrder(
      before,
      { orderId, from: { wave: 0, tour: from }, to: { wave: 0, tour: to } },
      counter(),
    );
    if (!out.ok) throw new Error(out.reason);
    const after = out.value;
    for (const k of moved) {
      expect(linesOf(after, 0, to).has(k.backorderLineId)).toBe(true);
      expect(linesOf(after, 0, from).has(k.backorderLineId)).toBe(false);
    }
    const ctx = after.context;
    for (const t of [from, to]) {
      const tour = after.waves[0]!.planned[t]!;
      // Its length is its tasks walked in the new order; its totes are numbered from 0.
      expect(tour.routeLengthM).toBeCloseTo(
        routeLengthM(
          ctx.warehouse,
          tour.tasks.map((k) => ctx.points.get(k.locationId)!),
        ),
        6,
      );
      expect(tour.totes.map((x) => x.slot)).toEqual(tour.totes.map((_, i) => i));
      expect(after.waves[0]!.payload.tours[t]!.routeLengthM).toBe(tour.routeLengthM);
    }
    expect(after.waves[0]!.planned[to]!.totes.map((x) => x.orderId)).toContain(orderId);
    // The event is rebuilt: same name, the moved lines on the target tour.
    expect(after.waves[0]!.payload.name).toBe('1 Dec · no cut-off · Wave 2');
    expect(after.waves[0]!.lines).toBe(before.waves[0]!.lines);
    // The preview it came from is unchanged.
    expect(linesOf(before, 0, from).has(moved[0]!.backorderLineId)).toBe(true);
  });

  it('makes a new tour, and drops a tour left empty', () => {
    const before = plan({ cartTotes: 1 });
    const tours = before.waves[0]!.planned.length;
    const orderId = before.waves[0]!.planned[0]!.totes[0]!.orderId;
    const out = moveOrder(
      before,
      { orderId, from: { wave: 0, tour: 0 }, to: { wave: 0, tour: null } },
      counter(),
    );
    if (!out.ok) throw new Error(out.reason);
    expect(out.value.waves[0]!.planned).toHaveLength(tours);
    expect(out.value.waves[0]!.planned.at(-1)!.totes.map((t) => t.orderId)).toEqual([orderId]);
  });

  it('refuses a cart with no free tote, in words, and changes nothing', () => {
    const before = plan({ cartTotes: 1 });
    const orderId = before.waves[0]!.planned[0]!.totes[0]!.orderId;
    const out = moveOrder(
      before,
      { orderId, from: { wave: 0, tour: 0 }, to: { wave: 0, tour: 1 } },
      counter(),
    );
    expect(out).toEqual({
      ok: false,
      reason: 'Tour 2 of 1 Dec · no cut-off · Wave 2 has no free tote (1 of 1).',
    });
  });

  it('moves an order to another wave within its template, and refuses past it', () => {
    const before = plan({ maxOrders: 6, maxLines: 40 });
    expect(before.waves).toHaveLength(2);
    const orderId = before.waves[0]!.planned[0]!.totes[0]!.orderId;
    const refused = moveOrder(
      before,
      { orderId, from: { wave: 0, tour: 0 }, to: { wave: 1, tour: null } },
      counter(),
    );
    expect(refused).toEqual({
      ok: false,
      reason: '1 Dec · no cut-off · Wave 3 would hold 7 orders (the template allows 6).',
    });
    const roomy = {
      ...before,
      context: { ...before.context, template: { ...before.context.template, maxOrders: 7 } },
    };
    const bulky = {
      ...roomy,
      context: { ...roomy.context, template: { ...roomy.context.template, maxVolumeL: 1 } },
    };
    expect(
      moveOrder(
        bulky,
        { orderId, from: { wave: 0, tour: 0 }, to: { wave: 1, tour: null } },
        counter(),
      ),
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(
        /^1 Dec · no cut-off · Wave 3 would take [\d.]+ L \(the template allows 1\)\.$/,
      ),
    });
    const out = moveOrder(
      roomy,
      { orderId, from: { wave: 0, tour: 0 }, to: { wave: 1, tour: null } },
      counter(),
    );
    if (!out.ok) throw new Error(out.reason);
    expect(out.value.waves.map((w) => w.orders)).toEqual([5, 7]);
    expect(out.value.waves.map((w) => w.payload.name)).toEqual([
      '1 Dec · no cut-off · Wave 2',
      '1 Dec · no cut-off · Wave 3',
    ]);
  });
});

describe('planShiftFrom with a template', () => {
  it('says why no order fits a template no line fits, naming the lightest line', () => {
    const shift = shiftOrders(5, 3);
    const lightest = Math.min(...shift.skus.map((s) => s.weightKg));
    const out = planShiftFrom({ ...shift, layouts: [shift.layout], reservations: [] }, counter(), {
      template: { ...STANDARD_TEMPLATE, maxWeightKg: lightest / 2 },
    });
    expect(out.ok).toBe(false);
    if (!out.ok)
      expect(out.reason).toMatch(
        /^No order fits this template: the lightest line weighs [\d.]+ kg, the template allows [\d.]+ kg\.$/,
      );
  });
});
