import { z } from 'zod';
import { IdSchema, int4, text, TimestampSchema } from '../../domain/common';
import { OperatorRoleSchema } from '../../domain/operator';
import { DeviceRolesSchema } from '../../auth/roles';
import { TimeZoneSchema } from '../../time/time-zone';

// Admin actions, recorded in the event log with source "admin". PINs and codes appear only as
// hashes.
const PinRecordSchema = z.strictObject({
  pinHash: z.string().regex(/^[0-9a-f]{64}$/),
  pinSalt: z.string().regex(/^[0-9a-f]{32}$/),
  pinIterations: int4(1),
});

export const OperatorCreatedSchema = z.strictObject({
  id: IdSchema,
  badge: text(1, 100),
  name: text(1, 200),
  role: OperatorRoleSchema,
  pin: PinRecordSchema,
});

export const OperatorChangedSchema = z.strictObject({
  id: IdSchema,
  badge: text(1, 100).optional(),
  name: text(1, 200).optional(),
  role: OperatorRoleSchema.optional(),
});

export const OperatorDeactivatedSchema = z.strictObject({ id: IdSchema });
export const OperatorPinResetSchema = z.strictObject({ id: IdSchema, pin: PinRecordSchema });
export const DeviceRevokedSchema = z.strictObject({ deviceId: IdSchema });
// roles and deviceId are absent from codes logged before they existed: all roles, any new device.
export const EnrollmentCodeIssuedSchema = z.strictObject({
  codeHash: z.string().regex(/^[0-9a-f]{64}$/),
  expiresAt: TimestampSchema,
  roles: DeviceRolesSchema.optional(),
  deviceId: IdSchema.optional(),
});

// The warehouse's time zone from now on: the business date of each later event is its day there.
export const TimeZoneSetSchema = z.strictObject({ timeZone: TimeZoneSchema });
