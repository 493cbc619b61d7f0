import { act, fireEvent, screen } from '@testing-library/react';
import { db } from '../../../renderer/db/db';
import type { BackorderLine } from '../../../shared/domain/backorder-line';
import { backorderLine } from '../../fixtures/backorder-line';

// A tour Pia walked and dropped at PACK-1, two totes on it:
// - TOTE-A, order O1 (the customer asked for UPS): line 1 is 2 × WIDGET, both picked; line 2 is 3 × NUT, 1 picked and 2 short
//   at A3-02 (so 2 stay owed, open again for the planner).
// - TOTE-B, order O2: line 1 is 6 × BOLT, one case of 6 picked.
export const PAT = { id: 'op-pat', name: 'Pat Packer', role: 'packer' as const };

const LOCATIONS = [
  ['L1', 'A1-01', 1, 2],
  ['L2', 'A2-05', 2, 9],
  ['L3', 'A3-02', 3, 4],
] as const;

const SKUS = [
  { id: 'S1', sku: 'WIDGET', description: 'Blue widget', code: '09501101020917' },
  { id: 'S2', sku: 'BOLT', description: 'Bolt M8', code: '4006381333931' },
  { id: 'S3', sku: 'NUT', description: 'Nut M8', code: '96385074' },
];

interface Picked {
  line: BackorderLine;
  locationId: string;
  toteCode: string;
  slot: number;
  picked: number;
  short: number;
}

const picked = (
  id: string,
  skuId: string,
  qty: number,
  found: number,
  where: { locationId: string; toteCode: string; slot: number },
  over: Partial<BackorderLine> = {},
): Picked => ({
  line: backorderLine(id, {
    skuId,
    qtyOrdered: qty,
    qtyBackordered: qty,
    qtyAllocated: found,
    qtyPicked: found,
    qtyShort: qty - found,
    // A short pick releases the unfound units' allocation: they are open again.
    status: found < qty ? 'open' : 'picked',
    ...over,
  }),
  ...where,
  picked: found,
  short: qty - found,
});

export const seedDroppedTour = async (
  opts: { o2ShipComplete?: boolean; cancelledLine?: boolean } = {},
) => {
  await db.locations.bulkPut(
    LOCATIONS.map(([id, code, aisle, positionM]) => ({
      id,
      code,
      zone: 'Z1',
      aisle,
      positionM,
      level: 0,
      side: 'left',
      countRequired: false,
    })),
  );
  await db.skus.bulkPut(
    SKUS.map((s) => ({
      id: s.id,
      sku: s.sku,
      description: s.description,
      unit: 'each',
      weightKg: 1,
      volumeL: 1,
      barcodes: [
        { code: s.code, kind: 'each', units: 1 },
        ...(s.id === 'S2' ? [{ code: 'CASE-BOLT', kind: 'case', units: 6 }] : []),
      ],
    })),
  );
  await db.waves.put({
    id: 'WV1',
    name: 'Wave 1',
    status: 'released',
    releasedAt: '2026-11-25T06:00:00.000Z',
    releasedBy: 'op-lee',
  });
  await db.tours.put({
    id: 'T1',
    waveId: 'WV1',
    sequence: 0,
    status: 'dropped',
    pickerId: 'op-pia',
    routeLengthM: 40,
  });
  const A = { toteCode: 'TOTE-A', slot: 0 };
  const B = { toteCode: 'TOTE-B', slot: 1 };
  const rows: Picked[] = [
    picked('O1/1', 'S1', 2, 2, { locationId: 'L1', ...A }, { carrier: 'UPS' }),
    picked('O1/2', 'S3', 3, 1, { locationId: 'L3', ...A }),
    picked('O2/1', 'S2', 6, 6, { locationId: 'L2', ...B }, { shipComplete: !!opts.o2ShipComplete }),
  ];
  if (opts.o2ShipComplete)
    // A second line of the ship-complete order, not picked yet: O2 cannot ship partly.
    await db.backorderLines.put(
      backorderLine('O2/2', { skuId: 'S1', qtyBackordered: 1, qtyOrdered: 1, shipComplete: true }),
    );
  if (opts.cancelledLine)
    // Picked into TOTE-A, then the customer cancelled it: its unit goes back to A2-05.
    rows.push(picked('O1/3', 'S2', 1, 1, { locationId: 'L2', ...A }, { status: 'cancelled' }));
  for (const [i, r] of rows.entries()) {
    await db.backorderLines.put(r.line);
    await db.pickTasks.put({
      id: `K${i + 1}`,
      tourId: 'T1',
      waveId: 'WV1',
      backorderLineId: r.line.id,
      orderId: r.line.orderId,
      locationId: r.locationId,
      skuId: r.line.skuId,
      qty: r.picked + r.short,
      sequence: i,
      toteSlot: r.slot,
      status: r.short ? 'short' : 'picked',
      pickedQty: r.picked,
      shortQty: r.short,
    });
    await db.picks.put({
      id: `P${i + 1}`,
      pickTaskId: `K${i + 1}`,
      tourId: 'T1',
      backorderLineId: r.line.id,
      locationId: r.locationId,
      skuId: r.line.skuId,
      toteCode: r.toteCode,
      qty: r.picked,
      lot: null,
      serial: null,
      expiry: null,
      pickedBy: 'op-pia',
      pickedAt: '2026-11-25T07:00:00.000Z',
      undone: false,
    });
  }
  for (const [toteCode, slot, orderId] of [
    ['TOTE-A', 0, 'O1'],
    ['TOTE-B', 1, 'O2'],
  ] as const)
    await db.totes.put({
      id: `T1|${toteCode}`,
      tourId: 'T1',
      toteCode,
      slot,
      orderId,
      status: 'dropped',
      packStation: 'PACK-1',
    });
  if (opts.cancelledLine) {
    await db.returnInstructions.put({
      id: 'RI1',
      backorderLineId: 'O1/3',
      locationId: 'L2',
      skuId: 'S2',
      qty: 1,
      status: 'open',
    });
    await db.stock.put({ id: 'L2|S2', locationId: 'L2', skuId: 'S2', onHand: 3, reserved: 0 });
  }
};

// A scanner's burst: keys on the window with no field focused, ending in Enter.
export const scan = async (text: string) => {
  await act(async () => {
    for (const key of [...text, 'Enter'])
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
  await act(async () => {});
};

// A code typed into the station's field (a damaged label).
export const typeCode = async (text: string) => {
  const field = screen.getByLabelText(/Type a code|Tote code/);
  fireEvent.change(field, { target: { value: text } });
  fireEvent.submit(field.closest('form')!);
  await act(async () => {});
};

export const outbox = () => db.outbox.orderBy('seq').toArray();
