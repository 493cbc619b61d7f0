import { z } from 'zod';
import { IdSchema, int4, text } from './common';

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
});
export type Operator = z.infer<typeof OperatorSchema>;
