import type { DeviceEventType } from '../sync-api/events/catalogue';
import { allocationCommitted } from './allocation';
import { floorSettingsChanged } from './floor-settings';
import { backorderLineHeld, backorderLineReleased } from './lines';
import { shipmentConfirmed, shipmentItemRemoved, stockReturned } from './packing';
import { operatorPinAccepted, operatorPinRefused, operatorUnlocked } from './operators';
import { locationCounted, pickConfirmed, pickUndone, shortPickReported } from './picks';
import { stockReceived } from './receiving';
import type { EventRule } from './rule';
import { tourReassigned, tourUnassigned } from './tour-control';
import { totesDropped, toteAssigned, tourAssigned, tourClaimed, tourCompleted } from './tours';
import { waveCancelled, waveReleased } from './waves';

// The rule of every event a person's device may send. The type makes a new catalogue entry
// without a rule a compile error; the device and the server both read this map.
export const RULES: { [T in DeviceEventType]: EventRule<T> } = {
  'backorder-line.held': backorderLineHeld,
  'backorder-line.released': backorderLineReleased,
  'allocation.committed': allocationCommitted,
  'wave.released': waveReleased,
  'wave.cancelled': waveCancelled,
  'tour.assigned': tourAssigned,
  'stock.received': stockReceived,
  'tour.unassigned': tourUnassigned,
  'tour.reassigned': tourReassigned,
  'floor-settings.changed': floorSettingsChanged,
  'operator.unlocked': operatorUnlocked,
  'operator.pin-refused': operatorPinRefused,
  'operator.pin-accepted': operatorPinAccepted,
  'tour.claimed': tourClaimed,
  'tote.assigned': toteAssigned,
  'pick.confirmed': pickConfirmed,
  'short-pick.reported': shortPickReported,
  'pick.undone': pickUndone,
  'tour.completed': tourCompleted,
  'totes.dropped': totesDropped,
  'location.counted': locationCounted,
  'shipment.confirmed': shipmentConfirmed,
  'shipment-item.removed': shipmentItemRemoved,
  'stock.returned': stockReturned,
};
