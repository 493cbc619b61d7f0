import { describe, expect, it } from 'vitest';
import { applyLocally } from '../../../../shared/event-rules/apply-locally';
import { memoryTables, overlay } from '../../../../shared/event-rules/tables';
import { backorderLine } from '../../../fixtures/backorder-line';

// One open line of 2 with free stock, and waves already released today under `names`.
const site = (names: string[]) =>
  memoryTables(
    [
      ...names.map((name, i) => [
        'wave',
        {
          id: `W${i}`,
          name,
          status: 'released',
          releasedAt: '2026-12-01T08:00:00Z',
          releasedBy: 'op-ann',
        },
      ]),
      ['backorderLine', backorderLine('SO-1/1', { skuId: 'S1', qtyOrdered: 2, qtyBackordered: 2 })],
      ['stock', { id: 'L1|S1', locationId: 'L1', skuId: 'S1', onHand: 5, reserved: 0 }],
      [
        'location',
        {
          id: 'L1',
          code: 'A-01-1',
          zone: 'A',
          aisle: 1,
          positionM: 2,
          level: 0,
          side: 'left',
          countRequired: false,
        },
      ],
    ].map(([entity, row]) => ({ entity, id: (row as { id: string }).id, row }) as never),
  );

const release = (names: string[], name: string) => {
  const base = site(names);
  const outcome = applyLocally(base, {
    id: 'e-release',
    type: 'wave.released',
    operatorId: 'op-bo',
    at: '2026-12-01T09:00:00Z',
    payload: {
      waveId: 'W-new',
      name,
      allocation: [{ backorderLineId: 'SO-1/1', reservations: [{ locationId: 'L1', qty: 2 }] }],
      tours: [
        {
          tourId: 'T-new',
          sequence: 0,
          routeLengthM: 12,
          tasks: [
            {
              pickTaskId: 'K-new',
              backorderLineId: 'SO-1/1',
              locationId: 'L1',
              qty: 2,
              sequence: 0,
              toteSlot: 0,
            },
          ],
        },
      ],
    },
  });
  if (!outcome.ok) throw new Error(outcome.reason);
  return overlay(base, outcome.changes).get('wave', 'W-new')!.name;
};

describe('a released wave keeps a name no other wave has', () => {
  it('keeps its name when it is free', () => {
    expect(release(['1 Dec · Wave 1'], '1 Dec · 16:00 cut-off · Wave 2')).toBe(
      '1 Dec · 16:00 cut-off · Wave 2',
    );
  });

  it('takes the next free number when another lead released that name first', () => {
    const taken = ['1 Dec · 16:00 cut-off · Wave 3', '1 Dec · 16:00 cut-off · Wave 4'];
    expect(release(taken, '1 Dec · 16:00 cut-off · Wave 3')).toBe('1 Dec · 16:00 cut-off · Wave 5');
  });

  it('counts a name without a number', () => {
    expect(release(['Morning', 'Morning (2)'], 'Morning')).toBe('Morning (3)');
  });
});
