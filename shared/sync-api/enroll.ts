import { z } from 'zod';

// A device enrolls once with a one-time code from an admin (or, on the embedded server, over
// loopback with none). A device that enrolls again sends its own id and keeps it.
export const EnrollRequestSchema = z.strictObject({
  code: z.string().min(1).max(100).optional(),
  deviceId: z.uuid().optional(),
  name: z.string().min(1).max(100),
});
export type EnrollRequest = z.infer<typeof EnrollRequestSchema>;

export const EnrollResponseSchema = z.object({
  deviceId: z.uuid(),
  token: z.string(),
  epoch: z.uuid(),
});
export type EnrollResponse = z.infer<typeof EnrollResponseSchema>;
