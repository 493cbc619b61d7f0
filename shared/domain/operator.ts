import { z } from 'zod';
import { IdSchema, int4, text, TimestampSchema } from './common';

export const OperatorRoleSchema = z.enum(['picker', 'lead', 'packer']);
export type OperatorRole = z.infer<typeof OperatorRoleSchema>;

export const OperatorSchema = z.object({
  id: IdSchema,
  badge: text(1, 100),
  name: text(1, 200),
  role: OperatorRoleSchema,
  active: z.boolean(),
  // PBKDF2-SHA-256 of the PIN (hex), its salt (hex) and iterations; null until a PIN is set.
  // Synced so a picker can sign in with no network.
  pinHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
    .optional(),
  pinSalt: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .nullable()
    .optional(),
  pinIterations: int4(1).nullable().optional(),
  // Wrong PINs in a row and the lock they set (shared/auth/pin-lock.ts), counted by the server
  // from every device, so a badge locked on one handheld is locked on the others after their
  // pull. Absent from records pulled before they existed: none.
  wrongPins: int4(0).optional(),
  pinLockedUntil: TimestampSchema.nullable().optional(),
});
export type Operator = z.infer<typeof OperatorSchema>;
