import { sql as initial } from './001-initial';
import { sql as floorWork } from './002-floor-work';
import { sql as access } from './003-access';
import { sql as changeTags } from './004-change-tags';
import { sql as rejectedBounded } from './005-rejected-bounded';
import { sql as deviceRoles } from './006-device-roles';
import { sql as businessTime } from './007-business-time';
import { sql as ruleReadIndexes } from './008-rule-read-indexes';
import { sql as cancelledUnits } from './009-cancelled-units';
import { sql as floorSettings } from './010-floor-settings';
import { sql as locationCheckDigits } from './011-location-check-digits';
import { sql as operatorPinLock } from './012-operator-pin-lock';
import { sql as omsConnector } from './013-oms-connector';
import { sql as stockOwner } from './014-stock-owner';

// Append only: a migration that has shipped is never edited, a new one is added.
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'floor-work', sql: floorWork },
  { version: 3, name: 'access', sql: access },
  { version: 4, name: 'change-tags', sql: changeTags },
  { version: 5, name: 'rejected-bounded', sql: rejectedBounded },
  { version: 6, name: 'device-roles', sql: deviceRoles },
  { version: 7, name: 'business-time', sql: businessTime },
  { version: 8, name: 'rule-read-indexes', sql: ruleReadIndexes },
  { version: 9, name: 'cancelled-units', sql: cancelledUnits },
  { version: 10, name: 'floor-settings', sql: floorSettings },
  { version: 11, name: 'location-check-digits', sql: locationCheckDigits },
  { version: 12, name: 'operator-pin-lock', sql: operatorPinLock },
  { version: 13, name: 'oms-connector', sql: omsConnector },
  { version: 14, name: 'stock-owner', sql: stockOwner },
];

// The state tables, in an order that respects their foreign keys (for reset and compare).
export const STATE_TABLES = [
  'skus',
  'warehouse_layouts',
  'locations',
  'stock',
  'backorder_lines',
  'waves',
  'tours',
  'pick_tasks',
  'reservations',
  'operators',
  'daily_order_counts',
  'totes',
  'picks',
  'shipments',
  'expected_receipts',
  'return_instructions',
  'floor_settings',
  'warehouse_settings',
] as const;
