import type { EventType } from '../events/registry';
import {
  deviceRevoked,
  enrollmentCodeIssued,
  operatorChanged,
  operatorCreated,
  operatorDeactivated,
  operatorPinReset,
  timeZoneSet,
} from './admin';
import { allocationCommitted } from './allocation';
import { backorderLineHeld, backorderLineReleased } from './lead-lines';
import { dailyCountsRecorded, layoutDefined, operatorsDefined, skusDefined } from './oms-catalog';
import { backorderLineCancelled, expectedReceiptRecorded } from './oms-orders';
import { backorderLinesAdded, stockReceived } from './oms-stock-and-lines';
import { locationCounted, pickConfirmed, pickUndone, shortPickReported } from './picks';
import { shipmentConfirmed, shipmentItemRemoved, stockReturned } from './shipping';
import { totesDropped, toteAssigned, tourAssigned, tourClaimed, tourCompleted } from './tours';
import { waveCancelled, waveReleased } from './waves';

// Every event type this server applies (the catalogue: shared/sync-api/events/).
export const EVENT_TYPES: readonly EventType<unknown>[] = [
  layoutDefined,
  skusDefined,
  operatorsDefined,
  dailyCountsRecorded,
  stockReceived,
  backorderLinesAdded,
  backorderLineCancelled,
  expectedReceiptRecorded,
  backorderLineHeld,
  backorderLineReleased,
  allocationCommitted,
  waveReleased,
  waveCancelled,
  tourAssigned,
  tourClaimed,
  toteAssigned,
  pickConfirmed,
  shortPickReported,
  pickUndone,
  tourCompleted,
  totesDropped,
  locationCounted,
  shipmentConfirmed,
  shipmentItemRemoved,
  stockReturned,
  operatorCreated,
  operatorChanged,
  operatorDeactivated,
  operatorPinReset,
  deviceRevoked,
  enrollmentCodeIssued,
  timeZoneSet,
];
