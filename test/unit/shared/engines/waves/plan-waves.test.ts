import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BackorderLine } from '../../../../../shared/domain/backorder-line';
import type { Location } from '../../../../../shared/domain/location';
import type { Sku } from '../../../../../shared/domain/sku';
import type { FillLine } from '../../../../../shared/engines/allocation/allocate';
import { byPriority } from '../../../../../shared/engines/allocation/priority';
import type { Cart } from '../../../../../shared/engines/batching/cart';
import { routeLengthM, type Warehouse } from '../../../../../shared/engines/layout/warehouse';
import { planWaves, type PlanInput } from '../../../../../shared/engines/plan/plan-waves';
import type { WaveTemplate } from '../../../../../shared/engines/waves/wave-template';
import { backorderLine } from '../../../../fixtures/backorder-line';
import { HEAVY_PROPERTY_TIMEOUT_MS } from '../../../../fixtures/timeouts';

const warehouse: Warehouse = {
  aisles: 4,
  aisleLengthM: 20,
  aisleSpacingM: 3,
  crossAislesM: [0, 20],
  depot: { aisle: 0, positionM: 0 },
};
const LOCS = ['L0', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7'];
const locations: Location[] = LOCS.map((id, i) => ({
  id,
  code: id,
  zone: i < 4 ? 'Z1' : 'Z2',
  aisle: 1 + (i % 4),
  positionM: 1 + 2 * i,
  level: 0,
  side: 'left',
  countRequired: false,
}));
const points = new Map(
  locations.map((l) => [l.id, { aisle: l.aisle - 1, positionM: l.positionM }]),
);
const CUTOFFS = [null, '2026-11-25T14:00:00.000Z', '2026-11-25T17:00:00.000Z'];
const EPS = 1e-9;

const scenario = fc
  .record({
    weights: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 3, maxLength: 3 }),
    orders: fc.array(
      fc.record({
        shipComplete: fc.boolean(),
        tier: fc.integer({ min: 1, max: 3 }),
        day: fc.integer({ min: 1, max: 9 }),
        cutoff: fc.integer({ min: 0, max: 2 }),
        lines: fc.array(
          fc.record({
            sku: fc.integer({ min: 0, max: 2 }),
            cutoff: fc.option(fc.integer({ min: 0, max: 2 }), { freq: 4 }),
            reservations: fc.array(
              fc.record({ loc: fc.constantFrom(...LOCS), qty: fc.integer({ min: 1, max: 4 }) }),
              { minLength: 1, maxLength: 2 },
            ),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    template: fc.record({
      maxOrders: fc.integer({ min: 1, max: 5 }),
      maxLines: fc.integer({ min: 2, max: 12 }),
      maxUnits: fc.integer({ min: 8, max: 40 }),
      maxWeightKg: fc.integer({ min: 20, max: 200 }),
      maxVolumeL: fc.integer({ min: 20, max: 200 }),
      zones: fc.constantFrom(null, ['Z1'], ['Z1', 'Z2']),
    }),
    cart: fc.record({
      totes: fc.integer({ min: 1, max: 4 }),
      maxUnits: fc.integer({ min: 8, max: 40 }),
      maxWeightKg: fc.integer({ min: 20, max: 200 }),
    }),
  })
  .map(({ weights, orders, template, cart }) => {
    const skus: Sku[] = weights.map((w, i) => ({
      id: `S${i}`,
      sku: `S${i}`,
      description: '',
      unit: 'each',
      weightKg: w / 10,
      volumeL: w / 8,
      barcodes: [],
    }));
    const lines: BackorderLine[] = [];
    const fillList: FillLine[] = [];
    orders.forEach((o, n) =>
      o.lines.forEach((l, k) => {
        const id = `O${n}/${k + 1}`;
        const qty = l.reservations.reduce((s, r) => s + r.qty, 0);
        lines.push(
          backorderLine(id, {
            skuId: `S${l.sku}`,
            shipComplete: o.shipComplete,
            customerTier: o.tier,
            orderedAt: `2026-11-0${o.day}T08:00:00.000Z`,
            promisedBy: `2026-11-1${o.day}T08:00:00.000Z`,
            cutoffAt: CUTOFFS[l.cutoff ?? o.cutoff]!,
            qtyBackordered: qty,
            qtyOrdered: qty,
          }),
        );
        const merged = new Map<string, number>();
        for (const r of l.reservations) merged.set(r.loc, (merged.get(r.loc) ?? 0) + r.qty);
        fillList.push({
          backorderLineId: id,
          reservations: [...merged].map(([locationId, q]) => ({ locationId, qty: q })),
        });
      }),
    );
    const input: PlanInput = {
      fillList,
      lines,
      skus,
      locations,
      template: template as WaveTemplate,
      warehouse,
      points,
      cart: cart as Cart,
    };
    return input;
  });

const unitsOf = (f: FillLine) => f.reservations.reduce((s, r) => s + r.qty, 0);

describe(
  'planWaves: waves, tours and routes from the fill list',
  { timeout: HEAVY_PROPERTY_TIMEOUT_MS },
  () => {
    it('puts every line in exactly one wave and one tour, within every bound, or refuses naming the record', () => {
      let planned = 0;
      fc.assert(
        fc.property(scenario, (input) => {
          const plan = planWaves(input);
          const lines = new Map(input.lines.map((l) => [l.id, l]));
          const fill = new Map(input.fillList.map((f) => [f.backorderLineId, f]));
          const sku = new Map(input.skus.map((s) => [s.id, s]));
          const weightOf = (id: string) =>
            unitsOf(fill.get(id)!) * sku.get(lines.get(id)!.skuId)!.weightKg;
          const volumeOf = (id: string) =>
            unitsOf(fill.get(id)!) * sku.get(lines.get(id)!.skuId)!.volumeL;
          const t = input.template;
          if (!plan.ok) {
            // Only an impossible template or cart: the record it names really is too big.
            const named = /^(order|backorder line) (\S+)/.exec(plan.reason);
            expect(named, plan.reason).not.toBeNull();
            const ids =
              named![1] === 'order'
                ? input.lines.filter((l) => l.orderId === named![2]).map((l) => l.id)
                : [named![2]!];
            const units = ids.reduce((s, id) => s + unitsOf(fill.get(id)!), 0);
            const kg = ids.reduce((s, id) => s + weightOf(id), 0);
            const litres = ids.reduce((s, id) => s + volumeOf(id), 0);
            const tooBigForWave =
              ids.length > t.maxLines ||
              units > t.maxUnits ||
              kg > t.maxWeightKg + EPS ||
              litres > t.maxVolumeL + EPS;
            const tooBigForCart = units > input.cart.maxUnits || kg > input.cart.maxWeightKg + EPS;
            expect(tooBigForWave || tooBigForCart, plan.reason).toBe(true);
            return;
          }
          planned++;
          const { waves, left } = plan.value;
          const seen = new Map<string, number>();
          const inTour = new Set<string>();
          for (const l of left) {
            seen.set(l.backorderLineId, (seen.get(l.backorderLineId) ?? 0) + 1);
            expect(l.reason).toBe('outside-zones');
            const line = lines.get(l.backorderLineId)!;
            const siblings = line.shipComplete
              ? input.fillList.filter((f) => lines.get(f.backorderLineId)!.orderId === line.orderId)
              : [fill.get(l.backorderLineId)!];
            const zoneOf = new Map(locations.map((x) => [x.id, x.zone]));
            expect(
              siblings.some((f) =>
                f.reservations.some((r) => !t.zones!.includes(zoneOf.get(r.locationId)!)),
              ),
            ).toBe(true);
          }
          const waveOfOrder = new Map<string, number>();
          waves.forEach((wave, w) => {
            const waveLines = wave.tours.flatMap((tour) => [
              ...new Set(tour.tasks.map((k) => k.backorderLineId)),
            ]);
            const orderIds = new Set(waveLines.map((id) => lines.get(id)!.orderId));
            expect(orderIds.size).toBeLessThanOrEqual(t.maxOrders);
            expect(waveLines.length).toBeLessThanOrEqual(t.maxLines);
            expect(waveLines.reduce((s, id) => s + unitsOf(fill.get(id)!), 0)).toBeLessThanOrEqual(
              t.maxUnits,
            );
            expect(waveLines.reduce((s, id) => s + weightOf(id), 0)).toBeLessThanOrEqual(
              t.maxWeightKg + EPS,
            );
            expect(waveLines.reduce((s, id) => s + volumeOf(id), 0)).toBeLessThanOrEqual(
              t.maxVolumeL + EPS,
            );
            for (const id of waveLines) {
              seen.set(id, (seen.get(id) ?? 0) + 1);
              const line = lines.get(id)!;
              // Same cut-off together (a ship-complete order goes at its earliest).
              if (!line.shipComplete) expect(line.cutoffAt).toBe(wave.cutoffAt);
              if (line.shipComplete) {
                expect(waveOfOrder.get(line.orderId) ?? w).toBe(w);
                waveOfOrder.set(line.orderId, w);
              }
            }
            for (const tour of wave.tours) {
              expect(tour.totes.length).toBeLessThanOrEqual(input.cart.totes);
              const units = tour.tasks.reduce((s, k) => s + k.qty, 0);
              expect(units).toBeLessThanOrEqual(input.cart.maxUnits);
              const kg = tour.tasks.reduce((s, k) => s + k.qty * sku.get(k.skuId)!.weightKg, 0);
              expect(kg).toBeLessThanOrEqual(input.cart.maxWeightKg + EPS);
              // One order per tote; every task's reservation, once.
              for (const k of tour.tasks) {
                expect(tour.totes[k.toteSlot]!.orderId).toBe(k.orderId);
                expect(fill.get(k.backorderLineId)!.reservations).toContainEqual({
                  locationId: k.locationId,
                  qty: k.qty,
                });
              }
              for (const id of new Set(tour.tasks.map((k) => k.backorderLineId))) {
                expect(inTour.has(id)).toBe(false);
                inTour.add(id);
                expect(tour.tasks.filter((k) => k.backorderLineId === id)).toHaveLength(
                  fill.get(id)!.reservations.length,
                );
              }
              const walked = routeLengthM(
                warehouse,
                tour.tasks.map((k) => points.get(k.locationId)!),
              );
              expect(tour.routeLengthM).toBeCloseTo(walked, 6);
            }
          });
          // Every fill-list line exactly once: in a wave's tour or left with its reason.
          expect([...seen.keys()].sort()).toEqual([...fill.keys()].sort());
          expect([...seen.values()].every((n) => n === 1)).toBe(true);
          // Earliest cut-off first (none last); within a cut-off, priority never goes backwards.
          const order = byPriority();
          for (let w = 1; w < waves.length; w++) {
            const [a, b] = [waves[w - 1]!, waves[w]!];
            const rank = (c: string | null) => c ?? '\uffff';
            expect(rank(a.cutoffAt) <= rank(b.cutoffAt)).toBe(true);
            if (a.cutoffAt !== b.cutoffAt) continue;
            const leadsOf = (x: typeof a) =>
              x.tours.flatMap((tour) => tour.tasks.map((k) => lines.get(k.backorderLineId)!));
            const latest = leadsOf(a).sort(order).at(-1)!;
            const earliestNext = leadsOf(b).sort(order)[0]!;
            // Compared at order level: an order's most urgent line sets its place.
            const urgentOf = (l: BackorderLine) =>
              input.lines.filter((x) => x.orderId === l.orderId).sort(order)[0]!;
            expect(order(urgentOf(latest), urgentOf(earliestNext))).toBeLessThanOrEqual(0);
          }
        }),
        { numRuns: 300 },
      );
      expect(planned).toBeGreaterThan(100);
    });

    it('gives the same plan whatever order its input comes in', () => {
      fc.assert(
        fc.property(scenario, fc.nat(), (input, seed) => {
          const shuffle = <T>(xs: readonly T[]) =>
            xs
              .map((x, i) => [x, (i * 7919 + seed) % 104729] as const)
              .sort((a, b) => a[1] - b[1])
              .map(([x]) => x);
          const again = planWaves({
            ...input,
            fillList: shuffle(input.fillList),
            lines: shuffle(input.lines),
          });
          expect(again).toEqual(planWaves(input));
        }),
        { numRuns: 150 },
      );
    });
  },
);
