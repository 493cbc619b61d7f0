import { FLOOR_SETTINGS_ID } from '../../shared/domain/floor-settings';
import type { Tables } from '../../shared/event-rules/tables';
import type { DeviceEventType, DevicePayload } from '../../shared/sync-api/events/catalogue';
import type { RowRead } from './locked-rows';

// Rows an event will read, named from its payload and the rows already loaded (`t` answers only
// from those): loaded with their locks before the rule first runs, a round at a time, so a rule
// does not find them one round trip each. Only a speed-up: a row missing here is found by running
// the rule (run-rule.ts), and a row named here that the rule does not read is only locked early.
export type ReadHint = (payload: never, t: Tables) => RowRead[];

const taskReads = (t: Tables, pickTaskId: string, toteCode: string | undefined): RowRead[] => {
  const task = t.get('pickTask', pickTaskId);
  if (!task) return [{ entity: 'pickTask', id: pickTaskId }];
  return [
    { entity: 'location', id: task.locationId },
    { entity: 'stock', id: `${task.locationId}|${task.skuId}` },
    { entity: 'backorderLine', id: task.backorderLineId },
    { entity: 'wave', id: task.waveId },
    { entity: 'tour', id: task.tourId },
    { entity: 'reservation', field: 'backorderLineId', value: task.backorderLineId },
    ...(toteCode ? [{ entity: 'tote' as const, id: `${task.tourId}|${toteCode}` }] : []),
  ];
};

// Locations and stock rows an allocation draws on, once its lines are loaded.
const allocationReads = (
  t: Tables,
  lines: readonly { backorderLineId: string; reservations: readonly { locationId: string }[] }[],
): RowRead[] =>
  lines.flatMap((l): RowRead[] => {
    const line = t.get('backorderLine', l.backorderLineId);
    if (!line) return [{ entity: 'backorderLine', id: l.backorderLineId }];
    return l.reservations.flatMap((r): RowRead[] => [
      { entity: 'location', id: r.locationId },
      { entity: 'stock', id: `${r.locationId}|${line.skuId}` },
    ]);
  });

// A cancellation reads the line, its reservations, tasks and picks.
export const cancelReads: ReadHint = (p: { backorderLineId: string }) => [
  { entity: 'backorderLine', id: p.backorderLineId },
  { entity: 'reservation', field: 'backorderLineId', value: p.backorderLineId },
  { entity: 'pickTask', field: 'backorderLineId', value: p.backorderLineId },
  { entity: 'pick', field: 'backorderLineId', value: p.backorderLineId },
];

// Taking a tour back or handing it over reads the tour, its tasks and the totes on its cart.
const heldTourReads = (tourId: string): RowRead[] => [
  { entity: 'tour', id: tourId },
  { entity: 'pickTask', field: 'tourId', value: tourId },
  { entity: 'tote', field: 'tourId', value: tourId },
];

export const RULE_READS: {
  [T in DeviceEventType]?: (p: DevicePayload<T>, t: Tables) => RowRead[];
} = {
  'allocation.committed': (p, t) => allocationReads(t, p.lines),
  'operator.unlocked': (p) => [{ entity: 'operator', id: p.operatorId }],
  'wave.released': (p, t) => {
    const taskLines = p.tours.flatMap((tour) => tour.tasks.map((k) => k.backorderLineId));
    return [
      { entity: 'wave', id: p.waveId },
      { entity: 'wave', field: 'name', value: p.name },
      ...allocationReads(t, p.allocation ?? []),
      ...[...new Set(taskLines)].flatMap((id) => [
        { entity: 'backorderLine' as const, id },
        { entity: 'reservation' as const, field: 'backorderLineId', value: id },
      ]),
    ];
  },
  'pick.confirmed': (p, t) => taskReads(t, p.pickTaskId, p.toteCode),
  'short-pick.reported': (p, t) => {
    const reads = taskReads(t, p.pickTaskId, p.toteCode);
    const task = t.get('pickTask', p.pickTaskId);
    return task
      ? [...reads, { entity: 'reservation', field: 'locationId', value: task.locationId }]
      : reads;
  },
  'tote.assigned': (p) => [
    { entity: 'tour', id: p.tourId },
    { entity: 'pickTask', field: 'tourId', value: p.tourId },
    { entity: 'tote', field: 'tourId', value: p.tourId },
    { entity: 'tote', field: 'toteCode', value: p.toteCode },
  ],
  'tour.unassigned': (p) => heldTourReads(p.tourId),
  'tour.reassigned': (p) => [...heldTourReads(p.tourId), { entity: 'operator', id: p.pickerId }],
  'tour.completed': (p, t) => {
    const tour = t.get('tour', p.tourId);
    return [
      { entity: 'tour', id: p.tourId },
      { entity: 'pickTask', field: 'tourId', value: p.tourId },
      ...(tour
        ? [
            { entity: 'wave' as const, id: tour.waveId },
            { entity: 'tour' as const, field: 'waveId', value: tour.waveId },
          ]
        : []),
    ];
  },
  'location.counted': (p) => [
    { entity: 'floorSettings', id: FLOOR_SETTINGS_ID },
    { entity: 'location', id: p.locationId },
    { entity: 'sku', id: p.skuId },
    { entity: 'stock', id: `${p.locationId}|${p.skuId}` },
    { entity: 'reservation', field: 'locationId', value: p.locationId },
  ],
  'stock.received': (p) => [
    { entity: 'floorSettings', id: FLOOR_SETTINGS_ID },
    ...p.lines.flatMap((l): RowRead[] => [
      { entity: 'sku', id: l.skuId },
      { entity: 'location', id: l.locationId },
      { entity: 'stock', id: `${l.locationId}|${l.skuId}` },
    ]),
    ...(p.expectedReceiptId
      ? [{ entity: 'expectedReceipt' as const, id: p.expectedReceiptId }]
      : []),
  ],
  'shipment.confirmed': (p) => [
    { entity: 'shipment', id: p.shipmentId },
    ...p.lines.map((l) => ({ entity: 'backorderLine' as const, id: l.backorderLineId })),
    { entity: 'backorderLine', field: 'orderId', value: p.orderId },
    { entity: 'tote', field: 'orderId', value: p.orderId },
  ],
};
