import { describe, expect, it } from 'vitest';
import { compareText } from '../../../../shared/compare';
import { byRelease } from '../../../../shared/picking/tour-order';

const tour = (id: string, waveId = 'WV1', sequence = 0) => ({ id, waveId, sequence });

describe('tour order', () => {
  // 'a' sorts before 'B' in a person's locale; by code unit 'B' (66) comes before 'a' (97).
  const ids = ['T-b', 'T-a', 'T-B'];

  it('differs from the locale’s order on these ids (else this test proves nothing)', () => {
    expect([...ids].sort((a, b) => a.localeCompare(b))).not.toEqual([...ids].sort(compareText));
  });

  it('breaks ties by id in code-unit order, whatever the locale', () => {
    expect([...ids.map((id) => tour(id))].sort(byRelease(new Map())).map((t) => t.id)).toEqual([
      'T-B',
      'T-a',
      'T-b',
    ]);
  });

  it('goes wave by wave in release order, then by sequence', () => {
    const releasedAt = new Map([
      ['w-late', '2026-11-30T10:00:00.000Z'],
      ['W-early', '2026-11-30T09:00:00.000Z'],
      ['w-same', '2026-11-30T09:00:00.000Z'],
    ]);
    const tours = [
      tour('t1', 'w-late', 0),
      tour('t2', 'w-same', 1),
      tour('t3', 'W-early', 1),
      tour('t4', 'w-same', 0),
      tour('t5', 'W-early', 0),
    ];
    expect(tours.sort(byRelease(releasedAt)).map((t) => t.id)).toEqual([
      't5',
      't3',
      't4',
      't2',
      't1',
    ]);
  });
});
