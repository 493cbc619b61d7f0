import { z } from 'zod';
import { text } from '../domain/common';
import { DeviceRolesSchema } from '../auth/roles';

// A device enrolls once with a one-time code from an admin (or, on the embedded server, over
// loopback with none). A device that enrolls again sends its own id and keeps it, and proves it
// is that device with its current token (Authorization header) or a code an admin issued for it.
export const EnrollRequestSchema = z.strictObject({
  code: text(1, 100).optional(),
  deviceId: z.uuid().optional(),
  name: text(1, 100),
});
export type EnrollRequest = z.infer<typeof EnrollRequestSchema>;

// The request's fields as the person enrolling knows them, for refusals (shared/say-issues.ts).
export const ENROLL_FIELD_WORDS = {
  code: 'the enrollment code',
  name: 'the device name',
  deviceId: "this device's id",
} as const;

export const EnrollResponseSchema = z.object({
  deviceId: z.uuid(),
  token: z.string(),
  epoch: z.uuid(),
  // The roles this device may sign in. Absent from servers before roles existed: all of them.
  roles: DeviceRolesSchema.optional(),
});
export type EnrollResponse = z.infer<typeof EnrollResponseSchema>;
