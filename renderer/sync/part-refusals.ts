import type { Refusal } from '../../shared/sync-api/push';
import type { OutboxEvent, RejectedEvent } from '../db/fillwave-db';

// The parts of an accepted event the server refused on their own (lines of an allocation whose
// stock went elsewhere), kept as refusals so the person sees each with its sentence: one record
// per part, named `<event id>:<part>`, its payload the part alone.
export const partRefusals = (
  event: OutboxEvent,
  parts: readonly Refusal[],
  answeredAt: string,
): RejectedEvent[] => {
  const lines = (event.payload as { lines?: { backorderLineId?: unknown }[] }).lines ?? [];
  return parts.map((p) => ({
    id: `${event.id}:${p.subject}`,
    type: event.type,
    operatorId: event.operatorId,
    at: event.at,
    payload: {
      backorderLineId: p.subject,
      lines: lines.filter((l) => l.backorderLineId === p.subject),
    },
    code: p.code,
    message: p.message,
    answeredAt,
  }));
};
