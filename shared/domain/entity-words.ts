import type { EntityName } from './entities';

// Each kind of record a device pulls, as a person names it ("an item", not "sku").
export const ENTITY_WORDS: Record<EntityName, string> = {
  sku: 'an item',
  warehouseLayout: "the warehouse's layout",
  location: 'a location',
  stock: 'a stock record',
  backorderLine: 'a backorder line',
  wave: 'a wave',
  tour: 'a tour',
  pickTask: 'a pick task',
  reservation: 'a reservation',
  operator: 'an operator',
  dailyOrderCount: "a day's order count",
  tote: 'a tote',
  pick: 'a pick',
  shipment: 'a shipment',
  expectedReceipt: 'an expected receipt',
  returnInstruction: 'a return instruction',
  floorSettings: "the floor's settings",
  event: 'an event',
};

// "An item", at the start of a sentence; a kind this app does not know, as "A record".
export const entityNameFirst = (entity: string): string => {
  const words = Object.hasOwn(ENTITY_WORDS, entity)
    ? ENTITY_WORDS[entity as EntityName]
    : 'a record';
  return `${words[0]!.toUpperCase()}${words.slice(1)}`;
};
