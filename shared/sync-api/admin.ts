import { z } from 'zod';
import { IdSchema, text } from '../domain/common';
import { OperatorRoleSchema } from '../domain/operator';
import { PIN_PATTERN, PIN_RULE } from '../auth/pin-params';
import { pinProblemForRole } from '../auth/pin-rule';
import { DeviceRolesSchema } from '../auth/roles';
import { TimeZoneSchema } from '../time/time-zone';

// Bodies of the admin API (/api/v1/admin/), as people and the admin CLI send them.
export const PinSchema = z.string().regex(PIN_PATTERN, { error: PIN_RULE });

export const EnrollmentCodeRequestSchema = z.strictObject({
  ttlMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
  // The roles the enrolled device may sign in; all three when absent (a lead's station).
  roles: DeviceRolesSchema.optional(),
  // Re-enrolls this device (its token lost or revoked); it keeps its roles unless roles is given.
  deviceId: IdSchema.optional(),
});

export const OperatorCreateSchema = z
  .strictObject({
    id: IdSchema.optional(),
    badge: text(1, 100),
    name: text(1, 200),
    role: OperatorRoleSchema,
    pin: PinSchema,
  })
  .superRefine((o, ctx) => {
    const problem = pinProblemForRole(o.role, o.pin);
    if (problem) ctx.addIssue({ code: 'custom', path: ['pin'], message: problem });
  });

export const OperatorChangeSchema = z
  .strictObject({
    badge: text(1, 100),
    name: text(1, 200),
    role: OperatorRoleSchema,
  })
  .partial()
  .refine((c) => Object.keys(c).length > 0, { error: 'name at least one of badge, name, role' });

export const PinResetSchema = z.strictObject({ pin: PinSchema });

// The warehouse's time zone, an IANA name (America/New_York); its canonical spelling is stored.
export const TimeZoneRequestSchema = z.strictObject({ timeZone: TimeZoneSchema });
