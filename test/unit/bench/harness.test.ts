import { describe, expect, it } from 'vitest';
import { formatTable, perSecond, selectBenches, withRatio } from '../../bench/harness';

describe('bench harness', () => {
  it('gives each figure with a baseline its ratio to it', () => {
    expect(withRatio({ name: 'x', value: 500, unit: 'ops/s', baseline: 1000 })).toEqual({
      name: 'x',
      value: 500,
      unit: 'ops/s',
      baseline: 1000,
      ratio: 0.5,
    });
    expect(withRatio({ name: 'y', value: 3, unit: 'KiB' })).not.toHaveProperty('ratio');
  });

  it('selects benches whose full name contains the pattern', () => {
    const run = async () => [];
    const groups = [
      {
        group: 'server',
        benches: [
          { name: 'pull', run },
          { name: 'push', run },
        ],
      },
      { group: 'app-shell', benches: [{ name: 'index', run }] },
    ];
    expect(selectBenches(groups, 'server.pu').map((g) => g.benches.map((b) => b.name))).toEqual([
      ['pull', 'push'],
    ]);
    expect(selectBenches(groups, 'index').map((g) => g.group)).toEqual(['app-shell']);
    expect(selectBenches(groups, undefined)).toHaveLength(2);
    expect(selectBenches(groups, 'nothing')).toEqual([]);
  });

  it('prints one aligned row per figure', () => {
    const table = formatTable([{ name: 'a.b', value: 1, unit: 'x/s', baseline: 2, ratio: 0.5 }]);
    expect(table.split('\n')).toEqual([
      'name  value  unit  baseline  ratio',
      'a.b   1      x/s   2         0.5',
    ]);
  });

  it('computes throughput per second', () => {
    expect(perSecond(100, 500)).toBe(200);
  });
});
