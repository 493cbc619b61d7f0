import type { DeviceEventType, DevicePayload } from '../../shared/sync-api/events/catalogue';
import type { RowRead } from './locked-rows';

// Rows a payload names, loaded with their locks before the rule first runs (run-rule.ts): for
// the events whose rule would otherwise find them one round trip at a time.
export const RULE_READS: { [T in DeviceEventType]?: (p: DevicePayload<T>) => RowRead[] } = {
  'allocation.committed': (p) =>
    p.lines.map((l) => ({ entity: 'backorderLine', id: l.backorderLineId })),
  'wave.released': (p) => {
    const lines = [
      ...new Set([
        ...(p.allocation ?? []).map((l) => l.backorderLineId),
        ...p.tours.flatMap((t) => t.tasks.map((k) => k.backorderLineId)),
      ]),
    ];
    return [
      { entity: 'wave', id: p.waveId },
      ...lines.map((id) => ({ entity: 'backorderLine' as const, id })),
      ...lines.map((value) => ({
        entity: 'reservation' as const,
        field: 'backorderLineId',
        value,
      })),
    ];
  },
  'pick.confirmed': (p) => [{ entity: 'pickTask', id: p.pickTaskId }],
  'short-pick.reported': (p) => [{ entity: 'pickTask', id: p.pickTaskId }],
  'shipment.confirmed': (p) => [
    { entity: 'shipment', id: p.shipmentId },
    ...p.lines.map((l) => ({ entity: 'backorderLine' as const, id: l.backorderLineId })),
    { entity: 'backorderLine', field: 'orderId', value: p.orderId },
  ],
};
