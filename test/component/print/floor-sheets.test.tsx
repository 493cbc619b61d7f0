import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Location } from '../../../shared/domain/location';
import type { PickTask } from '../../../shared/domain/pick-task';
import type { Sku } from '../../../shared/domain/sku';
import { pickListOf } from '../../../shared/floor/pick-list';
import { PickList } from '../../../renderer/print/PickList';
import { PrintSheet } from '../../../renderer/print/PrintSheet';
import { WaveSummary } from '../../../renderer/print/WaveSummary';

// Tour 2 of Wave 1: three stops given out of order; the second was picked before the list was
// printed again, and a cancelled task is left off.
const task = (
  id: string,
  sequence: number,
  locationId: string,
  skuId: string,
  qty: number,
  toteSlot: number,
  orderId: string,
  status: PickTask['status'] = 'open',
): PickTask => ({
  id,
  tourId: 'T2',
  waveId: 'W1',
  backorderLineId: `${orderId}/${id}`,
  orderId,
  locationId,
  skuId,
  qty,
  sequence,
  toteSlot,
  status,
  pickedQty: status === 'picked' ? qty : 0,
  shortQty: 0,
});
const location = (id: string, code: string) => [id, { id, code } as Location] as const;
const sku = (id: string, code: string, description: string) =>
  [id, { id, sku: code, description } as Sku] as const;

const list = pickListOf(
  [
    task('K3', 2, 'L3', 'S1', 4, 0, 'SO-7'),
    task('K1', 0, 'L1', 'S1', 2, 0, 'SO-7'),
    task('K2', 1, 'L2', 'S2', 5, 1, 'SO-8', 'picked'),
    task('K4', 3, 'L1', 'S2', 9, 1, 'SO-8', 'cancelled'),
  ],
  new Map([location('L1', 'A1-01-1'), location('L2', 'A2-04-2'), location('L3', 'A3-10-1')]),
  new Map([sku('S1', 'BOLT-M8', 'Hex bolt M8'), sku('S2', 'NUT-M8', 'Hex nut M8')]),
);

const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent));

describe('the pick list', () => {
  it('lists every stop in route order: location, SKU, description, qty, tote slot', () => {
    render(
      <PrintSheet>
        <PickList
          {...list}
          tourName="Tour 2 of Wave 1"
          picker="Pia Picker"
          routeLengthM={84.4}
          printedAt="2026-12-01 08:30"
        />
      </PrintSheet>,
    );
    const sheet = screen.getByRole('article', { name: 'Pick list for Tour 2 of Wave 1' });
    expect(sheet.closest('.print-sheet')).not.toBeNull();
    expect(within(sheet).getByRole('heading')).toHaveTextContent('Pick list · Tour 2 of Wave 1');
    // Units still to pick: 2 + 4 (the picked stop is marked done).
    expect(sheet).toHaveTextContent(
      'Picker: Pia Picker · 3 stops · 6 units · 84 m · printed 2026-12-01 08:30',
    );
    expect(cells(within(sheet).getByRole('table', { name: 'Stops' }))).toEqual([
      ['1', 'A1-01-1', 'BOLT-M8', 'Hex bolt M8', '2', '1', '', ''],
      ['2', 'A2-04-2', 'NUT-M8', 'Hex nut M8', 'done', '2', '✓', ''],
      ['3', 'A3-10-1', 'BOLT-M8', 'Hex bolt M8', '4', '1', '', ''],
    ]);
    // Each slot's order, with a space to write the tote's code.
    expect(cells(within(sheet).getByRole('table', { name: 'Cart slots' }))).toEqual([
      ['1', 'SO-7', ''],
      ['2', 'SO-8', ''],
    ]);
  });

  it('leaves a line to write the picker in when the tour has none yet', () => {
    render(
      <PickList
        {...list}
        tourName="Tour 2 of Wave 1"
        picker={null}
        routeLengthM={0}
        printedAt="x"
      />,
    );
    expect(screen.getByRole('article')).toHaveTextContent(
      /^Pick list · Tour 2 of Wave 1Picker: _+ ·/,
    );
  });
});

describe('the wave summary', () => {
  it('gives the wave’s tours, pickers, units and route length, tour by tour', () => {
    render(
      <WaveSummary
        waveName="Wave 1 · 16:00 cut-off"
        releasedAt="2026-12-01 07:40"
        printedAt="2026-12-01 08:30"
        tours={[
          {
            name: 'Tour 1 of Wave 1 · 16:00 cut-off',
            picker: 'Pia Picker',
            state: 'Picking by Pia Picker — 3 of 8 tasks',
            orders: 4,
            tasks: 8,
            units: 20,
            routeLengthM: 120.4,
            expectedMin: 10.4,
          },
          {
            name: 'Tour 2 of Wave 1 · 16:00 cut-off',
            picker: null,
            state: 'Waiting for a picker',
            orders: 2,
            tasks: 3,
            units: 5,
            routeLengthM: 60,
            expectedMin: 4.2,
          },
        ]}
      />,
    );
    const sheet = screen.getByRole('article', { name: 'Summary of Wave 1 · 16:00 cut-off' });
    expect(sheet).toHaveTextContent(
      '2 tours · 1 picker · 25 units · 180 m of route · 15 min expected',
    );
    expect(cells(within(sheet).getByRole('table'))).toEqual([
      [
        'Tour 1 of Wave 1 · 16:00 cut-off',
        'Pia Picker',
        'Picking by Pia Picker — 3 of 8 tasks',
        '4',
        '8',
        '20',
        '120 m',
        '10 min',
      ],
      [
        'Tour 2 of Wave 1 · 16:00 cut-off',
        '—',
        'Waiting for a picker',
        '2',
        '3',
        '5',
        '60 m',
        '4 min',
      ],
    ]);
  });
});
