import { db } from '../../../renderer/db/db';
import { backorderLine } from '../../fixtures/backorder-line';

// A tour a lead assigned to Pia ahead of time: three tasks over three aisles, two orders on a cart
// of two totes. S1 has the GS1 example GTIN; S2 comes as eaches and as cases of 6.
export const PIA = { id: 'op-pia', name: 'Pia Picker', role: 'picker' as const };

export const TASKS = [
  { id: 'K1', locationId: 'L1', skuId: 'S1', qty: 2, sequence: 0, toteSlot: 0, orderId: 'O1' },
  { id: 'K2', locationId: 'L2', skuId: 'S2', qty: 6, sequence: 1, toteSlot: 1, orderId: 'O2' },
  { id: 'K3', locationId: 'L3', skuId: 'S3', qty: 3, sequence: 2, toteSlot: 0, orderId: 'O1' },
];

export const seedAssignedTour = async (pickerId: string | null = PIA.id) => {
  await db.warehouseLayouts.put({ id: 'W' });
  await db.locations.bulkPut(
    [
      ['L1', 'A1-01', 1, 2],
      ['L2', 'A2-05', 2, 9],
      ['L3', 'A3-02', 3, 4],
    ].map(([id, code, aisle, positionM]) => ({
      id: id as string,
      code: code as string,
      zone: 'Z1',
      aisle: aisle as number,
      positionM: positionM as number,
      level: 0,
      side: 'left',
      countRequired: false,
    })),
  );
  await db.skus.bulkPut([
    {
      id: 'S1',
      sku: 'WIDGET',
      description: 'Blue widget',
      unit: 'each',
      weightKg: 1,
      volumeL: 1,
      barcodes: [{ code: '09501101020917', kind: 'each', units: 1 }],
    },
    {
      id: 'S2',
      sku: 'BOLT',
      description: 'Bolt M8',
      unit: 'each',
      weightKg: 0.1,
      volumeL: 0.1,
      barcodes: [
        { code: '4006381333931', kind: 'each', units: 1 },
        { code: 'CASE-BOLT', kind: 'case', units: 6 },
      ],
    },
    {
      id: 'S3',
      sku: 'NUT',
      description: 'Nut M8',
      unit: 'each',
      weightKg: 0.05,
      volumeL: 0.05,
      barcodes: [{ code: '96385074', kind: 'each', units: 1 }],
    },
  ]);
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
    status: pickerId ? 'assigned' : 'released',
    pickerId,
    routeLengthM: 40,
  });
  for (const t of TASKS) {
    const lineId = `${t.orderId}/${t.id}`;
    await db.pickTasks.put({
      ...t,
      tourId: 'T1',
      waveId: 'WV1',
      backorderLineId: lineId,
      status: 'open',
      pickedQty: 0,
      shortQty: 0,
    });
    await db.backorderLines.put(
      backorderLine(lineId, {
        orderId: t.orderId,
        lineNo: t.sequence + 1,
        skuId: t.skuId,
        qtyOrdered: t.qty,
        qtyBackordered: t.qty,
        qtyAllocated: t.qty,
        status: 'in_wave',
      }),
    );
    await db.reservations.put({
      id: `R-${t.id}`,
      backorderLineId: lineId,
      locationId: t.locationId,
      skuId: t.skuId,
      qty: t.qty,
      waveId: 'WV1',
    });
    await db.stock.put({
      id: `${t.locationId}|${t.skuId}`,
      locationId: t.locationId,
      skuId: t.skuId,
      onHand: t.qty + 4,
      reserved: t.qty,
    });
  }
};
