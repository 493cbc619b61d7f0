import type { z } from 'zod';
import { describeIssues } from '../../describe-issues';
import { EventRecordSchema, type EventRecord } from '../../domain/event-record';
import { fail, ok, type Result } from '../../result';
import type { WaveReleasedSchema } from '../../sync-api/events/lead';
import type {
  BackorderLineCancelledSchema,
  BackorderLinesAddedSchema,
} from '../../sync-api/events/oms';
import type { ShipmentConfirmedSchema } from '../../sync-api/events/packer';
import type {
  PickConfirmedSchema,
  PickUndoneSchema,
  ShortPickReportedSchema,
} from '../../sync-api/events/picker';
import { LOG_EVENT_PAYLOADS } from './event-catalogue';
import { parseTime } from './window';

// What the KPIs need from the event log, checked and typed. Times are each event's `at` (when it
// happened, by the clock of the device that did it), not the server's receipt time: a handheld
// that was out of range for an hour pushes its picks together, and receipt times would squeeze
// an hour of picking into one moment.

export interface LineEntry {
  id: string;
  orderedAtMs: number;
  qtyBackordered: number;
}
export interface ShipmentLine {
  eventId: string;
  atMs: number;
  backorderLineId: string;
  qty: number;
}
export interface Cancellation {
  eventId: string;
  atMs: number;
  backorderLineId: string;
  // Units cancelled; null: every unit the line still owed then.
  qty: number | null;
}
// A visit to a pick task that ended in a confirmed pick or a reported short pick.
export interface PickAttempt {
  eventId: string;
  atMs: number;
  pickerId: string;
  pickTaskId: string;
  short: boolean;
}
export interface TaskPlace {
  tourId: string;
  waveId: string;
}

export interface KpiLog {
  // Lines as the OMS added them, by id.
  lines: Map<string, LineEntry>;
  // In time order (then event id), as every list below.
  shipments: ShipmentLine[];
  cancellations: Cancellation[];
  // Undone picks are left out: a pick taken back never happened, in any window.
  attempts: PickAttempt[];
  // Where each released pick task sits, by pick task id.
  tasks: Map<string, TaskPlace>;
}

interface Checked {
  record: EventRecord;
  atMs: number;
  payload: unknown;
}

const nameOf = (record: unknown, index: number): string => {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? `event ${id}` : `events.${index}`;
};

// Every record must be a well-formed event of a known type with a valid payload; the first that
// is not fails the whole computation with its name, rather than be dropped from the figures.
const check = (events: readonly EventRecord[]): Result<Checked[]> => {
  const seen = new Set<string>();
  const checked: Checked[] = [];
  for (const [i, raw] of events.entries()) {
    const parsed = EventRecordSchema.safeParse(raw);
    if (!parsed.success) return fail(`${nameOf(raw, i)}: ${describeIssues(parsed.error)}`);
    const record = parsed.data;
    const atMs = parseTime(record.at)!;
    if (seen.has(record.id)) return fail(`event ${record.id}: appears twice in the log`);
    seen.add(record.id);
    const schema = LOG_EVENT_PAYLOADS.get(record.type);
    if (!schema) return fail(`event ${record.id}: unknown type "${record.type}"`);
    const payload = schema.safeParse(record.payload);
    if (!payload.success)
      return fail(`event ${record.id} (${record.type}): ${describeIssues(payload.error)}`);
    checked.push({ record, atMs, payload: payload.data });
  }
  // Time order, then id: the same log in any order reads the same, messages included.
  return ok(
    checked.sort(
      (a, b) =>
        a.atMs - b.atMs || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0),
    ),
  );
};

export const readLog = (events: readonly EventRecord[]): Result<KpiLog> => {
  const checked = check(events);
  if (!checked.ok) return checked;
  const log: KpiLog = {
    lines: new Map(),
    shipments: [],
    cancellations: [],
    attempts: [],
    tasks: new Map(),
  };
  const undone = new Set<string>();
  const cancelledBy = new Map<string, string>();
  for (const { record, atMs, payload } of checked.value) {
    const name = `event ${record.id} (${record.type})`;
    switch (record.type) {
      case 'oms.backorder-lines-added':
        for (const l of (payload as z.infer<typeof BackorderLinesAddedSchema>).lines) {
          if (log.lines.has(l.id)) return fail(`${name}: backorder line ${l.id} was added before`);
          log.lines.set(l.id, {
            id: l.id,
            orderedAtMs: Date.parse(l.orderedAt),
            qtyBackordered: l.qtyBackordered,
          });
        }
        break;
      case 'oms.backorder-line-cancelled': {
        const { backorderLineId, qty } = payload as z.infer<typeof BackorderLineCancelledSchema>;
        // A line may lose units to several cancellations, but nothing after all of it went.
        const before = cancelledBy.get(backorderLineId);
        if (before)
          return fail(
            `${name}: backorder line ${backorderLineId} was cancelled by event ${before}`,
          );
        if (qty === undefined) cancelledBy.set(backorderLineId, record.id);
        log.cancellations.push({ eventId: record.id, atMs, backorderLineId, qty: qty ?? null });
        break;
      }
      case 'shipment.confirmed':
        for (const l of (payload as z.infer<typeof ShipmentConfirmedSchema>).lines)
          log.shipments.push({ eventId: record.id, atMs, ...l });
        break;
      case 'wave.released': {
        const { waveId, tours } = payload as z.infer<typeof WaveReleasedSchema>;
        for (const tour of tours) {
          for (const task of tour.tasks) {
            if (log.tasks.has(task.pickTaskId))
              return fail(`${name}: pick task ${task.pickTaskId} was released before`);
            log.tasks.set(task.pickTaskId, { tourId: tour.tourId, waveId });
          }
        }
        break;
      }
      case 'pick.confirmed':
      case 'short-pick.reported': {
        if (record.operatorId === null) return fail(`${name}: names no picker (operatorId)`);
        const { pickTaskId } = payload as z.infer<
          typeof PickConfirmedSchema | typeof ShortPickReportedSchema
        >;
        log.attempts.push({
          eventId: record.id,
          atMs,
          pickerId: record.operatorId,
          pickTaskId,
          short: record.type === 'short-pick.reported',
        });
        break;
      }
      case 'pick.undone':
        // An undo whose pick lies before the device's history has nothing here to take back.
        undone.add((payload as z.infer<typeof PickUndoneSchema>).pickId);
        break;
    }
  }
  log.attempts = log.attempts.filter((a) => a.short || !undone.has(a.eventId));
  return ok(log);
};
