import { PIN_MAX_DIGITS } from './auth/pin-params';
import { QuantitySchema } from './domain/common';
import { LocationSchema } from './domain/location';
import { OperatorSchema } from './domain/operator';
import { BarcodeSchema, SkuSchema } from './domain/sku';
import { SettingsSchema } from './ipc/settings';
import { PackStationSettingsSchema } from './packing/station-settings';
import { NamedTemplateSchema, TEMPLATE_MAX_ZONES } from './planning/wave-templates';
import { BurstConfigSchema } from './scan/burst-config';
import { EnrollRequestSchema } from './sync-api/enroll';
import { BackorderLineHeldSchema } from './sync-api/events/lead';
import { TotesDroppedSchema } from './sync-api/events/picker';
import { RECEIPT_LINE_MAX_QTY } from './sync-api/events/receiving';

// What each form field may hold, read from the schema it feeds: the input stops a person at the
// schema's limit (a 10,000-character badge never reaches the form's refusal, nor its layout),
// and a schema that changes its limit changes its form. Read, never retyped.

const lengthOf = (schema: { maxLength: number | null }): number => {
  if (schema.maxLength === null) throw new Error('a form field needs a schema with a maximum');
  return schema.maxLength;
};

// The digits of a whole number up to the schema's maximum: "2147483647" is 10.
const digitsOf = (schema: { maxValue: number | null }): number => {
  if (schema.maxValue === null || !Number.isFinite(schema.maxValue))
    throw new Error('a number field needs a schema with a maximum');
  return String(Math.trunc(schema.maxValue)).length;
};

// Room for a separator every three digits ("100,000", "100 000"), which forms read past.
const withSeparators = (digits: number) => digits + Math.floor((digits - 1) / 3);

// A code typed where an item is asked for: its SKU code or one of its barcodes.
const itemCodeLength = Math.max(lengthOf(SkuSchema.shape.sku), lengthOf(BarcodeSchema.shape.code));

export const FIELD_LIMITS = {
  badge: lengthOf(OperatorSchema.shape.badge),
  pinDigits: PIN_MAX_DIGITS,
  serverAddress: lengthOf(SettingsSchema.shape.serverUrl.unwrap()),
  enrollmentCode: lengthOf(EnrollRequestSchema.shape.code.unwrap()),
  deviceName: lengthOf(EnrollRequestSchema.shape.name),
  holdReason: lengthOf(BackorderLineHeldSchema.shape.reason),
  packStation: lengthOf(TotesDroppedSchema.shape.packStation),
  stationSetting: lengthOf(PackStationSettingsSchema.shape.station.unwrap()),
  scannerPrefix: lengthOf(BurstConfigSchema.shape.prefix.unwrap()),
  scannerGapDigits: digitsOf(BurstConfigSchema.shape.maxGapMs.unwrap()),
  // A count, a quantity found short, a quantity taken out: each a whole number of units.
  quantityDigits: digitsOf(QuantitySchema),
  // As typed, with thousands separators: "100,000".
  receiptQtyText: withSeparators(String(RECEIPT_LINE_MAX_QTY).length),
  itemCode: itemCodeLength,
  locationCode: lengthOf(LocationSchema.shape.code),
  templateName: lengthOf(NamedTemplateSchema.shape.name),
  templateCountDigits: digitsOf(NamedTemplateSchema.shape.maxOrders),
  // Up to three decimals: "12.345".
  templateMeasureText: digitsOf(NamedTemplateSchema.shape.maxWeightKg) + 4,
  // "A, B, C": each zone and its separator.
  templateZonesText:
    (lengthOf(NamedTemplateSchema.shape.zones.unwrap().element) + 2) * TEMPLATE_MAX_ZONES,
  cartTotesDigits: digitsOf(NamedTemplateSchema.shape.cartTotes),
} as const;
