import { z } from 'zod';
import { IdSchema, int4, text, TimestampSchema } from '../domain/common';
import { nestsDeeperThan } from '../json-depth';

export const PUSH_MAX_EVENTS = 500;
// The deepest payload a device event has is 4 levels (wave > tours > tasks > task); room to
// grow, and far below what would overflow a recursive walk.
export const PAYLOAD_MAX_DEPTH = 32;

export const PayloadSchema = z.unknown().check((ctx) => {
  if (nestsDeeperThan(ctx.value, PAYLOAD_MAX_DEPTH))
    ctx.issues.push({
      code: 'custom',
      message: `is nested more than ${PAYLOAD_MAX_DEPTH} levels deep; no event needs that`,
      input: ctx.value,
    });
});

// What a device sends for each thing a person did. seq counts the device's events from 1
// within an epoch the server issued, so the server sees gaps.
export const EventEnvelopeSchema = z.strictObject({
  id: z.uuid(),
  epoch: z.uuid(),
  seq: int4(1),
  type: text(1, 100),
  deviceId: IdSchema,
  operatorId: IdSchema.nullable(),
  at: TimestampSchema,
  payload: PayloadSchema,
});
export type EventEnvelope = z.infer<typeof EventEnvelopeSchema>;

export const PushRequestSchema = z.strictObject({
  events: z.array(EventEnvelopeSchema).min(1).max(PUSH_MAX_EVENTS),
  // The id of the last event this server accepted from the device (absent before the first):
  // a server that does not hold it lost events (restored, rolled back) and answers 409.
  lastAccepted: z.uuid().optional(),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

// The envelope's fields in words, for a refused push (shared/say-issues.ts): what reaches the
// device's sync problems says "an event's time", not "events.0.at".
export const PUSH_FIELD_WORDS = {
  events: 'the events',
  id: "an event's id",
  epoch: "an event's epoch",
  seq: "an event's number",
  type: "an event's kind",
  deviceId: "an event's device",
  operatorId: "an event's operator",
  at: "an event's time",
  payload: "an event's content",
  lastAccepted: 'the last event the server accepted',
} as const;

// Parts of an accepted event refused on their own (lines of an allocation whose stock went
// elsewhere), so the person sees which and can try again.
export const RefusalSchema = z.object({
  subject: z.string(),
  code: z.string(),
  message: z.string(),
});
export type Refusal = z.infer<typeof RefusalSchema>;

export const FirstAnswerSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('accepted'), refused: z.array(RefusalSchema).optional() }),
  z.object({ status: z.literal('rejected'), code: z.string(), message: z.string() }),
]);

// Set when the event's `at` was more than 5 minutes ahead of the server's receipt: the server
// used its receipt time instead (keeping the device's), and the device's clock needs setting.
const ClockAheadSchema = z.number().int().positive().optional();

export const EventResultSchema = z.discriminatedUnion('status', [
  z.object({
    id: z.string(),
    status: z.literal('accepted'),
    refused: z.array(RefusalSchema).optional(),
    clockAheadMs: ClockAheadSchema,
  }),
  // A business outcome (or a malformed event), with a code and a sentence for the person.
  z.object({
    id: z.string(),
    status: z.literal('rejected'),
    code: z.string(),
    message: z.string(),
    clockAheadMs: ClockAheadSchema,
  }),
  // Seen before with the same content: the answer it got then.
  z.object({ id: z.string(), status: z.literal('duplicate'), original: FirstAnswerSchema }),
  // Not applied: an earlier seq is missing. Send again from expectedSeq.
  z.object({ id: z.string(), status: z.literal('gap'), expectedSeq: z.number().int().min(1) }),
]);
export type EventResult = z.infer<typeof EventResultSchema>;

export const PushResponseSchema = z.object({ results: z.array(EventResultSchema) });
export type PushResponse = z.infer<typeof PushResponseSchema>;

export const EpochResponseSchema = z.object({ epoch: z.uuid() });
export type EpochResponse = z.infer<typeof EpochResponseSchema>;
