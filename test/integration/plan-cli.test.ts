// npm run plan -- route, as scripts and integrators run it: JSON in, JSON out.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const plan = (args: string[], input: unknown) =>
  spawnSync('node', ['dist/server/plan.mjs', ...args], {
    input: typeof input === 'string' ? input : JSON.stringify(input),
    encoding: 'utf8',
    timeout: 30_000,
  });

const layout = {
  aisles: 10,
  aisleLength: 30,
  aisleSpacing: 3,
  crossAisles: [0, 30],
  depot: { aisle: 0, position: 0 },
};

describe('npm run plan -- route', () => {
  it('prints the order and the length of the optimal route', () => {
    const run = plan(['route'], {
      layout,
      picks: [{ id: 'p1', aisle: 3, position: 12.5 }],
      method: 'optimal',
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ order: ['p1'], length: 43 });
  });

  it('routes a warehouse of several blocks, through a middle cross aisle where that is shorter', () => {
    const run = plan(['route'], {
      layout: { ...layout, aisles: 3, aisleSpacing: 2, crossAisles: [0, 15, 30] },
      picks: [
        { id: 'a', aisle: 0, position: 12 },
        { id: 'b', aisle: 2, position: 14 },
      ],
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ order: ['a', 'b'], length: 38 });
  });

  it('takes each baseline by name, and none beats the optimum', () => {
    const picks = [
      { id: 'a', aisle: 1, position: 25 },
      { id: 'b', aisle: 4, position: 3 },
      { id: 'c', aisle: 6, position: 28 },
      { id: 'd', aisle: 9, position: 14 },
    ];
    const optimal = JSON.parse(plan(['route'], { layout, picks }).stdout) as { length: number };
    for (const method of ['s-shape', 'return', 'midpoint', 'largest-gap']) {
      const run = plan(['route'], { layout, picks, method });
      expect(run.status, method).toBe(0);
      expect((JSON.parse(run.stdout) as { length: number }).length, method).toBeGreaterThanOrEqual(
        optimal.length,
      );
    }
  });

  it('exits non-zero with a message naming the field', () => {
    const cases: [unknown, string][] = [
      ['not json', 'plan: the input is not JSON'],
      [
        { layout: { ...layout, aisleSpacing: -3 }, picks: [] },
        'plan: layout.aisleSpacing: Too small: expected number to be >0',
      ],
      [
        { layout, picks: [{ id: 'x', aisle: 2, position: 40 }] },
        'plan: picks.0.position: 40 is beyond the aisle length 30',
      ],
      [
        { layout, picks: [], method: 'fastest' },
        'plan: method: Invalid option: expected one of "optimal"|"s-shape"|"return"|"midpoint"|"largest-gap"',
      ],
      [
        { layout: { ...layout, crossAisles: [0, 20] }, picks: [] },
        'plan: layout.crossAisles: [0, 20] must start at 0 (the front) and end at the aisle length 30 (the back)',
      ],
    ];
    for (const [input, message] of cases) {
      const run = plan(['route'], input);
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(message);
    }
  });
});

const site = {
  layout,
  locations: [
    { id: 'A1', aisle: 1, position: 5, zone: 'Z1' },
    { id: 'A2', aisle: 4, position: 20, zone: 'Z1' },
    { id: 'B1', aisle: 8, position: 12, zone: 'Z2' },
  ],
};
const lines = [
  {
    id: 'O1/1',
    orderId: 'O1',
    skuId: 'S1',
    qty: 2,
    orderedAt: '2026-11-20T08:00:00Z',
    promisedBy: '2026-11-26T08:00:00Z',
  },
  {
    id: 'O1/2',
    orderId: 'O1',
    lineNo: 2,
    skuId: 'S2',
    qty: 1,
    orderedAt: '2026-11-20T08:00:00Z',
    promisedBy: '2026-11-26T08:00:00Z',
  },
  {
    id: 'O2/1',
    orderId: 'O2',
    skuId: 'S1',
    qty: 3,
    orderedAt: '2026-11-21T08:00:00Z',
    promisedBy: '2026-11-25T08:00:00Z',
    customerTier: 1,
  },
  {
    id: 'O3/1',
    orderId: 'O3',
    skuId: 'S3',
    qty: 1,
    orderedAt: '2026-11-19T08:00:00Z',
    promisedBy: '2026-11-27T08:00:00Z',
  },
];
const skus = [
  { id: 'S1', weightKg: 1.5, volumeL: 2 },
  { id: 'S2', weightKg: 0.5, volumeL: 1 },
  { id: 'S3', weightKg: 3, volumeL: 4 },
];
const template = { maxOrders: 2, maxLines: 10, maxUnits: 50, maxWeightKg: 100, maxVolumeL: 100 };
const cart = { totes: 4, maxUnits: 20, maxWeightKg: 30 };

describe('npm run plan -- allocate|waves|batch', () => {
  it('allocates by priority, then waves, then batches and routes: each line once', () => {
    const allocated = plan(['allocate'], {
      ...site,
      stock: [
        { locationId: 'A1', skuId: 'S1', onHand: 4 },
        { locationId: 'A2', skuId: 'S2', onHand: 5 },
        { locationId: 'B1', skuId: 'S3', onHand: 1 },
      ],
      lines,
    });
    expect(allocated.status, allocated.stderr).toBe(0);
    const { fillList, left } = JSON.parse(allocated.stdout) as {
      fillList: { backorderLineId: string; reservations: { locationId: string; qty: number }[] }[];
      left: { backorderLineId: string; reason: string; missingQty: number }[];
    };
    // O2 is promised first and takes 3 of the 4 S1; O1/1 gets the last one.
    expect(fillList.map((f) => f.backorderLineId)).toEqual(['O2/1', 'O1/1', 'O1/2', 'O3/1']);
    expect(fillList[1]).toEqual({
      backorderLineId: 'O1/1',
      reservations: [{ locationId: 'A1', qty: 1 }],
    });
    expect(left).toEqual([{ backorderLineId: 'O1/1', reason: 'no-stock', missingQty: 1 }]);

    const waves = plan(['waves'], { ...site, skus, lines, fillList, template });
    expect(waves.status, waves.stderr).toBe(0);
    const planned = JSON.parse(waves.stdout) as { waves: { orders: string[]; lines: string[] }[] };
    // Two orders per wave, priority first.
    expect(planned.waves.map((w) => w.orders)).toEqual([['O2', 'O1'], ['O3']]);

    const batch = plan(['batch'], { ...site, skus, lines, fillList, template, cart });
    expect(batch.status, batch.stderr).toBe(0);
    const tours = JSON.parse(batch.stdout) as {
      waves: {
        tours: {
          totes: { orderId: string }[];
          tasks: { backorderLineId: string }[];
          routeLength: number;
        }[];
      }[];
      routeLength: number;
    };
    const tasks = tours.waves.flatMap((w) =>
      w.tours.flatMap((t) => t.tasks.map((k) => k.backorderLineId)),
    );
    expect(tasks.sort()).toEqual(['O1/1', 'O1/2', 'O2/1', 'O3/1']);
    expect(tours.routeLength).toBeGreaterThan(0);
  });

  it('refuses bad input with a message naming the record', () => {
    const cases: [string, unknown, string][] = [
      [
        'allocate',
        { ...site, stock: [], lines: [lines[0], { ...lines[2], qty: -2 }] },
        'plan: lines.1 (O2/1).qty: Too small: expected number to be >=1',
      ],
      [
        'allocate',
        { ...site, stock: [{ locationId: 'Z9', skuId: 'S1', onHand: 1 }], lines },
        'plan: stock Z9|S1: location Z9 is not known',
      ],
      [
        'allocate',
        { ...site, stock: [], lines: [lines[0], lines[0]] },
        'plan: lines.1 (O1/1): used twice',
      ],
      [
        'allocate',
        { ...site, locations: [{ id: 'A1', aisle: 12, position: 5 }], stock: [], lines },
        'plan: locations.0 (A1).aisle: 12 is not an aisle (0 to 9)',
      ],
      [
        'waves',
        {
          ...site,
          skus,
          lines,
          fillList: [{ backorderLineId: 'O9/1', reservations: [{ locationId: 'A1', qty: 1 }] }],
          template,
        },
        'plan: fill list: backorder line O9/1 is not known',
      ],
      [
        'waves',
        { ...site, skus, lines, fillList: [], template: { ...template, maxOrders: 0 } },
        'plan: template.maxOrders: Too small: expected number to be >=1',
      ],
      [
        'batch',
        {
          ...site,
          skus,
          lines,
          fillList: [{ backorderLineId: 'O2/1', reservations: [{ locationId: 'A1', qty: 3 }] }],
          template,
          cart: { ...cart, maxWeightKg: 4 },
        },
        'plan: backorder line O2/1 is 4.50 kg (a cart takes 4 kg)',
      ],
      [
        'pick',
        {},
        'plan: "pick" is not a command; usage: npm run plan -- route|allocate|waves|batch < input.json',
      ],
    ];
    for (const [command, input, message] of cases) {
      const run = plan([command], input);
      expect(run.stderr.trim(), command).toBe(message);
      expect(run.status).toBe(1);
    }
  });
});
