import type { EntityName } from '../../shared/domain/entities';

// Which Dexie table holds each entity the server sends.
export const ENTITY_TABLES = {
  sku: 'skus',
  warehouseLayout: 'warehouseLayouts',
  location: 'locations',
  stock: 'stock',
  backorderLine: 'backorderLines',
  wave: 'waves',
  tour: 'tours',
  pickTask: 'pickTasks',
  reservation: 'reservations',
  operator: 'operators',
  dailyOrderCount: 'dailyOrderCounts',
  tote: 'totes',
  pick: 'picks',
  shipment: 'shipments',
  expectedReceipt: 'expectedReceipts',
  returnInstruction: 'returnInstructions',
  floorSettings: 'floorSettings',
  event: 'events',
} as const satisfies Record<EntityName, string>;

export type EntityTableName = (typeof ENTITY_TABLES)[EntityName];
export const ENTITY_TABLE_NAMES = Object.values(ENTITY_TABLES) as EntityTableName[];
