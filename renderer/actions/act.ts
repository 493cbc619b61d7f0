import { applyLocally } from '../../shared/local/apply-locally';
import { fail, type Result } from '../../shared/result';
import { sayIssues } from '../../shared/say-issues';
import {
  DEVICE_EVENTS,
  type DeviceEventType,
  type DevicePayload,
} from '../../shared/sync-api/events/catalogue';
import { EVENT_FIELD_WORDS } from '../../shared/sync-api/events/field-words';
import type { FillwaveDb, OutboxEvent } from '../db/fillwave-db';
import { recordAction, type ActionContext } from '../sync/outbox';
import { wakeSync } from '../sync/page-sync';
import { shownTables } from '../sync/pending-view';

// The one way a screen acts: the event's rule runs on what the device shows now, and only what
// it allows is written. A refusal comes back as the rule's sentence, shown at once, and nothing
// is written: a screen never says "Picked" for a pick its own device can tell will not apply.
// Allowed: ONE outbox write (the event and its seq), then the sync is woken to push it now.
export const act = async <T extends DeviceEventType>(
  db: FillwaveDb,
  type: T,
  payload: DevicePayload<T>,
  ctx: ActionContext,
  wake: () => void = wakeSync,
): Promise<Result<OutboxEvent>> => {
  const parsed = DEVICE_EVENTS[type].payload.safeParse(payload);
  if (!parsed.success) return fail(sayIssues(parsed.error, EVENT_FIELD_WORDS[type]));
  // The context once: the id and time the rule sees are the ones written.
  const id = ctx.newId();
  const now = ctx.now();
  const at = now.toISOString();
  const shown = await shownTables(db, parsed.data);
  const outcome = applyLocally(shown.tables, {
    id,
    type,
    operatorId: ctx.operatorId,
    at,
    payload: parsed.data,
  });
  if (!outcome.ok) return fail(outcome.reason);
  const written = await recordAction(db, type, parsed.data, {
    operatorId: ctx.operatorId,
    now: () => now,
    newId: () => id,
  });
  if (!written.ok) return written;
  shown.written(written.value, outcome.changes);
  wake();
  return written;
};
