import type { z } from 'zod';
import { BackorderLineSchema } from './backorder-line';
import { DailyOrderCountSchema } from './daily-order-count';
import { EventRecordSchema } from './event-record';
import { ExpectedReceiptSchema } from './expected-receipt';
import { FloorSettingsSchema } from './floor-settings';
import { LocationSchema } from './location';
import { OperatorSchema } from './operator';
import { PickSchema } from './pick';
import { PickTaskSchema } from './pick-task';
import { ReservationSchema } from './reservation';
import { ReturnInstructionSchema } from './return-instruction';
import { ShipmentSchema } from './shipment';
import { SkuSchema } from './sku';
import { StockSchema } from './stock';
import { ToteSchema } from './tote';
import { TourSchema } from './tour';
import { WarehouseLayoutSchema } from './warehouse-layout';
import { WaveSchema } from './wave';

// Everything a pull can carry, by the entity name that tags each change.
export const ENTITY_SCHEMAS = {
  sku: SkuSchema,
  warehouseLayout: WarehouseLayoutSchema,
  location: LocationSchema,
  stock: StockSchema,
  backorderLine: BackorderLineSchema,
  wave: WaveSchema,
  tour: TourSchema,
  pickTask: PickTaskSchema,
  reservation: ReservationSchema,
  operator: OperatorSchema,
  dailyOrderCount: DailyOrderCountSchema,
  tote: ToteSchema,
  pick: PickSchema,
  shipment: ShipmentSchema,
  expectedReceipt: ExpectedReceiptSchema,
  returnInstruction: ReturnInstructionSchema,
  floorSettings: FloorSettingsSchema,
  event: EventRecordSchema,
} as const satisfies Record<string, z.ZodType>;

export type EntityName = keyof typeof ENTITY_SCHEMAS;
export const ENTITY_NAMES = Object.keys(ENTITY_SCHEMAS) as EntityName[];
export type EntityRow<E extends EntityName> = z.infer<(typeof ENTITY_SCHEMAS)[E]>;
