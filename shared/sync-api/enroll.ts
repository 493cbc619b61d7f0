import { z } from 'zod';
import { text } from '../domain/common';

// A device enrolls once with a one-time code from an admin (or, on the embedded server, over
// loopback with none). A device that enrolls again sends its own id and keeps it.
export const EnrollRequestSchema = z.strictObject({
  code: text(1, 100).optional(),
  deviceId: z.uuid().optional(),
  name: text(1, 100),
});
export type EnrollRequest = z.infer<typeof EnrollRequestSchema>;

export const EnrollResponseSchema = z.object({
  deviceId: z.uuid(),
  token: z.string(),
  epoch: z.uuid(),
});
export type EnrollResponse = z.infer<typeof EnrollResponseSchema>;
