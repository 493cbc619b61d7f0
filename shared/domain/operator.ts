import { z } from 'zod';
import { IdSchema } from './common';

export const OperatorRoleSchema = z.enum(['picker', 'lead', 'packer']);
export type OperatorRole = z.infer<typeof OperatorRoleSchema>;

export const OperatorSchema = z.object({
  id: IdSchema,
  badge: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  role: OperatorRoleSchema,
  active: z.boolean(),
});
export type Operator = z.infer<typeof OperatorSchema>;
