import type { z } from 'zod';
import {
  DeviceRevokedSchema,
  EnrollmentCodeIssuedSchema,
  OperatorChangedSchema,
  OperatorCreatedSchema,
  OperatorDeactivatedSchema,
  OperatorPinResetSchema,
  TimeZoneSetSchema,
} from '../../sync-api/events/admin';
import { DEVICE_EVENTS } from '../../sync-api/events/catalogue';
import {
  BackorderLineCancelledSchema,
  CancellationRefusedSchema,
  BackorderLinesAddedSchema,
  DailyCountsRecordedSchema,
  ExpectedReceiptRecordedSchema,
  LayoutDefinedSchema,
  OmsExportRefusedSchema,
  StockLevelFollowedSchema,
  StockOwnerSetSchema,
  OperatorsDefinedSchema,
  SkusDefinedSchema,
  StockReceivedSchema,
} from '../../sync-api/events/oms';

// Every type the event log can hold, device, OMS and admin alike, with its payload schema. A
// device pulls all but the admin.* events and oms.operators-defined (they carry secrets and stay
// on the server; a device synced before may still hold some), so the KPIs must know all of them
// to tell a type they ignore from a type nobody defined (a test checks this list against the
// server's registry). A Map, not an
// object: a record typed "constructor" must not find Object's own.
export const LOG_EVENT_PAYLOADS: ReadonlyMap<string, z.ZodType> = new Map<string, z.ZodType>([
  ...Object.entries(DEVICE_EVENTS).map(([type, e]): [string, z.ZodType] => [type, e.payload]),
  ['oms.layout-defined', LayoutDefinedSchema],
  ['oms.skus-defined', SkusDefinedSchema],
  ['oms.operators-defined', OperatorsDefinedSchema],
  ['oms.daily-counts-recorded', DailyCountsRecordedSchema],
  ['oms.stock-received', StockReceivedSchema],
  ['oms.backorder-lines-added', BackorderLinesAddedSchema],
  ['oms.backorder-line-cancelled', BackorderLineCancelledSchema],
  ['oms.cancellation-refused', CancellationRefusedSchema],
  ['oms.expected-receipt-recorded', ExpectedReceiptRecordedSchema],
  ['oms.export-refused', OmsExportRefusedSchema],
  ['oms.stock-owner-set', StockOwnerSetSchema],
  ['oms.stock-level-followed', StockLevelFollowedSchema],
  ['admin.operator-created', OperatorCreatedSchema],
  ['admin.operator-changed', OperatorChangedSchema],
  ['admin.operator-deactivated', OperatorDeactivatedSchema],
  ['admin.operator-pin-reset', OperatorPinResetSchema],
  ['admin.device-revoked', DeviceRevokedSchema],
  ['admin.enrollment-code-issued', EnrollmentCodeIssuedSchema],
  ['admin.time-zone-set', TimeZoneSetSchema],
]);
