import type { EntityName } from '../../shared/domain/entities';
import { applyLocally } from '../../shared/local/apply-locally';
import { memoryTables, overlay, type RowChange, type Tables } from '../../shared/local/tables';
import type { FillwaveDb } from '../db/fillwave-db';
import { ENTITY_TABLES } from '../db/entity-tables';
import { pendingEvents } from './outbox';

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

// Lays the waiting events, in order, over the pulled rows they touch. Pulled rows are never
// changed by this: drop an event (the server rejected it) and its effect is gone.
export const computePendingView = async (db: FillwaveDb): Promise<PendingView> => {
  const waiting = await pendingEvents(db);
  if (waiting.length === 0) return EMPTY_VIEW;
  const rows: { entity: EntityName; id: string; row: Record<string, unknown> }[] = [];
  for (const entity of WORKING_SET) {
    for (const row of await db.table(ENTITY_TABLES[entity]).toArray())
      rows.push({ entity, id: row.id as string, row });
  }
  const lineIds = new Set<string>();
  const orderIds = new Set<string>();
  for (const e of waiting) {
    idsIn(e.payload, 'backorderLineId', lineIds);
    idsIn(e.payload, 'orderId', orderIds);
  }
  for (const r of rows)
    if (typeof r.row.backorderLineId === 'string') lineIds.add(r.row.backorderLineId);
  const lines = [
    ...(await db.backorderLines.bulkGet([...lineIds])),
    ...(await db.backorderLines
      .where('orderId')
      .anyOf([...orderIds])
      .toArray()),
  ];
  for (const line of lines)
    if (line)
      rows.push({
        entity: 'backorderLine',
        id: line.id,
        row: line as unknown as Record<string, unknown>,
      });

  const base = memoryTables(rows);
  let view: Tables = base;
  const changes = new Map<string, RowChange>();
  const refused: PendingView['refused'] = [];
  for (const e of waiting) {
    const outcome = applyLocally(view, e);
    if (!outcome.ok) {
      refused.push({ id: e.id, reason: outcome.reason });
      continue;
    }
    for (const c of outcome.changes) changes.set(`${c.entity}|${c.id}`, c);
    view = overlay(base, [...changes.values()]);
  }
  return { changes, refused };
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
