import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BackorderLine } from '../../../../../shared/domain/backorder-line';
import type { DailyOrderCount } from '../../../../../shared/domain/daily-order-count';
import type { EventRecord } from '../../../../../shared/domain/event-record';
import type { PickTask } from '../../../../../shared/domain/pick-task';
import { LOG_EVENT_PAYLOADS } from '../../../../../shared/engines/kpi/event-catalogue';
import { computeKpis, type KpiInput, type Kpis } from '../../../../../shared/engines/kpi/kpis';
import type { Ratio } from '../../../../../shared/engines/kpi/window';
import { EVENT_TYPES } from '../../../../../server/apply/index';
import { HEAVY_PROPERTY_TIMEOUT_MS } from '../../../../fixtures/timeouts';

const DAY_S = 86_400;
const t = (dayAndTime: string) => `2026-11-${dayAndTime}Z`;

const ev = (
  id: string,
  type: string,
  at: string,
  payload: unknown,
  operatorId: string | null = null,
): EventRecord => ({
  id,
  type,
  source: operatorId === null ? 'server' : 'device',
  deviceId: operatorId === null ? null : 'hh-1',
  operatorId,
  at,
  receivedAt: at,
  payload,
});

const added = (id: string, orderedAt: string, qtyBackordered: number) =>
  ev(`add-${id}`, 'oms.backorder-lines-added', orderedAt, {
    lines: [
      {
        id,
        orderId: id.split('/')[0],
        lineNo: 1,
        skuId: 'SKU-1',
        customerId: 'C1',
        customerTier: 2,
        orderedAt,
        promisedBy: t('30T00:00:00'),
        shipComplete: false,
        carrier: null,
        cutoffAt: null,
        qtyOrdered: qtyBackordered + 2,
        qtyBackordered,
      },
    ],
  });
const shipped = (id: string, at: string, lines: [string, number][]) =>
  ev(
    id,
    'shipment.confirmed',
    at,
    {
      shipmentId: id,
      orderId: lines[0]![0].split('/')[0],
      lines: lines.map(([backorderLineId, qty]) => ({ backorderLineId, qty })),
      carrier: 'UPS',
      service: 'ground',
      trackingNumber: `1Z-${id}`,
      weightKg: 2,
      parcels: 1,
    },
    'packer-1',
  );
const cancelled = (id: string, at: string, lineId: string) =>
  ev(id, 'oms.backorder-line-cancelled', at, { backorderLineId: lineId, reason: 'customer' });
const released = (waveId: string, at: string, tours: Record<string, string[]>) =>
  ev(
    `rel-${waveId}`,
    'wave.released',
    at,
    {
      waveId,
      name: waveId,
      tours: Object.entries(tours).map(([tourId, tasks], sequence) => ({
        tourId,
        sequence,
        routeLengthM: 40,
        tasks: tasks.map((pickTaskId, i) => ({
          pickTaskId,
          backorderLineId: 'SO-9/1',
          locationId: 'LOC-1',
          qty: 2,
          sequence: i,
          toteSlot: 0,
        })),
      })),
    },
    'lead-1',
  );
const picked = (id: string, at: string, task: string, picker: string) =>
  ev(id, 'pick.confirmed', at, { pickTaskId: task, qty: 1, toteCode: 'TOTE-1' }, picker);
const short = (id: string, at: string, task: string, picker: string, foundQty = 0) =>
  ev(
    id,
    'short-pick.reported',
    at,
    { pickTaskId: task, foundQty, reason: 'not-found', ...(foundQty > 0 ? { toteCode: 'T' } : {}) },
    picker,
  );
const undone = (id: string, at: string, pickId: string, picker: string) =>
  ev(id, 'pick.undone', at, { pickId }, picker);

const row = (id: string, over: Partial<BackorderLine>): BackorderLine => ({
  id,
  orderId: id.split('/')[0]!,
  lineNo: 1,
  skuId: 'SKU-1',
  customerId: 'C1',
  customerTier: 2,
  orderedAt: t('01T00:00:00'),
  promisedBy: t('30T00:00:00'),
  shipComplete: false,
  carrier: null,
  cutoffAt: null,
  qtyOrdered: 2,
  qtyBackordered: 2,
  qtyAllocated: 0,
  qtyPicked: 0,
  qtyShort: 0,
  qtyShipped: 0,
  qtyCancelled: 0,
  status: 'open',
  ...over,
});
const day = (id: string, linesPlaced: number, linesBackordered: number): DailyOrderCount => ({
  id,
  ordersPlaced: linesPlaced,
  linesPlaced,
  linesBackordered,
});

const run = (input: Partial<KpiInput>): Kpis => {
  const result = computeKpis({
    events: [],
    dailyCounts: [],
    from: t('02T00:00:00'),
    to: t('09T00:00:00'),
    now: t('20T00:00:00'),
    ...input,
  });
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};
const failure = (input: Partial<KpiInput>): string => {
  const result = computeKpis({
    events: [],
    dailyCounts: [],
    from: t('02T00:00:00'),
    to: t('09T00:00:00'),
    now: t('20T00:00:00'),
    ...input,
  });
  if (result.ok) throw new Error('expected a failure');
  return result.reason;
};

// A week, 2 to 9 November: five lines backordered (one before the week), shipments, one
// cancellation, two pickers over two waves with short picks and an undone pick.
const week: EventRecord[] = [
  added('SO-1/1', t('02T08:00:00'), 4),
  added('SO-2/1', t('03T00:00:00'), 2),
  added('SO-3/1', t('04T00:00:00'), 5),
  added('SO-4/1', '2026-10-30T00:00:00Z', 3),
  added('SO-5/1', t('08T12:00:00'), 1),
  shipped('SH-1', t('05T08:00:00'), [['SO-1/1', 4]]),
  shipped('SH-2', t('06T00:00:00'), [['SO-3/1', 2]]),
  shipped('SH-3', t('07T00:00:00'), [['SO-4/1', 3]]),
  shipped('SH-4', t('10T00:00:00'), [['SO-3/1', 3]]),
  cancelled('CX-1', t('05T00:00:00'), 'SO-2/1'),
  released('W1', t('03T00:00:00'), { T1: ['K1', 'K2', 'K3'], T2: ['K4', 'K5'] }),
  released('W2', t('04T00:00:00'), { T3: ['K6', 'K7'] }),
  picked('P-1', t('03T09:00:00'), 'K1', 'ann'),
  short('P-2', t('03T09:20:00'), 'K2', 'ann'),
  picked('P-3', t('03T09:30:00'), 'K3', 'ann'),
  picked('P-4', t('03T09:40:00'), 'K3', 'ann'),
  undone('U-4', t('03T09:41:00'), 'P-4', 'ann'),
  picked('P-5', t('03T10:00:00'), 'K4', 'bob'),
  picked('P-6', t('03T11:00:00'), 'K5', 'bob'),
  picked('P-7', t('04T08:00:00'), 'K6', 'ann'),
  short('P-8', t('04T08:15:00'), 'K7', 'ann', 1),
];
const weekLines = [
  row('SO-6/1', { orderedAt: '2026-10-20T00:00:00Z', qtyBackordered: 2 }),
  row('SO-7/1', { orderedAt: '2026-10-21T00:00:00Z', status: 'cancelled' }),
  row('SO-8/1', { orderedAt: '2026-10-25T00:00:00Z', qtyBackordered: 5, qtyShipped: 3 }),
];
const weekCounts = [
  day('2026-11-01', 100, 50),
  day('2026-11-02', 40, 4),
  day('2026-11-05', 60, 6),
  day('2026-11-09', 10, 10),
];

const r = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  value: numerator / denominator,
});

describe('computeKpis on a worked week', () => {
  const k = run({ events: week, lines: weekLines, dailyCounts: weekCounts });

  it('takes the backorder rate from the days that start in the window', () => {
    expect(k.backorderRate).toEqual(r(10, 100));
  });

  it('fills the units of the week’s new backorder lines that shipped in the week', () => {
    // SO-1/1 (4), SO-2/1 (2), SO-3/1 (5), SO-5/1 (1); shipped in the week: 4 of SO-1/1, 2 of
    // SO-3/1. SO-4/1 was ordered before the week; SO-3/1's last 3 ship after it.
    expect(k.backorderFillRate).toEqual(r(6, 12));
    expect(k.backorderCancellationRate).toEqual(r(1, 4));
  });

  it('averages the backorder duration over the shipment lines of the week', () => {
    // 3 days (SO-1/1), 2 days (SO-3/1), 8 days (SO-4/1, ordered before the week).
    expect(k.averageBackorderDuration).toEqual({
      shipmentLines: 3,
      seconds: ((3 + 2 + 8) * DAY_S) / 3,
    });
  });

  it('ages the lines still open at the end of the window, rows before the history included', () => {
    expect(k.window.asOf).toBe('2026-11-09T00:00:00.000Z');
    expect(k.aging.map((b) => [b.label, b.lines, b.units])).toEqual([
      ['0–1 d', 1, 1], // SO-5/1, 12 hours
      ['1–3 d', 0, 0],
      ['3–7 d', 1, 3], // SO-3/1, 5 days, 2 of 5 shipped
      ['7–14 d', 0, 0],
      // From their rows: SO-6/1 (2) and SO-8/1 (3 of 5 shipped before the history); SO-7/1's
      // row says it was cancelled.
      ['> 14 d', 2, 4],
    ]);
  });

  it('counts short picks among the pick attempts, leaving out the undone pick', () => {
    expect(k.shortPickRate).toEqual(r(2, 7));
  });

  it('rates picks per active hour overall, per wave and per picker, listed by id', () => {
    // ann: T1 09:00–09:30 and T3 08:00–08:15; bob: T2 10:00–11:00.
    expect(k.picking.overall).toEqual({
      picks: 7,
      shortPicks: 2,
      activeHours: 1.75,
      picksPerHour: 4,
      shortPickRate: 2 / 7,
    });
    expect(k.picking.byWave).toEqual([
      {
        waveId: 'W1',
        picks: 5,
        shortPicks: 1,
        activeHours: 1.5,
        picksPerHour: 5 / 1.5,
        shortPickRate: 0.2,
      },
      {
        waveId: 'W2',
        picks: 2,
        shortPicks: 1,
        activeHours: 0.25,
        picksPerHour: 8,
        shortPickRate: 0.5,
      },
    ]);
    expect(k.picking.byPicker).toEqual([
      {
        pickerId: 'ann',
        picks: 5,
        shortPicks: 2,
        activeHours: 0.75,
        picksPerHour: 5 / 0.75,
        shortPickRate: 0.4,
      },
      {
        pickerId: 'bob',
        picks: 2,
        shortPicks: 0,
        activeHours: 1,
        picksPerHour: 2,
        shortPickRate: 0,
      },
    ]);
  });

  it('counts an undone pick nowhere, not even in active time', () => {
    const kept = run({ events: week.filter((e) => e.id !== 'U-4'), lines: weekLines });
    expect(kept.picking.byPicker[0]).toMatchObject({ pickerId: 'ann', picks: 6 });
    expect(kept.picking.byPicker[0]!.activeHours).toBeCloseTo(40 / 60 + 0.25, 12);
  });

  it('counts a picker once where their tours overlap', () => {
    // T1 09:00–10:30 holds T2 09:30–10:00 (ids out of time order on purpose); T3 10:15–11:00.
    const events = [
      released('W1', t('03T00:00:00'), { T1: ['K1', 'K2'], T2: ['K3', 'K4'], T3: ['K5', 'K6'] }),
      picked('P-4', t('03T09:00:00'), 'K1', 'ann'),
      picked('P-3', t('03T09:30:00'), 'K3', 'ann'),
      picked('P-2', t('03T10:00:00'), 'K4', 'ann'),
      picked('P-1', t('03T10:30:00'), 'K2', 'ann'),
      picked('P-5', t('03T10:15:00'), 'K5', 'ann'),
      picked('P-6', t('03T11:00:00'), 'K6', 'ann'),
    ];
    expect(run({ events }).picking.overall).toMatchObject({ picks: 6, activeHours: 2 });
  });

  it('places a pick by its task row when the wave was released before the history', () => {
    const task: PickTask = {
      id: 'K9',
      tourId: 'T9',
      waveId: 'W9',
      backorderLineId: 'SO-9/1',
      orderId: 'SO-9',
      locationId: 'LOC-1',
      skuId: 'SKU-1',
      qty: 1,
      sequence: 0,
      toteSlot: 0,
      status: 'picked',
      pickedQty: 1,
      shortQty: 0,
    };
    const events = [picked('P-9', t('03T09:00:00'), 'K9', 'cy')];
    expect(run({ events, pickTasks: [task] }).picking.byWave).toMatchObject([
      { waveId: 'W9', picks: 1, activeHours: 0, picksPerHour: null },
    ]);
  });
});

describe('computeKpis at the edges of the window', () => {
  const hour = { from: t('03T10:00:00'), to: t('03T11:00:00') };

  it('counts an event exactly at from and not one exactly at to', () => {
    const k = run({ events: week, lines: weekLines, ...hour });
    expect(k.picking.byPicker).toEqual([
      {
        pickerId: 'bob',
        picks: 1,
        shortPicks: 0,
        activeHours: 1,
        picksPerHour: 1,
        shortPickRate: 0,
      },
    ]);
  });

  it('takes a line ordered at from into the cohort and leaves a shipment at to out', () => {
    const events = [
      added('SO-1/1', t('02T00:00:00'), 2),
      shipped('SH-1', t('04T00:00:00'), [['SO-1/1', 1]]),
      shipped('SH-2', t('09T00:00:00'), [['SO-1/1', 1]]),
    ];
    const k = run({ events });
    expect(k.backorderFillRate).toEqual(r(1, 2));
    expect(k.averageBackorderDuration).toEqual({ shipmentLines: 1, seconds: 2 * DAY_S });
    // Still open at `to`: the shipment at `to` has not happened by then.
    expect(k.aging[3]).toMatchObject({ label: '7–14 d', lines: 1, units: 1 });
  });

  it('counts a shipment stamped before its order (a slow clock) as no wait, as the server does', () => {
    const events = [
      added('SO-1/1', t('03T10:00:00'), 2),
      shipped('SH-1', t('03T09:59:00'), [['SO-1/1', 2]]),
    ];
    expect(run({ events }).averageBackorderDuration).toEqual({ shipmentLines: 1, seconds: 0 });
  });

  it('takes the shipments a line row counts and the log lacks as shipped before the history', () => {
    const lines = [
      row('SO-1/1', { orderedAt: '2026-10-01T00:00:00Z', qtyBackordered: 6, qtyShipped: 3 }),
    ];
    const events = [shipped('SH-1', t('03T00:00:00'), [['SO-1/1', 1]])];
    // 6 backordered, 2 shipped before the history, 1 in it: 3 left.
    expect(run({ events, lines }).aging[4]).toMatchObject({ lines: 1, units: 3 });
  });

  it('counts a day whose midnight is at from and not one whose midnight is at to', () => {
    const k = run({ dailyCounts: [day('2026-11-02', 10, 1), day('2026-11-09', 10, 9)] });
    expect(k.backorderRate).toEqual(r(1, 10));
  });

  it('puts a line exactly on a band boundary into the older band', () => {
    const asOf = Date.parse(t('20T00:00:00'));
    const ageMs = [1, 86_400_000 - 1, 86_400_000, 3 * 86_400_000 - 1, 3 * 86_400_000];
    ageMs.push(7 * 86_400_000 - 1, 7 * 86_400_000, 14 * 86_400_000 - 1, 14 * 86_400_000, 0);
    const lines = ageMs.map((ms, i) =>
      row(`SO-${i}/1`, { orderedAt: new Date(asOf - ms).toISOString(), qtyBackordered: 1 }),
    );
    const k = run({ lines, from: t('01T00:00:00'), to: t('25T00:00:00'), now: t('20T00:00:00') });
    // Aged at now, since `to` has not come; the line ordered exactly now is not open yet.
    expect(k.window.asOf).toBe('2026-11-20T00:00:00.000Z');
    expect(k.aging.map((b) => b.lines)).toEqual([2, 2, 2, 2, 1]);
  });
});

describe('computeKpis without data', () => {
  it('says "no data" (null) for every share and rate, never NaN', () => {
    const k = run({});
    const nulls = [
      k.backorderRate.value,
      k.backorderFillRate.value,
      k.backorderCancellationRate.value,
      k.averageBackorderDuration.seconds,
      k.shortPickRate.value,
      k.picking.overall.picksPerHour,
      k.picking.overall.shortPickRate,
    ];
    expect(nulls).toEqual([null, null, null, null, null, null, null]);
    expect(k.aging.every((b) => b.lines === 0 && b.units === 0)).toBe(true);
    expect(k.picking.byWave).toEqual([]);
    expect(k.picking.byPicker).toEqual([]);
  });
});

describe('computeKpis refuses bad input, naming the record', () => {
  it('refuses a window that does not run forward', () => {
    expect(failure({ from: t('09T00:00:00'), to: t('09T00:00:00') })).toBe(
      'window: from 2026-11-09T00:00:00Z is not before to 2026-11-09T00:00:00Z',
    );
    expect(failure({ to: 'tomorrow' })).toBe(
      'window: to "tomorrow" is not a timestamp with an offset',
    );
  });

  it('refuses an event of a type nobody defined', () => {
    expect(failure({ events: [ev('E-1', 'pick.guessed', t('03T00:00:00'), {})] })).toBe(
      'event E-1: unknown type "pick.guessed"',
    );
    expect(failure({ events: [ev('E-2', 'constructor', t('03T00:00:00'), {})] })).toBe(
      'event E-2: unknown type "constructor"',
    );
  });

  it('refuses an invalid payload, naming the field', () => {
    const bad = ev(
      'E-1',
      'pick.confirmed',
      t('03T00:00:00'),
      { pickTaskId: 'K1', qty: 0, toteCode: 'T' },
      'ann',
    );
    expect(failure({ events: [bad] })).toMatch(/^event E-1 \(pick\.confirmed\): qty: Too small/);
  });

  it('refuses a record without a valid time, and an event seen twice', () => {
    const noTime = { ...picked('E-1', t('03T00:00:00'), 'K1', 'ann'), at: 'yesterday' };
    expect(failure({ events: [noTime] })).toMatch(/^event E-1: at: /);
    const twice = picked('E-2', t('03T00:00:00'), 'K1', 'ann');
    expect(failure({ events: [twice, twice] })).toBe('event E-2: appears twice in the log');
  });

  it('refuses a negative daily count, and more lines backordered than placed', () => {
    expect(failure({ dailyCounts: [day('2026-11-03', 10, -1)] })).toMatch(
      /^daily count 2026-11-03: linesBackordered: Too small/,
    );
    expect(failure({ dailyCounts: [day('2026-11-03', 3, 5)] })).toBe(
      'daily count 2026-11-03: 5 lines backordered of 3 placed',
    );
  });

  it('refuses a shipment of a line it cannot find, or beyond what was backordered', () => {
    expect(failure({ events: [shipped('SH-1', t('03T00:00:00'), [['SO-1/1', 1]])] })).toBe(
      'event SH-1 (shipment.confirmed): backorder line SO-1/1 is in no oms.backorder-lines-added event and no line row',
    );
    const over = [
      added('SO-1/1', t('02T00:00:00'), 2),
      shipped('SH-1', t('03T00:00:00'), [['SO-1/1', 2]]),
      shipped('SH-2', t('04T00:00:00'), [['SO-1/1', 1]]),
    ];
    expect(failure({ events: over })).toBe(
      'event SH-2 (shipment.confirmed): backorder line SO-1/1 would have 3 shipped of 2 backordered',
    );
  });

  it('refuses a pick on a task it cannot place, or by nobody', () => {
    expect(failure({ events: [picked('P-1', t('03T00:00:00'), 'K1', 'ann')] })).toBe(
      'event P-1 (pick.confirmed): pick task K1 is in no wave.released event and no pick task row',
    );
    const nobody = { ...picked('P-2', t('03T00:00:00'), 'K1', 'ann'), operatorId: null };
    expect(failure({ events: [nobody] })).toBe(
      'event P-2 (pick.confirmed): names no picker (operatorId)',
    );
  });

  it('refuses a line cancelled twice, naming both events', () => {
    const events = [
      added('SO-1/1', t('02T00:00:00'), 2),
      cancelled('CX-1', t('04T00:00:00'), 'SO-1/1'),
      cancelled('CX-2', t('03T00:00:00'), 'SO-1/1'),
    ];
    // The earlier one stands, whatever the ids or the order of the input.
    expect(failure({ events })).toBe(
      'event CX-1 (oms.backorder-line-cancelled): backorder line SO-1/1 was cancelled by event CX-2',
    );
  });
});

describe('the KPI event catalogue', () => {
  it('knows exactly the event types the server applies, with the same schemas', () => {
    expect([...LOG_EVENT_PAYLOADS.keys()].sort()).toEqual(EVENT_TYPES.map((e) => e.type).sort());
    for (const e of EVENT_TYPES) expect(LOG_EVENT_PAYLOADS.get(e.type)).toBe(e.payload);
  });
});

// Random but valid logs: lines with shipments and cancellations, two waves of two tours, three
// pickers; times in minutes over two weeks from 1 November.
const BASE = Date.parse('2026-11-01T00:00:00Z');
const at = (minute: number) => new Date(BASE + minute * 60_000).toISOString();
const MINUTES = 14 * 24 * 60;
const TASKS = ['K0', 'K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7'];
const minute = fc.integer({ min: 0, max: MINUTES });

const logArb = fc
  .record({
    lines: fc.array(
      fc.record({
        ordered: minute,
        qty: fc.integer({ min: 0, max: 5 }),
        ships: fc.array(fc.record({ after: minute, qty: fc.integer({ min: 1, max: 3 }) }), {
          maxLength: 3,
        }),
        cancelAfter: fc.option(minute, { nil: null }),
      }),
      { maxLength: 8 },
    ),
    attempts: fc.array(
      fc.record({
        task: fc.integer({ min: 0, max: TASKS.length - 1 }),
        picker: fc.constantFrom('ann', 'bob', 'cy'),
        at: minute,
        short: fc.boolean(),
        undo: fc.boolean(),
      }),
      { maxLength: 25 },
    ),
    days: fc.array(
      fc.record({ day: fc.integer({ min: 1, max: 14 }), placed: fc.nat(50), share: fc.nat(100) }),
      { maxLength: 14 },
    ),
  })
  .map(({ lines, attempts, days }) => {
    const events: EventRecord[] = [
      released('W1', at(0), { T1: TASKS.slice(0, 2), T2: TASKS.slice(2, 4) }),
      released('W2', at(0), { T3: TASKS.slice(4, 6), T4: TASKS.slice(6) }),
    ];
    lines.forEach((l, i) => {
      const id = `SO-${i}/1`;
      events.push(added(id, at(l.ordered), l.qty));
      let left = l.qty;
      l.ships.forEach((s, j) => {
        const qty = Math.min(s.qty, left);
        left -= qty;
        if (qty > 0) events.push(shipped(`SH-${i}-${j}`, at(l.ordered + s.after), [[id, qty]]));
      });
      if (l.cancelAfter !== null && left > 0)
        events.push(cancelled(`CX-${i}`, at(l.ordered + l.cancelAfter), id));
    });
    attempts.forEach((a, i) => {
      const task = TASKS[a.task]!;
      events.push(
        a.short
          ? short(`P-${i}`, at(a.at), task, a.picker)
          : picked(`P-${i}`, at(a.at), task, a.picker),
      );
      if (a.undo && !a.short) events.push(undone(`U-${i}`, at(a.at + 1), `P-${i}`, a.picker));
    });
    const seen = new Set<number>();
    const dailyCounts = days
      .filter((d) => !seen.has(d.day) && seen.add(d.day))
      .map((d) =>
        day(
          `2026-11-${String(d.day).padStart(2, '0')}`,
          d.placed,
          Math.floor((d.placed * d.share) / 100),
        ),
      );
    return { events, dailyCounts };
  });

const windowArb = fc
  .tuple(minute, minute, minute)
  .map((m) => m.sort((a, b) => a - b))
  .filter(([a, mid, b]) => a < mid && mid < b);

const shares = (k: Kpis): Ratio[] => [
  k.backorderRate,
  k.backorderFillRate,
  k.backorderCancellationRate,
  k.shortPickRate,
];

describe('computeKpis properties', { timeout: HEAVY_PROPERTY_TIMEOUT_MS }, () => {
  it('gives the same result for the same log in any order', () => {
    fc.assert(
      fc.property(logArb, windowArb, fc.nat(), ({ events, dailyCounts }, [a, , b], seed) => {
        const shuffled = [...events]
          .map((e, i) => ({ e, key: (i * 7919 + seed) % 10007 }))
          .sort((x, y) => x.key - y.key)
          .map((x) => x.e);
        const input = { dailyCounts, from: at(a), to: at(b), now: at(MINUTES) };
        expect(computeKpis({ ...input, events: shuffled })).toEqual(
          computeKpis({ ...input, events }),
        );
      }),
    );
  });

  it('keeps every share within 0 and 1, and null only without a denominator', () => {
    fc.assert(
      fc.property(logArb, windowArb, ({ events, dailyCounts }, [a, , b]) => {
        const k = run({ events, dailyCounts, from: at(a), to: at(b), now: at(MINUTES) });
        for (const s of shares(k)) {
          if (s.denominator === 0) expect(s.value).toBeNull();
          else expect(s.value).toBeGreaterThanOrEqual(0);
          if (s.value !== null) expect(s.value).toBeLessThanOrEqual(1);
        }
        for (const p of [k.picking.overall, ...k.picking.byWave, ...k.picking.byPicker]) {
          if (p.shortPickRate !== null) expect(p.shortPickRate).toBeLessThanOrEqual(1);
          if (p.picksPerHour !== null) expect(Number.isFinite(p.picksPerHour)).toBe(true);
        }
      }),
    );
  });

  it('adds the picks, active hours and daily counts of two halves up to the whole', () => {
    fc.assert(
      fc.property(logArb, windowArb, ({ events, dailyCounts }, [a, mid, b]) => {
        const over = (from: number, to: number) =>
          run({ events, dailyCounts, from: at(from), to: at(to), now: at(MINUTES) });
        const [first, second, whole] = [over(a, mid), over(mid, b), over(a, b)];
        const o = (k: Kpis) => k.picking.overall;
        expect(o(first).picks + o(second).picks).toBe(o(whole).picks);
        expect(o(first).shortPicks + o(second).shortPicks).toBe(o(whole).shortPicks);
        expect(o(first).activeHours + o(second).activeHours).toBeCloseTo(o(whole).activeHours, 9);
        const picksOf = (k: Kpis, picker: string) =>
          k.picking.byPicker.find((p) => p.pickerId === picker)?.picks ?? 0;
        for (const picker of ['ann', 'bob', 'cy'])
          expect(picksOf(first, picker) + picksOf(second, picker)).toBe(picksOf(whole, picker));
        expect(first.backorderRate.denominator + second.backorderRate.denominator).toBe(
          whole.backorderRate.denominator,
        );
        expect(
          first.averageBackorderDuration.shipmentLines +
            second.averageBackorderDuration.shipmentLines,
        ).toBe(whole.averageBackorderDuration.shipmentLines);
      }),
    );
  });
});
