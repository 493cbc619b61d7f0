import type { EntityName } from '../../shared/domain/entities';

// The table behind each entity a device rule reads or writes, in foreign-key order (a row's
// parents come first), so writes in this order never break a reference.
export const RULE_TABLES = [
  ['sku', 'skus'],
  ['warehouseLayout', 'warehouse_layouts'],
  ['location', 'locations'],
  ['stock', 'stock'],
  ['backorderLine', 'backorder_lines'],
  ['wave', 'waves'],
  ['tour', 'tours'],
  ['pickTask', 'pick_tasks'],
  ['reservation', 'reservations'],
  ['operator', 'operators'],
  ['tote', 'totes'],
  ['pick', 'picks'],
  ['shipment', 'shipments'],
  ['expectedReceipt', 'expected_receipts'],
  ['returnInstruction', 'return_instructions'],
  ['floorSettings', 'floor_settings'],
] as const satisfies readonly (readonly [EntityName, string])[];

export type RuleEntity = (typeof RULE_TABLES)[number][0];

const TABLE = new Map<string, string>(RULE_TABLES);
const ORDER = new Map<string, number>(RULE_TABLES.map(([e], i) => [e, i]));

export const tableOf = (entity: string): string => {
  const table = TABLE.get(entity);
  if (!table) throw new Error(`no table holds ${entity} rows for the rules`);
  return table;
};

export const entityOrder = (entity: string): number => ORDER.get(entity) ?? RULE_TABLES.length;

// Reference rows the rules read and almost never write: shared locks, so readers do not queue.
// The PIN lock's events write an operator's row (shared/event-rules/operators.ts); two at once
// for one operator deadlock on upgrading their shared locks, and one is run again.
export const READ_ONLY = new Set<string>(['sku', 'warehouseLayout', 'operator']);

export const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
