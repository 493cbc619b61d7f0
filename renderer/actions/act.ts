import { applyLocally } from '../../shared/event-rules/apply-locally';
import type { RowChange } from '../../shared/event-rules/tables';
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
import {
  isCurrent,
  keepWith,
  loadLinesOf,
  shownReplay,
  type PendingReplay,
} from '../sync/pending-view';

type Tried = { ok: false; reason: string } | { ok: true; event: OutboxEvent; changes: RowChange[] };

// Rebuilt views before the rule runs on the last one regardless: the outbox changing under every
// one of them means a sync is writing; the server still arbitrates what is written.
const ATTEMPTS = 3;

// The one way a screen acts: the event's rule runs on what the device shows now, and only what
// it allows is written. A refusal comes back as the rule's sentence, shown at once, and nothing
// is written: a screen never says "Picked" for a pick its own device can tell will not apply.
// Allowed: the event goes to the outbox with its seq, then the sync is woken to push it now.
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
  const candidate = {
    id,
    type,
    operatorId: ctx.operatorId,
    at: now.toISOString(),
    payload: parsed.data,
  };
  const fixed: ActionContext = { operatorId: ctx.operatorId, now: () => now, newId: () => id };

  let view: PendingReplay | null = db.pendingReplay;
  for (let attempt = 1; ; attempt++) {
    const r = view;
    // Check and write in one transaction: no other event lands between the rule and the write.
    let before = 0;
    const outcome: Tried | null = await db.transaction(
      'rw',
      [db.outbox, db.syncState, db.backorderLines],
      async (): Promise<Tried | null> => {
        if (!r || (attempt < ATTEMPTS && !(await isCurrent(db, r)))) return null;
        await loadLinesOf(db, r, parsed.data);
        // Dated as the replay dates the waiting events: the warehouse's day of the event's at.
        const tried = applyLocally(r.view, { ...candidate, today: r.dateOf(candidate.at) });
        if (!tried.ok) return { ok: false, reason: tried.reason };
        before = r.ids.length;
        const written = await recordAction(db, type, parsed.data, fixed);
        return written.ok ? { ok: true, event: written.value, changes: tried.changes } : written;
      },
    );
    if (outcome === null) {
      view = await shownReplay(db);
      continue;
    }
    if (!outcome.ok) return outcome;
    // Unless a screen's view has already replayed it since the commit.
    if (r!.ids.length === before) keepWith(db, r!, outcome.event, outcome.changes);
    wake();
    return { ok: true, value: outcome.event };
  }
};
