import type { EventType } from '../events/registry';
import { dailyCountsRecorded, layoutDefined, operatorsDefined, skusDefined } from './oms-catalog';
import { backorderLinesAdded, stockReceived } from './oms-stock-and-lines';

// Every event type this server applies. The device-side catalogue (picks, waves, shipments)
// plugs in here as it lands.
export const EVENT_TYPES: readonly EventType<unknown>[] = [
  layoutDefined,
  skusDefined,
  operatorsDefined,
  dailyCountsRecorded,
  stockReceived,
  backorderLinesAdded,
];
