import { DEVICE_EVENTS, type DeviceEventType } from '../sync-api/events/catalogue';
import { describeIssues } from '../describe-issues';
import { Draft } from './draft';
import { shipmentConfirmed, shipmentItemRemoved, stockReturned } from './dock';
import {
  locationCounted,
  pickConfirmed,
  pickUndone,
  shortPickReported,
  totesDropped,
  toteAssigned,
  tourClaimed,
  tourCompleted,
} from './floor';
import {
  allocationCommitted,
  lineHeld,
  lineReleased,
  tourAssigned,
  waveCancelled,
  waveReleased,
} from './lead';
import type { LocalEvent, LocalOutcome, LocalRule } from './local-event';
import type { Tables } from './tables';

// Each device event's effect on the device's rows: the server's rule (server/apply/), minus
// what only the server can decide (who wins a claim, another device's stock use, which pick was
// last in the log). The sync engine lays pending events over pulled rows with these, so what a
// person did shows at once and vanishes cleanly if the server rejects it.
const RULES: { [T in DeviceEventType]: LocalRule<never> } = {
  'backorder-line.held': lineHeld,
  'backorder-line.released': lineReleased,
  'allocation.committed': allocationCommitted,
  'wave.released': waveReleased,
  'wave.cancelled': waveCancelled,
  'tour.assigned': tourAssigned,
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

export const applyLocally = (tables: Tables, event: LocalEvent): LocalOutcome => {
  const type = event.type as DeviceEventType;
  const spec = DEVICE_EVENTS[type];
  if (!spec) return { ok: false, reason: `unknown event type ${event.type}` };
  const payload = spec.payload.safeParse(event.payload);
  if (!payload.success) return { ok: false, reason: describeIssues(payload.error) };
  const draft = new Draft(tables);
  const refusal = (RULES[type] as LocalRule<unknown>)(draft, payload.data, event);
  return refusal ? { ok: false, reason: refusal } : { ok: true, changes: draft.changes() };
};
