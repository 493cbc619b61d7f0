import { z } from 'zod';

// Every 4xx and 5xx body: a code for programs, a sentence for people.
export const ErrorBodySchema = z.object({
  error: z.string(),
  message: z.string(),
  // Where the request can go on from: a 410 names none; a 409 unknown-epoch says to ask anew.
  retryAfterS: z.number().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
