import type { z } from 'zod';
import type { OperatorRole } from '../../domain/operator';
import {
  AllocationCommittedSchema,
  BackorderLineHeldSchema,
  BackorderLineReleasedSchema,
  FloorSettingsChangedSchema,
  TourAssignedSchema,
  TourReassignedSchema,
  TourUnassignedSchema,
  WaveCancelledSchema,
  WaveReleasedSchema,
} from './lead';
import { ShipmentConfirmedSchema, ShipmentItemRemovedSchema, StockReturnedSchema } from './packer';
import {
  LocationCountedSchema,
  PickConfirmedSchema,
  PickUndoneSchema,
  ShortPickReportedSchema,
  TotesDroppedSchema,
  ToteAssignedSchema,
  TourClaimedSchema,
  TourCompletedSchema,
} from './picker';
import { StockReceivedByLeadSchema } from './receiving';
import {
  OperatorPinAcceptedSchema,
  OperatorPinRefusedSchema,
  OperatorUnlockedSchema,
} from './operator';

// The role an event needs, or ANY_ROLE: sign-in events come from whoever holds the badge, and the
// server still checks the operator is known, active and of a role the device may sign in.
export const ANY_ROLE = 'any';
export type EventRole = OperatorRole | typeof ANY_ROLE;

// Every event a person's device may send: its payload schema and the role it needs.
export const DEVICE_EVENTS = {
  'backorder-line.held': { role: 'lead', payload: BackorderLineHeldSchema },
  'backorder-line.released': { role: 'lead', payload: BackorderLineReleasedSchema },
  'allocation.committed': { role: 'lead', payload: AllocationCommittedSchema },
  'wave.released': { role: 'lead', payload: WaveReleasedSchema },
  'wave.cancelled': { role: 'lead', payload: WaveCancelledSchema },
  'tour.assigned': { role: 'lead', payload: TourAssignedSchema },
  'stock.received': { role: 'lead', payload: StockReceivedByLeadSchema },
  'tour.unassigned': { role: 'lead', payload: TourUnassignedSchema },
  'tour.reassigned': { role: 'lead', payload: TourReassignedSchema },
  'floor-settings.changed': { role: 'lead', payload: FloorSettingsChangedSchema },
  'operator.unlocked': { role: 'lead', payload: OperatorUnlockedSchema },
  'operator.pin-refused': { role: ANY_ROLE, payload: OperatorPinRefusedSchema },
  'operator.pin-accepted': { role: ANY_ROLE, payload: OperatorPinAcceptedSchema },
  'tour.claimed': { role: 'picker', payload: TourClaimedSchema },
  'tote.assigned': { role: 'picker', payload: ToteAssignedSchema },
  'pick.confirmed': { role: 'picker', payload: PickConfirmedSchema },
  'short-pick.reported': { role: 'picker', payload: ShortPickReportedSchema },
  'pick.undone': { role: 'picker', payload: PickUndoneSchema },
  'tour.completed': { role: 'picker', payload: TourCompletedSchema },
  'totes.dropped': { role: 'picker', payload: TotesDroppedSchema },
  'location.counted': { role: 'picker', payload: LocationCountedSchema },
  'shipment.confirmed': { role: 'packer', payload: ShipmentConfirmedSchema },
  'shipment-item.removed': { role: 'packer', payload: ShipmentItemRemovedSchema },
  'stock.returned': { role: 'packer', payload: StockReturnedSchema },
} as const satisfies Record<string, { role: EventRole; payload: z.ZodType }>;

export type DeviceEventType = keyof typeof DEVICE_EVENTS;
export type DevicePayload<T extends DeviceEventType> = z.infer<
  (typeof DEVICE_EVENTS)[T]['payload']
>;
