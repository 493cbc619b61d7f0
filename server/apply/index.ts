import { RULES } from '../../shared/event-rules';
import type { DeviceEventType } from '../../shared/sync-api/events/catalogue';
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
import { dailyCountsRecorded, layoutDefined, operatorsDefined, skusDefined } from './oms-catalog';
import {
  backorderLineCancelled,
  cancellationRefused,
  expectedReceiptRecorded,
  omsExportRefused,
} from './oms-orders';
import { backorderLinesAdded, stockReceived } from './oms-stock-and-lines';
import { stockLevelFollowed, stockOwnerSet } from './oms-stock';
import { RULE_READS } from './rule-reads';
import { deviceEventType } from './run-rule';

// Device events: each one's shared rule (shared/event-rules/), run over locked rows.
const DEVICE_TYPES = (Object.keys(RULES) as DeviceEventType[]).map((type) =>
  deviceEventType(RULES[type], RULE_READS[type] as never),
);

// Every event type this server applies (the catalogue: shared/sync-api/events/).
export const EVENT_TYPES: readonly EventType<unknown>[] = [
  layoutDefined,
  skusDefined,
  operatorsDefined,
  dailyCountsRecorded,
  stockReceived,
  backorderLinesAdded,
  backorderLineCancelled,
  cancellationRefused,
  expectedReceiptRecorded,
  omsExportRefused,
  stockOwnerSet,
  stockLevelFollowed,
  ...DEVICE_TYPES,
  operatorCreated,
  operatorChanged,
  operatorDeactivated,
  operatorPinReset,
  deviceRevoked,
  enrollmentCodeIssued,
  timeZoneSet,
];
