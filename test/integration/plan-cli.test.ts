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
