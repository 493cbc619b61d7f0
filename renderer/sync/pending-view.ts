import type { EntityName } from '../../shared/domain/entities';
import { applyLocally } from '../../shared/event-rules/apply-locally';
import {
  changeKey,
  memoryTables,
  overlay,
  type RowChange,
  type Tables,
} from '../../shared/event-rules/tables';
import type { FillwaveDb, OutboxEvent } from '../db/fillwave-db';
import { ENTITY_TABLES } from '../db/entity-tables';
import { businessDateIn } from '../../shared/time/business-date';
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from '../../shared/time/time-zone';
import { shownEvents } from './outbox';
import { KEYS, readState } from './sync-state';

// Everything the local rules read, except the two big tables (lines, events): those are loaded
// only for the lines the waiting events and the live work touch.
const WORKING_SET: EntityName[] = [
  'stock',
  'location',
  'sku',
  'reservation',
  'wave',
  'tour',
  'pickTask',
  'tote',
  'pick',
  'shipment',
  'returnInstruction',
  'floorSettings',
  // Refusals name who holds a tour; an assignment checks the picker is active.
  'operator',
];

const idsIn = (value: unknown, key: string, out: Set<string>) => {
  if (Array.isArray(value)) for (const v of value) idsIn(v, key, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key && typeof v === 'string') out.add(v);
      else idsIn(v, key, out);
    }
  }
};

export interface PendingView {
  // The rows as a person should see them: pulled rows with the waiting events laid over.
  changes: Map<string, RowChange>;
  // Waiting events the device can already tell will not apply, with why.
  refused: { id: string; reason: string }[];
}

export const EMPTY_VIEW: PendingView = { changes: new Map(), refused: [] };

type Base = ReturnType<typeof memoryTables>;

// The lines (and orders' lines) events name, that the base does not hold yet.
const loadLines = async (db: FillwaveDb, base: Base, payloads: unknown[], more: string[] = []) => {
  const lineIds = new Set<string>(more);
  const orderIds = new Set<string>();
  for (const p of payloads) {
    idsIn(p, 'backorderLineId', lineIds);
    idsIn(p, 'orderId', orderIds);
  }
  const missing = [...lineIds].filter((id) => !base.get('backorderLine', id));
  // No read at all when nothing is missing: most scans name no line (a pick names its task).
  const lines = [
    ...(missing.length ? await db.backorderLines.bulkGet(missing) : []),
    ...(orderIds.size
      ? await db.backorderLines
          .where('orderId')
          .anyOf([...orderIds])
          .toArray()
      : []),
  ];
  for (const line of lines)
    if (line && !base.get('backorderLine', line.id))
      base.put('backorderLine', line.id, line as unknown as Record<string, unknown>);
};

// The last view, kept with its database (FillwaveDb.pendingReplay) so that an action taken
// offline costs one event's replay, not all of them: reused while the pulled rows are the same
// (same checkpoint) and the waiting events only grew at the end. Anything else (a pull, an
// answer from the server) recomputes from scratch.
export interface PendingReplay {
  checkpoint: unknown;
  // The warehouse's time zone the events were dated in, and the dating.
  timeZone: string;
  dateOf: (at: string) => string;
  // Each event's id and status, in order.
  ids: string[];
  // Their places in the outbox, in the same order (a cheap check that the outbox is unchanged).
  localIds: number[];
  base: Base;
  changes: Map<string, RowChange>;
  view: Tables;
  refused: PendingView['refused'];
}

// Tests compare the kept view with one computed from scratch.
export const forgetPendingView = (db: FillwaveDb) => {
  db.pendingReplay = null;
};

const replay = (r: PendingReplay, events: readonly OutboxEvent[]) => {
  for (const e of events) {
    // Dated as the server will date it (the device's at may be clamped there, if its clock is
    // ahead: the device cannot know that, and the server's answer settles it).
    const outcome = applyLocally(r.view, { ...e, today: r.dateOf(e.at) });
    r.ids.push(`${e.id}:${e.status}`);
    r.localIds.push(e.localId!);
    if (!outcome.ok) {
      // An accepted event is the server's now: only a waiting one can be refused.
      if (e.status !== 'accepted') r.refused.push({ id: e.id, reason: outcome.reason });
      continue;
    }
    for (const c of outcome.changes) r.changes.set(changeKey(c.entity, c.id), c);
  }
};

// The replay of the events shown now over the pulled rows: the kept one when the rows are the
// same (same checkpoint, same time zone) and the events only grew at the end, else one built
// from scratch.
const currentReplay = async (
  db: FillwaveDb,
  waiting: readonly OutboxEvent[],
  checkpoint: unknown,
  timeZone: string,
): Promise<PendingReplay> => {
  const prev = db.pendingReplay;
  if (
    prev &&
    JSON.stringify(prev.checkpoint) === JSON.stringify(checkpoint ?? null) &&
    prev.timeZone === timeZone &&
    prev.ids.length <= waiting.length &&
    prev.ids.every((id, i) => `${waiting[i]!.id}:${waiting[i]!.status}` === id)
  ) {
    await loadLines(
      db,
      prev.base,
      waiting.slice(prev.ids.length).map((e) => e.payload),
    );
    // Sliced after the wait: an action may have laid its own event over the view meanwhile.
    replay(prev, waiting.slice(prev.ids.length));
    return prev;
  }

  const rows: { entity: EntityName; id: string; row: Record<string, unknown> }[] = [];
  const lineIds: string[] = [];
  for (const entity of WORKING_SET) {
    for (const row of await db.table(ENTITY_TABLES[entity]).toArray()) {
      rows.push({ entity, id: row.id as string, row });
      if (typeof row.backorderLineId === 'string') lineIds.push(row.backorderLineId);
    }
  }
  const base = memoryTables(rows);
  await loadLines(
    db,
    base,
    waiting.map((e) => e.payload),
    lineIds,
  );
  const changes = new Map<string, RowChange>();
  const r: PendingReplay = {
    checkpoint: checkpoint ?? null,
    timeZone,
    // A zone this browser does not know (an older time zone database) dates in UTC rather than
    // leaving the screen blank.
    dateOf: businessDateIn(canonicalTimeZone(timeZone) ?? DEFAULT_TIME_ZONE),
    ids: [],
    localIds: [],
    base,
    changes,
    view: overlay(base, changes),
    refused: [],
  };
  replay(r, waiting);
  return r;
};

// Lays the waiting events, in order, over the pulled rows they touch. Pulled rows are never
// changed by this: drop an event (the server rejected it) and its effect is gone.
export const computePendingView = async (db: FillwaveDb): Promise<PendingView> => {
  const [waiting, checkpoint, zone] = await Promise.all([
    shownEvents(db),
    readState<unknown>(db, KEYS.checkpoint),
    readState<string>(db, KEYS.timeZone),
  ]);
  if (waiting.length === 0) {
    db.pendingReplay = null;
    return EMPTY_VIEW;
  }
  const r = await currentReplay(db, waiting, checkpoint, zone ?? DEFAULT_TIME_ZONE);
  db.pendingReplay = r;
  return { changes: new Map(r.changes), refused: [...r.refused] };
};

// What the device shows now, for the action layer to try an event on before writing it
// (renderer/actions/act.ts). Its reads join the caller's transaction when there is one.

// Whether a replay still shows the outbox as it is: the same events, none waiting to be sent
// again unseen, the same pulled rows. The same events are told by their count and last key, not
// by reading them (reading all 500 waiting events' keys on each scan made scans 25% slower): a
// new event takes a key above every key so far, a removal lowers the count, and the only rows
// added under old keys (recallSent) are 'resend' ones, which the check refuses. A status from
// pending to accepted changes nothing the rules read.
export const isCurrent = async (db: FillwaveDb, r: PendingReplay): Promise<boolean> => {
  const [count, last, resend, checkpoint, zone] = await Promise.all([
    db.outbox.count(),
    db.outbox.orderBy('localId').lastKey(),
    db.outbox.where('status').equals('resend').count(),
    readState<unknown>(db, KEYS.checkpoint),
    readState<string>(db, KEYS.timeZone),
  ]);
  return (
    resend === 0 &&
    JSON.stringify(r.checkpoint) === JSON.stringify(checkpoint ?? null) &&
    r.timeZone === (zone ?? DEFAULT_TIME_ZONE) &&
    count === r.localIds.length &&
    (count === 0 || last === r.localIds[count - 1])
  );
};

// The replay of what the device shows now: the kept one, or one built from the outbox.
export const shownReplay = async (db: FillwaveDb): Promise<PendingReplay> => {
  const [waiting, checkpoint, zone] = await Promise.all([
    shownEvents(db),
    readState<unknown>(db, KEYS.checkpoint),
    readState<string>(db, KEYS.timeZone),
  ]);
  return currentReplay(db, waiting, checkpoint, zone ?? DEFAULT_TIME_ZONE);
};

// The lines an event about to be tried names, loaded into the replay's rows.
export const loadLinesOf = (db: FillwaveDb, r: PendingReplay, payload: unknown) =>
  loadLines(db, r.base, [payload]);

// After an event was written on top of `r`: its changes laid over, and `r` kept, so the screen's
// next view replays nothing more.
export const keepWith = (
  db: FillwaveDb,
  r: PendingReplay,
  event: OutboxEvent,
  changes: readonly RowChange[],
) => {
  r.ids.push(`${event.id}:${event.status}`);
  r.localIds.push(event.localId!);
  for (const c of changes) r.changes.set(changeKey(c.entity, c.id), c);
  db.pendingReplay = r;
};

// One entity's rows as a person should see them.
export const withPending = <T extends { id: string }>(
  entity: EntityName,
  pulled: readonly T[],
  view: PendingView,
): T[] => {
  if (view.changes.size === 0) return [...pulled];
  const out: T[] = [];
  const seen = new Set<string>();
  for (const row of pulled) {
    const change = view.changes.get(`${entity}|${row.id}`);
    seen.add(row.id);
    if (!change) out.push(row);
    else if (change.row) out.push(change.row as unknown as T);
  }
  for (const c of view.changes.values())
    if (c.entity === entity && c.row && !seen.has(c.id)) out.push(c.row as unknown as T);
  return out;
};
