import { describe, expect, it } from 'vitest';
import type { BackorderLine } from '../../../../../shared/domain/backorder-line';
import { allocate, type FillLine } from '../../../../../shared/engines/allocation/allocate';
import type { PlannedTour } from '../../../../../shared/engines/batching/batch-tours';
import { CartSchema } from '../../../../../shared/engines/batching/cart';
import { warehouseFrom } from '../../../../../shared/engines/layout/warehouse';
import {
  planWaves,
  type PlannedWaveTours,
  type ShiftPlan,
} from '../../../../../shared/engines/plan/plan-waves';
import {
  DEFAULT_CART,
  DEFAULT_TEMPLATE,
  planReleases,
  waveReleases,
  type WaveRelease,
} from '../../../../../shared/engines/plan/release';
import { WaveTemplateSchema } from '../../../../../shared/engines/waves/wave-template';
import { WaveReleasedSchema } from '../../../../../shared/sync-api/events/lead';
import { backorderLine } from '../../../../fixtures/backorder-line';
import { shiftOrders } from '../../../../fixtures/shift-orders';
import { HEAVY_PROPERTY_TIMEOUT_MS } from '../../../../fixtures/timeouts';

const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};

// The standard shift through allocation and planning with the defaults.
const plannedShift = (orders: number, seed: number) => {
  const shift = shiftOrders(orders, seed);
  // A few cut-offs and ship-complete orders, so waves differ and orders must stay whole.
  const lines = shift.lines.map((l, i) => ({
    ...l,
    shipComplete: l.orderId.endsWith('3'),
    cutoffAt: i % 3 === 0 ? '2026-11-02T14:00:00.000Z' : null,
  }));
  const place = warehouseFrom(shift.layout, shift.locations);
  if (!place.ok) throw new Error(place.reason);
  const fill = allocate({ ...shift, lines, ...place.value });
  if (!fill.ok) throw new Error(fill.reason);
  const plan = planWaves({
    ...shift,
    ...place.value,
    lines,
    fillList: fill.value.fillList,
    template: DEFAULT_TEMPLATE,
    cart: DEFAULT_CART,
  });
  if (!plan.ok) throw new Error(plan.reason);
  return { lines, fillList: fill.value.fillList, plan: plan.value };
};

const expectSequences = (releases: WaveRelease[]) => {
  for (const r of releases) {
    expect(r.payload.tours.map((t) => t.sequence)).toEqual(r.payload.tours.map((_, i) => i));
    for (const t of r.payload.tours)
      expect(t.tasks.map((k) => k.sequence)).toEqual(t.tasks.map((_, i) => i));
  }
};

// Every reservation the payloads make, as `line@location` → qty.
const reserved = (releases: WaveRelease[]) => {
  const out = new Map<string, number>();
  for (const r of releases)
    for (const a of r.payload.allocation ?? [])
      for (const res of a.reservations) {
        const key = `${a.backorderLineId}@${res.locationId}`;
        expect(out.has(key), key).toBe(false);
        out.set(key, res.qty);
      }
  return out;
};

// A tour of one-unit tasks; `tasks` lists [lineId, orderId], each in its own tote slot.
const tour = (tasks: [string, string][], routeLengthM = 10): PlannedTour => ({
  totes: [...new Set(tasks.map(([, o]) => o))].map((orderId, slot) => ({ slot, orderId })),
  tasks: tasks.map(([backorderLineId, orderId], i) => ({
    backorderLineId,
    orderId,
    skuId: 'SKU-1',
    locationId: `L${i % 7}`,
    qty: 1,
    toteSlot: i % 8,
  })),
  routeLengthM,
  units: tasks.length,
  weightKg: 0,
});

const waveOf = (tours: PlannedTour[], cutoffAt: string | null = null): PlannedWaveTours => ({
  cutoffAt,
  orders: new Set(tours.flatMap((t) => t.totes.map((x) => x.orderId))).size,
  lines: tours.reduce((s, t) => s + t.tasks.length, 0),
  units: tours.reduce((s, t) => s + t.units, 0),
  tours,
  routeLengthM: tours.reduce((s, t) => s + t.routeLengthM, 0),
});

// Lines and their one-location fill for the synthetic tours.
const inputFor = (
  tours: PlannedTour[],
  shipComplete: (orderId: string) => boolean = () => false,
) => {
  const tasks = tours.flatMap((t) => t.tasks);
  const lines: BackorderLine[] = tasks.map((t) =>
    backorderLine(t.backorderLineId, { orderId: t.orderId, shipComplete: shipComplete(t.orderId) }),
  );
  const allocation: FillLine[] = tasks.map((t) => ({
    backorderLineId: t.backorderLineId,
    reservations: [{ locationId: t.locationId, qty: t.qty }],
  }));
  return { lines, allocation, newId: counter() };
};

describe(
  'releasing a planned shift as wave.released events',
  { timeout: HEAVY_PROPERTY_TIMEOUT_MS },
  () => {
    it('turns every planned wave into payloads that parse, reserving each fill line once', () => {
      const { lines, fillList, plan } = plannedShift(600, 5);
      expect(plan.waves.length).toBeGreaterThan(2);
      const released = planReleases(plan, { lines, allocation: fillList, newId: counter() });
      if (!released.ok) throw new Error(released.reason);
      const releases = released.value;
      for (const r of releases) expect(WaveReleasedSchema.safeParse(r.payload).success).toBe(true);
      expectSequences(releases);
      // Every fill line is in a wave here, so the payloads reserve exactly the fill list.
      const expected = new Map(
        fillList.flatMap((f) =>
          f.reservations.map((r) => [`${f.backorderLineId}@${r.locationId}`, r.qty] as const),
        ),
      );
      expect(reserved(releases)).toEqual(expected);
      // And each task draws what its line reserves there, no more.
      const drawn = new Map<string, number>();
      for (const r of releases)
        for (const t of r.payload.tours)
          for (const k of t.tasks) {
            const key = `${k.backorderLineId}@${k.locationId}`;
            drawn.set(key, (drawn.get(key) ?? 0) + k.qty);
          }
      expect(drawn).toEqual(expected);
    });

    it('names each wave by number, cut-off and tours, and keeps the plan’s route and tote slots', () => {
      const { lines, fillList, plan } = plannedShift(300, 2);
      const released = planReleases(plan, { lines, allocation: fillList, newId: counter() });
      if (!released.ok) throw new Error(released.reason);
      const [first] = released.value;
      const n = plan.waves[0]!.tours.length;
      expect(first!.payload.name).toBe(`Wave 1 · 14:00 cut-off · ${n} tours`);
      expect(released.value.at(-1)!.payload.name).toMatch(/^Wave \d+ · no cut-off · \d+ tours?$/);
      first!.payload.tours.forEach((t, i) => {
        const planned = plan.waves[0]!.tours[i]!;
        expect(t.routeLengthM).toBe(planned.routeLengthM);
        expect(t.tasks.map((k) => [k.backorderLineId, k.locationId, k.qty, k.toteSlot])).toEqual(
          planned.tasks.map((k) => [k.backorderLineId, k.locationId, k.qty, k.toteSlot]),
        );
      });
    });

    it('takes every id from newId, each once', () => {
      const { lines, fillList, plan } = plannedShift(200, 3);
      const released = planReleases(plan, { lines, allocation: fillList, newId: counter() });
      if (!released.ok) throw new Error(released.reason);
      const ids = released.value.flatMap((r) => [
        r.payload.waveId,
        ...r.payload.tours.flatMap((t) => [t.tourId, ...t.tasks.map((k) => k.pickTaskId)]),
      ]);
      expect(ids.every((id) => /^id-\d+$/.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('sends no allocation for lines reserved before', () => {
      const tours = [tour([['SO-1/1', 'SO-1']]), tour([['SO-2/1', 'SO-2']])];
      const input = inputFor(tours);
      const released = waveReleases(waveOf(tours), 1, {
        ...input,
        allocation: input.allocation.filter((f) => f.backorderLineId !== 'SO-2/1'),
      });
      if (!released.ok) throw new Error(released.reason);
      expect(released.value[0]!.payload.allocation).toEqual([
        { backorderLineId: 'SO-1/1', reservations: [{ locationId: 'L0', qty: 1 }] },
      ]);
      const none = waveReleases(waveOf(tours), 1, { ...input, allocation: [] });
      if (!none.ok) throw new Error(none.reason);
      expect(none.value[0]!.payload).not.toHaveProperty('allocation');
    });

    it('splits a wave of more than 200 tours into events of at most 200, in plan order', () => {
      const tours = Array.from({ length: 450 }, (_, i) => tour([[`SO-${i}/1`, `SO-${i}`]]));
      const released = waveReleases(waveOf(tours, '2026-11-25T17:30:00.000Z'), 4, inputFor(tours));
      if (!released.ok) throw new Error(released.reason);
      expect(released.value.map((r) => r.payload.tours.length)).toEqual([200, 200, 50]);
      expect(released.value.map((r) => r.payload.name)).toEqual([
        'Wave 4.1 · 17:30 cut-off · 200 tours',
        'Wave 4.2 · 17:30 cut-off · 200 tours',
        'Wave 4.3 · 17:30 cut-off · 50 tours',
      ]);
      expect(released.value.flatMap((r) => r.tours)).toEqual(tours);
      expectSequences(released.value);
    });

    it('splits a wave whose allocation passes 2,000 lines', () => {
      // 30 tours of 100 lines: 3,000 lines to reserve.
      const tours = Array.from({ length: 30 }, (_, i) =>
        tour(
          Array.from({ length: 100 }, (_, k): [string, string] => [
            `SO-${i}-${k}/1`,
            `SO-${i}-${k}`,
          ]),
        ),
      );
      const released = waveReleases(waveOf(tours), 1, inputFor(tours));
      if (!released.ok) throw new Error(released.reason);
      expect(released.value.map((r) => r.payload.allocation!.length)).toEqual([2000, 1000]);
      expect(released.value.map((r) => r.payload.tours.length)).toEqual([20, 10]);
      for (const r of released.value)
        expect(WaveReleasedSchema.safeParse(r.payload).success).toBe(true);
    });

    it('keeps a ship-complete order in one event when the wave is split', () => {
      // SC-A rides on tours 0 and 205, SC-B on tours 199 and 200 (either side of the first cut).
      const tours = Array.from({ length: 260 }, (_, i) => tour([[`SO-${i}/1`, `SO-${i}`]]));
      tours[205] = tour([['SC-A/2', 'SC-A']]);
      tours[0] = tour([['SC-A/1', 'SC-A']]);
      tours[199] = tour([['SC-B/1', 'SC-B']]);
      tours[200] = tour([['SC-B/2', 'SC-B']]);
      const released = waveReleases(
        waveOf(tours),
        1,
        inputFor(tours, (o) => o.startsWith('SC-')),
      );
      if (!released.ok) throw new Error(released.reason);
      const eventOf = (lineId: string) =>
        released.value.findIndex((r) =>
          r.payload.tours.some((t) => t.tasks.some((k) => k.backorderLineId === lineId)),
        );
      expect(eventOf('SC-A/1')).toBe(eventOf('SC-A/2'));
      expect(eventOf('SC-B/1')).toBe(eventOf('SC-B/2'));
      expect(released.value.every((r) => r.payload.tours.length <= 200)).toBe(true);
      expect(released.value.reduce((s, r) => s + r.payload.tours.length, 0)).toBe(260);
      expectSequences(released.value);
      // Within an event the tours keep the plan's order.
      const first = released.value[0]!.tours;
      expect(first.map((t) => tours.indexOf(t))).toEqual(
        [...first.map((t) => tours.indexOf(t))].sort((a, b) => a - b),
      );
    });

    it('sends a line over more than 20 locations as allocation lines of at most 20', () => {
      const spread: PlannedTour = {
        ...tour([['SO-1/1', 'SO-1']]),
        tasks: Array.from({ length: 25 }, (_, i) => ({
          backorderLineId: 'SO-1/1',
          orderId: 'SO-1',
          skuId: 'SKU-1',
          locationId: `L${i}`,
          qty: 2,
          toteSlot: 0,
        })),
      };
      const released = waveReleases(waveOf([spread]), 1, {
        lines: [backorderLine('SO-1/1', { qtyBackordered: 50 })],
        allocation: [
          {
            backorderLineId: 'SO-1/1',
            reservations: spread.tasks.map((t) => ({ locationId: t.locationId, qty: t.qty })),
          },
        ],
        newId: counter(),
      });
      if (!released.ok) throw new Error(released.reason);
      expect(released.value[0]!.payload.allocation!.map((a) => a.reservations.length)).toEqual([
        20, 5,
      ]);
    });

    it('refuses, saying why, what no event can carry', () => {
      const big = tour(
        Array.from({ length: 501 }, (_, i): [string, string] => [`SO-1/${i + 1}`, 'SO-1']),
      );
      const tooMany = waveReleases(waveOf([big]), 2, inputFor([big]));
      expect(tooMany).toEqual({
        ok: false,
        reason:
          'wave 2, tour 1: 501 pick tasks, more than the 500 a released tour may hold (use a smaller cart)',
      });

      const sc = Array.from({ length: 201 }, (_, i) => tour([[`SC/${i + 1}`, 'SC']]));
      const whole = waveReleases(
        waveOf(sc),
        1,
        inputFor(sc, () => true),
      );
      expect(whole.ok).toBe(false);
      if (!whole.ok) expect(whole.reason).toContain('a ship-complete order spans 201 tours');

      const one = [tour([['SO-9/1', 'SO-9']])];
      const unknown = waveReleases(waveOf(one), 1, { ...inputFor(one), lines: [] });
      expect(unknown).toEqual({ ok: false, reason: 'backorder line SO-9/1 is not known' });

      const bad = waveReleases(waveOf(one), 1, { ...inputFor(one), newId: () => '' });
      expect(bad.ok).toBe(false);
      if (!bad.ok)
        expect(bad.reason).toMatch(
          /^Wave 1 · no cut-off · 1 tour cannot be released as planned\. The wave is empty: fill it in\./,
        );
    });

    it('has defaults the engines accept', () => {
      expect(WaveTemplateSchema.parse(DEFAULT_TEMPLATE)).toEqual(DEFAULT_TEMPLATE);
      expect(CartSchema.parse(DEFAULT_CART)).toEqual(DEFAULT_CART);
    });

    it('releases nothing from an empty plan', () => {
      const plan: ShiftPlan = { waves: [], left: [] };
      expect(planReleases(plan, { lines: [], allocation: [], newId: counter() })).toEqual({
        ok: true,
        value: [],
      });
    });
  },
);
