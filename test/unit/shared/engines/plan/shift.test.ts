import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reservation } from '../../../../../shared/domain/reservation';
import type { FillLine } from '../../../../../shared/engines/allocation/allocate';
import {
  blockShipComplete,
  planShiftFrom,
  withReserved,
  type PlanPreview,
} from '../../../../../shared/engines/plan/shift';
import { backorderLine } from '../../../../fixtures/backorder-line';
import { shiftOrders } from '../../../../fixtures/shift-orders';
import { HEAVY_PROPERTY_TIMEOUT_MS } from '../../../../fixtures/timeouts';

const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};

const reservation = (
  id: string,
  backorderLineId: string,
  locationId: string,
  qty: number,
  waveId: string | null = null,
): Reservation => ({ id, backorderLineId, locationId, skuId: 'SKU-1', qty, waveId });

describe('withReserved', () => {
  it('joins a line’s unwaved earlier reservations to what allocation takes now, per location', () => {
    const lines = new Map(['a/1', 'b/1', 'c/1'].map((id) => [id, backorderLine(id)]));
    const fill: FillLine[] = [
      { backorderLineId: 'a/1', reservations: [{ locationId: 'L2', qty: 1 }] },
    ];
    const merged = withReserved(
      fill,
      [
        reservation('r2', 'a/1', 'L2', 2),
        reservation('r1', 'b/1', 'L1', 3),
        reservation('r3', 'a/1', 'L1', 1),
        // Already in a wave, or a line no longer live: not to be waved again.
        reservation('r4', 'c/1', 'L1', 4, 'w1'),
        reservation('r5', 'gone/1', 'L1', 4),
      ],
      lines,
    );
    expect(merged).toEqual([
      {
        backorderLineId: 'a/1',
        reservations: [
          { locationId: 'L1', qty: 1 },
          { locationId: 'L2', qty: 3 },
        ],
      },
      { backorderLineId: 'b/1', reservations: [{ locationId: 'L1', qty: 3 }] },
    ]);
  });
});

describe('blockShipComplete', () => {
  it('holds back every line of a ship-complete order with a line left, and only those', () => {
    const lines = [
      backorderLine('s/1', { shipComplete: true }),
      backorderLine('s/2', { shipComplete: true }),
      backorderLine('t/1', { shipComplete: true }),
      backorderLine('u/1'),
      backorderLine('u/2'),
    ];
    const fill = ['s/1', 't/1', 'u/1'].map((id) => ({
      backorderLineId: id,
      reservations: [{ locationId: 'L1', qty: 1 }],
    }));
    // s/2 and u/2 were left; only s is ship-complete.
    const split = blockShipComplete(fill, lines, new Set(['s/2', 'u/2']));
    expect(split.fillList.map((f) => f.backorderLineId)).toEqual(['t/1', 'u/1']);
    expect(split.waiting.map((f) => f.backorderLineId)).toEqual(['s/1']);
  });
});

describe('planShiftFrom', () => {
  it('refuses a site with no layout, in words', () => {
    const shift = shiftOrders(3, 1);
    expect(planShiftFrom({ ...shift, layouts: [], reservations: [] }, counter())).toEqual({
      ok: false,
      reason: 'No warehouse layout is on this device yet: sync with the server, then plan.',
    });
  });

  const plannedLines = (preview: PlanPreview) =>
    new Set(
      preview.waves.flatMap((w) =>
        w.payload.tours.flatMap((t) => t.tasks.map((k) => k.backorderLineId)),
      ),
    );

  it(
    'plans every live line or leaves it with a reason; splits no ship-complete order; reserves nothing twice',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 5, max: 60 }),
          fc.integer({ min: 1, max: 10_000 }),
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
          fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }),
          (orders, seed, cuts, holds) => {
            const shift = shiftOrders(orders, seed);
            // Less stock than demand in places, and some lines held.
            const stock = shift.stock.map((s, i) => ({
              ...s,
              onHand: Math.floor(s.onHand * cuts[i % cuts.length]!),
            }));
            const lines = shift.lines.map((l, i) =>
              holds[i % holds.length] && i % 5 === 0 ? { ...l, status: 'held' as const } : l,
            );
            const site = {
              layouts: [shift.layout],
              locations: shift.locations,
              skus: shift.skus,
              stock,
              reservations: [],
              lines,
            };
            const out = planShiftFrom(site, counter());
            if (!out.ok) throw new Error(out.reason);
            const preview = out.value;
            const planned = plannedLines(preview);
            const left = new Map(preview.leftLines.map((l) => [l.backorderLineId, l.reason]));

            // Every line is planned or left with a reason; a held line is never planned.
            for (const l of lines) expect(planned.has(l.id) || left.has(l.id), l.id).toBe(true);
            for (const l of lines.filter((x) => x.status === 'held')) {
              expect(planned.has(l.id)).toBe(false);
              expect(left.get(l.id)).toBe('held');
            }
            // The counts are the lines one by one.
            expect(preview.left.reduce((s, r) => s + r.lines, 0)).toBe(preview.leftLines.length);

            // A ship-complete order goes whole, in one wave, or not at all.
            const waveOf = new Map<string, number>();
            preview.waves.forEach((w, i) => {
              for (const t of w.payload.tours)
                for (const k of t.tasks) waveOf.set(k.backorderLineId, i);
            });
            const byOrder = new Map<string, typeof lines>();
            for (const l of lines.filter((x) => x.shipComplete))
              byOrder.set(l.orderId, [...(byOrder.get(l.orderId) ?? []), l]);
            for (const [orderId, own] of byOrder) {
              const waves = new Set(own.map((l) => waveOf.get(l.id)));
              expect(waves.size, orderId).toBe(1);
            }

            // Nothing reserved twice: one reservation per line and location, and no location
            // gives more than it has.
            const seen = new Set<string>();
            const drawn = new Map<string, number>();
            for (const w of preview.waves)
              for (const a of w.payload.allocation ?? [])
                for (const r of a.reservations) {
                  const key = `${a.backorderLineId}@${r.locationId}`;
                  expect(seen.has(key), key).toBe(false);
                  seen.add(key);
                  drawn.set(r.locationId, (drawn.get(r.locationId) ?? 0) + r.qty);
                }
            for (const s of stock)
              expect(drawn.get(s.locationId) ?? 0, s.id).toBeLessThanOrEqual(s.onHand);
          },
        ),
        { numRuns: 40 },
      );
    },
    HEAVY_PROPERTY_TIMEOUT_MS,
  );
});
