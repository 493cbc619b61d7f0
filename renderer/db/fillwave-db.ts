import Dexie, { type Table } from 'dexie';
import type { BackorderLine } from '../../shared/domain/backorder-line';
import type { EntityName } from '../../shared/domain/entities';
import type { EventRecord } from '../../shared/domain/event-record';
import type { Operator } from '../../shared/domain/operator';
import type { EventResult } from '../../shared/sync-api/push';
import type { PendingReplay } from '../sync/pending-view';

// A person's action waiting for the server's answer. `seq` is its number in the device's
// current epoch; it changes only when the server forgets the epoch and the device renumbers.
export interface OutboxEvent {
  localId?: number;
  id: string;
  seq: number;
  type: string;
  operatorId: string | null;
  at: string;
  payload: unknown;
  // accepted: the server took it; kept, laid over the rows, until a pull brings its effect.
  // resend: taken back from `sent` after the server lost it (restored): pushed again, never
  // shown, since its effect was in the rows before.
  status: 'pending' | 'accepted' | 'resend';
}

// An event the server accepted and a pull brought back: nothing on screen reads these. Kept a
// while (shared/sync/sent-retention.ts) to push again to a server restored from a backup.
export interface SentEvent extends Omit<OutboxEvent, 'localId' | 'status'> {
  localId: number;
  settledAt: string;
  // Its size as JSON, for the storage budget.
  bytes: number;
}

// An event the server refused, kept with its sentence for the "sync problems" screen.
export interface RejectedEvent {
  id: string;
  type: string;
  operatorId: string | null;
  at: string;
  payload: unknown;
  code: string;
  message: string;
  answeredAt: string;
  // When a person said they read it, and who (operator id; null when nobody was signed in).
  // Plain fields, not indexed: the bar's count reads the small table whole.
  acknowledgedAt?: string;
  acknowledgedBy?: string | null;
}

// A record from the server that failed its schema: kept aside with the reason, shown to people.
export interface QuarantinedRecord {
  qid?: number;
  entity: EntityName | string;
  id: string;
  reason: string;
  row: unknown;
  at: string;
}

export interface SyncStateRow {
  key: string;
  value: unknown;
}

type Row = Record<string, unknown> & { id: string };

// The device's database. Versions are kept: each new one says what changed and upgrades the
// data of the one before (Dexie runs the steps in order on an old database).
export class FillwaveDb extends Dexie {
  skus!: Table<Row, string>;
  warehouseLayouts!: Table<Row, string>;
  locations!: Table<Row, string>;
  stock!: Table<Row, string>;
  backorderLines!: Table<BackorderLine, string>;
  waves!: Table<Row, string>;
  tours!: Table<Row, string>;
  pickTasks!: Table<Row, string>;
  reservations!: Table<Row, string>;
  operators!: Table<Operator, string>;
  dailyOrderCounts!: Table<Row, string>;
  totes!: Table<Row, string>;
  picks!: Table<Row, string>;
  shipments!: Table<Row, string>;
  expectedReceipts!: Table<Row, string>;
  returnInstructions!: Table<Row, string>;
  floorSettings!: Table<Row, string>;
  events!: Table<EventRecord, string>;
  outbox!: Table<OutboxEvent, number>;
  rejected!: Table<RejectedEvent, string>;
  sent!: Table<SentEvent, number>;
  quarantine!: Table<QuarantinedRecord, number>;
  syncState!: Table<SyncStateRow, string>;
  // The pending view last computed on this database, to extend by the next action's event
  // (renderer/sync/pending-view.ts); never stored, and never shared with another database.
  pendingReplay: PendingReplay | null = null;

  constructor(name = 'fillwave') {
    super(name);
    this.version(1).stores({
      skus: 'id, sku',
      warehouseLayouts: 'id',
      locations: 'id, code, zone',
      stock: 'id, locationId, skuId',
      backorderLines: 'id, orderId, skuId, status, promisedBy',
      waves: 'id, status',
      tours: 'id, waveId, status, pickerId',
      pickTasks: 'id, tourId, waveId, backorderLineId, locationId',
      reservations: 'id, backorderLineId, locationId, waveId',
      operators: 'id, badge',
      dailyOrderCounts: 'id',
      totes: 'id, tourId, orderId',
      picks: 'id, tourId, pickTaskId',
      shipments: 'id, orderId',
      expectedReceipts: 'id, skuId',
      returnInstructions: 'id, backorderLineId',
      events: 'id, at, type',
      outbox: '++localId, &id, seq',
      quarantine: '++qid, [entity+id]',
      syncState: 'key',
    });
    // 2: rejected events get a table of their own for the "sync problems" screen, and outbox
    // rows carry a status (every row an older version wrote was waiting: pending).
    this.version(2)
      .stores({ outbox: '++localId, &id, seq, status', rejected: 'id, answeredAt' })
      .upgrade(async (tx) => {
        await tx
          .table('outbox')
          .toCollection()
          .modify((e: Partial<OutboxEvent>) => {
            e.status ??= 'pending';
          });
      });
    // 3: accepted events move to `sent` after the pull that brings their effect, rather than
    // being deleted (an older version had deleted them: nothing to carry over).
    this.version(3).stores({ sent: 'localId, &id, settledAt' });
    // 4: lines count cancelled units (rows kept before had none: a cancelled line is rewritten
    // by the server and comes again in the next pull); the pack station lists dropped totes, finds
    // a tote by its code and its picks by tote.
    this.version(4)
      .stores({
        totes: 'id, tourId, orderId, toteCode, status',
        picks: 'id, tourId, pickTaskId, [tourId+toteCode], backorderLineId',
        floorSettings: 'id',
      })
      .upgrade(async (tx) => {
        await tx
          .table('backorderLines')
          .toCollection()
          .modify((l: { qtyCancelled?: number }) => {
            l.qtyCancelled ??= 0;
          });
      });
  }
}

export type { EventResult };
