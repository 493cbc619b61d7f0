import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BackorderLine } from '../../../../../shared/domain/backorder-line';
import type { Location } from '../../../../../shared/domain/location';
import type { Stock } from '../../../../../shared/domain/stock';
import { allocate, type AllocationInput } from '../../../../../shared/engines/allocation/allocate';
import {
  byPriority,
  PRIORITY_RULES,
  priorityOrder,
} from '../../../../../shared/engines/allocation/priority';
import type { Warehouse } from '../../../../../shared/engines/layout/warehouse';
import { backorderLine } from '../../../../fixtures/backorder-line';
import { HEAVY_PROPERTY_TIMEOUT_MS } from '../../../../fixtures/timeouts';

const warehouse: Warehouse = {
  aisles: 4,
  aisleLengthM: 20,
  aisleSpacingM: 3,
  crossAislesM: [0, 20],
  depot: { aisle: 0, positionM: 0 },
};
const LOCS = ['L0', 'L1', 'L2', 'L3', 'L4', 'L5'];
const location = (id: string, countRequired = false): Location => ({
  id,
  code: id,
  zone: 'A',
  aisle: 1,
  positionM: 0,
  level: 0,
  side: 'left',
  countRequired,
});
const points = new Map(LOCS.map((id, i) => [id, { aisle: i % 4, positionM: 2 + 3 * i }]));

const line = (id: string, over: Partial<BackorderLine>): BackorderLine =>
  backorderLine(id, {
    skuId: 'S1',
    customerId: 'C',
    orderedAt: '2026-11-01T00:00:00.000Z',
    promisedBy: '2026-11-10T00:00:00.000Z',
    ...over,
  });

const scenario = fc
  .record({
    stock: fc.array(
      fc.record({
        loc: fc.constantFrom(...LOCS),
        sku: fc.constantFrom('S1', 'S2', 'S3'),
        onHand: fc.integer({ min: 0, max: 12 }),
      }),
      { maxLength: 10 },
    ),
    lines: fc.array(
      fc.record({
        order: fc.integer({ min: 1, max: 8 }),
        sku: fc.constantFrom('S1', 'S2', 'S3'),
        qty: fc.integer({ min: 1, max: 9 }),
        tier: fc.integer({ min: 1, max: 3 }),
        promise: fc.integer({ min: 1, max: 28 }),
        held: fc.boolean(),
      }),
      { maxLength: 16 },
    ),
    shipCompleteOrders: fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { maxLength: 3 }),
    flagged: fc.subarray(LOCS, { maxLength: 2 }),
  })
  .map(({ stock, lines, shipCompleteOrders, flagged }): AllocationInput => {
    const stockRows = new Map<string, Stock>();
    for (const s of stock)
      stockRows.set(`${s.loc}|${s.sku}`, {
        id: `${s.loc}|${s.sku}`,
        locationId: s.loc,
        skuId: s.sku,
        onHand: s.onHand,
        reserved: 0,
      });
    const perOrder = new Map<number, number>();
    return {
      warehouse,
      points,
      locations: LOCS.map((id) => location(id, flagged.includes(id))),
      stock: [...stockRows.values()],
      lines: lines.map((l) => {
        const n = (perOrder.get(l.order) ?? 0) + 1;
        perOrder.set(l.order, n);
        return line(`O${l.order}/${n}`, {
          skuId: l.sku,
          qtyOrdered: l.qty,
          qtyBackordered: l.qty,
          customerTier: l.tier,
          promisedBy: `2026-11-${String(l.promise).padStart(2, '0')}T00:00:00.000Z`,
          shipComplete: shipCompleteOrders.includes(l.order),
          status: l.held ? 'held' : 'open',
        });
      }),
    };
  });

const plan = (input: AllocationInput) => {
  const r = allocate(input);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('allocation', { timeout: HEAVY_PROPERTY_TIMEOUT_MS }, () => {
  it('never reserves more than is free at a location, nor from one waiting for a count', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const used = new Map<string, number>();
        const lineSku = new Map(input.lines.map((l) => [l.id, l.skuId]));
        for (const f of plan(input).fillList)
          for (const r of f.reservations)
            used.set(
              `${r.locationId}|${lineSku.get(f.backorderLineId)}`,
              (used.get(`${r.locationId}|${lineSku.get(f.backorderLineId)}`) ?? 0) + r.qty,
            );
        for (const [id, qty] of used) {
          const stock = input.stock.find((s) => s.id === id)!;
          expect(qty).toBeLessThanOrEqual(stock.onHand - stock.reserved);
          expect(input.locations.find((l) => l.id === stock.locationId)!.countRequired).toBe(false);
        }
      }),
      { numRuns: 500, seed: 1 },
    );
  });

  it('fills a ship-complete order whole or not at all, and never a held line', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const result = plan(input);
        const filled = new Map(
          result.fillList.map((f) => [
            f.backorderLineId,
            f.reservations.reduce((s, r) => s + r.qty, 0),
          ]),
        );
        const orders = new Map<string, BackorderLine[]>();
        for (const l of input.lines)
          if (l.shipComplete && l.status !== 'held')
            orders.set(l.orderId, [...(orders.get(l.orderId) ?? []), l]);
        for (const lines of orders.values()) {
          const whole = lines.every((l) => filled.get(l.id) === l.qtyBackordered);
          const none = lines.every((l) => !filled.has(l.id));
          expect(whole || none).toBe(true);
        }
        for (const l of input.lines) if (l.status === 'held') expect(filled.has(l.id)).toBe(false);
      }),
      { numRuns: 500, seed: 2 },
    );
  });

  it('respects priority: no lower-priority line gets a SKU while a higher-priority one is short of it', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const result = plan(input);
        const filled = new Map(
          result.fillList.map((f) => [
            f.backorderLineId,
            f.reservations.reduce((s, r) => s + r.qty, 0),
          ]),
        );
        const short = new Set(
          result.left.filter((x) => x.reason === 'no-stock').map((x) => x.backorderLineId),
        );
        const order = byPriority();
        const plain = input.lines.filter((l) => !l.shipComplete && l.status === 'open');
        for (const hi of plain) {
          if (!short.has(hi.id)) continue;
          for (const lo of plain) {
            if (lo.skuId === hi.skuId && order(hi, lo) < 0)
              expect(filled.get(lo.id) ?? 0, `${lo.id} filled while ${hi.id} is short`).toBe(0);
          }
        }
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it('gives the same fill list for shuffled input', () => {
    fc.assert(
      fc.property(scenario, fc.infiniteStream(fc.nat()), (input, noise) => {
        const shuffle = <T>(xs: readonly T[]) =>
          xs
            .map((x) => ({ x, k: noise.next().value }))
            .sort((a, b) => a.k - b.k)
            .map((p) => p.x);
        expect(
          plan({
            ...input,
            lines: shuffle(input.lines),
            stock: shuffle(input.stock),
            locations: shuffle(input.locations),
          }),
        ).toEqual(plan(input));
      }),
      { numRuns: 300, seed: 4 },
    );
  });

  it('takes a line from one location when one holds it all, else the fewest; nearest the depot first', () => {
    const input: AllocationInput = {
      warehouse,
      points,
      locations: LOCS.map((id) => location(id)),
      stock: [
        { id: 'L5|S1', locationId: 'L5', skuId: 'S1', onHand: 10, reserved: 0 },
        { id: 'L0|S1', locationId: 'L0', skuId: 'S1', onHand: 10, reserved: 0 },
        { id: 'L1|S1', locationId: 'L1', skuId: 'S1', onHand: 3, reserved: 0 },
      ],
      lines: [
        line('A/1', { qtyBackordered: 8, qtyOrdered: 8 }),
        line('B/1', { qtyBackordered: 12, qtyOrdered: 12, promisedBy: '2026-11-20T00:00:00.000Z' }),
      ],
    };
    expect(plan(input).fillList).toEqual([
      { backorderLineId: 'A/1', reservations: [{ locationId: 'L0', qty: 8 }] },
      {
        backorderLineId: 'B/1',
        reservations: [
          { locationId: 'L5', qty: 10 },
          { locationId: 'L1', qty: 2 },
        ],
      },
    ]);
  });

  it('refuses bad input by record: negative quantities, unknown SKUs and locations, a stock row twice', () => {
    const base: AllocationInput = {
      warehouse,
      points,
      locations: [location('L0')],
      stock: [],
      lines: [],
      skuIds: new Set(['S1']),
    };
    expect(
      allocate({
        ...base,
        stock: [{ id: 'L0|S1', locationId: 'L0', skuId: 'S1', onHand: -2, reserved: 0 }],
      }),
    ).toEqual({ ok: false, reason: 'stock L0|S1: 0 reserved of -2 on hand' });
    expect(
      allocate({
        ...base,
        stock: [{ id: 'L9|S1', locationId: 'L9', skuId: 'S1', onHand: 2, reserved: 0 }],
      }),
    ).toEqual({ ok: false, reason: 'stock L9|S1: location L9 is not known' });
    const row = { id: 'L0|S1', locationId: 'L0', skuId: 'S1', onHand: 2, reserved: 0 };
    expect(allocate({ ...base, stock: [row, { ...row, onHand: 5 }] })).toEqual({
      ok: false,
      reason: 'stock L0|S1: listed twice',
    });
    expect(allocate({ ...base, lines: [line('X/1', { skuId: 'S7' })] })).toEqual({
      ok: false,
      reason: 'backorder line X/1: SKU S7 is not known',
    });
    expect(allocate({ ...base, lines: [line('X/1', { qtyBackordered: -1 })] })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('backorder line X/1'),
    });
  });

  it('ranks lines as byPriority does, whatever order the lead puts the rules in', () => {
    const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T00:00:00.000Z`;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            order: fc.integer({ min: 1, max: 12 }),
            lineNo: fc.integer({ min: 1, max: 3 }),
            tier: fc.integer({ min: 1, max: 3 }),
            promise: fc.integer({ min: 1, max: 4 }),
            ordered: fc.integer({ min: 1, max: 4 }),
            shipComplete: fc.boolean(),
          }),
          { maxLength: 40 },
        ),
        fc.shuffledSubarray([...PRIORITY_RULES]),
        (rows, rules) => {
          // Repeated order and line numbers too: ties must keep the input order, as the sort does.
          const lines = rows.map((r) =>
            line(`O${r.order}/${r.lineNo}`, {
              customerTier: r.tier,
              promisedBy: day(r.promise),
              orderedAt: day(r.ordered),
              shipComplete: r.shipComplete,
            }),
          );
          const order = byPriority(rules, lines);
          expect(priorityOrder(lines, rules)).toEqual(
            [...lines.keys()].sort((i, j) => order(lines[i]!, lines[j]!)),
          );
        },
      ),
      { numRuns: 500, seed: 5 },
    );
  });

  it("follows the lead's rule order: with tier first, a tier-1 line is filled before an earlier promise", () => {
    const input: AllocationInput = {
      warehouse,
      points,
      locations: LOCS.map((id) => location(id)),
      stock: [{ id: 'L0|S1', locationId: 'L0', skuId: 'S1', onHand: 5, reserved: 0 }],
      lines: [
        line('A/1', { customerTier: 3, promisedBy: '2026-11-02T00:00:00.000Z' }),
        line('B/1', { customerTier: 1, promisedBy: '2026-11-20T00:00:00.000Z' }),
      ],
    };
    expect(plan(input).fillList.map((f) => f.backorderLineId)).toEqual(['A/1']);
    expect(
      plan({ ...input, rules: ['customer-tier', 'promise-date'] }).fillList.map(
        (f) => f.backorderLineId,
      ),
    ).toEqual(['B/1']);
  });
});
