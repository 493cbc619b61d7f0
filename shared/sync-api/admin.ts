import { z } from 'zod';
import { IdSchema, text } from '../domain/common';
import { OperatorRoleSchema } from '../domain/operator';
import { PIN_PATTERN, PIN_RULE } from '../auth/pin-params';

// Bodies of the admin API (/api/v1/admin/), as people and the admin CLI send them.
export const PinSchema = z.string().regex(PIN_PATTERN, { error: PIN_RULE });

export const EnrollmentCodeRequestSchema = z.strictObject({
  ttlMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
});

export const OperatorCreateSchema = z.strictObject({
  id: IdSchema.optional(),
  badge: text(1, 100),
  name: text(1, 200),
  role: OperatorRoleSchema,
  pin: PinSchema,
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
