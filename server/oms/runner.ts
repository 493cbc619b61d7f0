import type { EventRecord } from '../../shared/domain/event-record';
import type { FeedEntry } from '../../shared/sync-api/feed';
import { decodeCheckpoint, encodeCheckpoint } from '../../shared/sync-api/checkpoint';
import { FLOOR_SETTINGS_ID } from '../../shared/domain/floor-settings';
import { followPlan, followStep, homeOf, receivingLocationOf } from '../../shared/stock/follow-oms';
import { OMS_BULK_MAX } from '../../shared/sync-api/events/oms';
import type { Clock } from '../clock';
import type { Db } from '../db/db';
import type { EventRegistry } from '../events/registry';
import { recordServerEvent } from '../events/server-events';
import {
  holdsPosition,
  readChanges,
  STREAM_START,
  type StreamPosition,
} from '../sync/change-stream';
import { entryFor } from '../sync/feed-entry';
import {
  OmsUnreachable,
  type ExpectedReceipt,
  type OmsConnector,
  type OmsImport,
  type StockOwner,
} from './connector';
import { ConnectorLock } from './lock';
import { skusMoved, stockLevels } from './stock-levels';
import {
  ensureConnectorState,
  eventsBehind,
  readConnectorState,
  updateConnectorState,
  type ConnectorState,
} from './state';

export interface RunnerOptions {
  db: Db;
  registry: EventRegistry;
  clock: Clock;
  databaseId: string;
  connector: OmsConnector;
  stockOwner: StockOwner;
  // Between rounds when all is calm; an unreachable OMS doubles it up to a minute.
  intervalMs?: number;
  // Told when a round fails with a new message (the person at the terminal; never a secret).
  report?: (line: string) => void;
}

export type RoundResult =
  | { ran: false; why: 'not-lock-holder' }
  | {
      ran: true;
      exported: number;
      refused: number;
      imported: number;
      cancelled: number;
      // SKUs whose bins moved to follow the OMS's figures (when the OMS owns the stock).
      followed: number;
    }
  | { ran: true; unreachable: string };

// Refusals of a cancellation because units have shipped (as the admin API).
const SHIPPED_CODES = new Set(['line-shipped', 'more-than-owed']);
const FEED_PAGE = 200;

const chunks = <T>(items: readonly T[], size = OMS_BULK_MAX): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

// Drives one connector from the server's event log: each round exports every accepted event
// after its checkpoint, in order, moving the checkpoint after each; then, once nothing is left to
// export, imports what changed in the OMS as server events. A crash anywhere repeats work (the
// connector looks each export up before posting) and never skips it.
export class OmsRunner {
  private readonly lock: ConnectorLock;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private running: Promise<RoundResult> | null = null;
  private backoffMs: number;
  private lastReported: string | null = null;

  constructor(private readonly o: RunnerOptions) {
    this.lock = new ConnectorLock(o.db, o.databaseId);
    this.backoffMs = o.intervalMs ?? 5000;
  }

  get name(): string {
    return this.o.connector.name;
  }

  // One round now; a round already under way is awaited rather than doubled.
  round(): Promise<RoundResult> {
    this.running ??= this.runRound().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  // Rounds until stop(), each after the last.
  start(): void {
    const interval = this.o.intervalMs ?? 5000;
    const next = (ms: number) => {
      if (this.stopped) return;
      this.timer = setTimeout(() => {
        this.round().then(
          (r) => {
            this.backoffMs = 'unreachable' in r ? Math.min(this.backoffMs * 2, 60_000) : interval;
            next(this.backoffMs);
          },
          () => next(Math.min((this.backoffMs *= 2), 60_000)),
        );
      }, ms);
      this.timer.unref?.();
    };
    next(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    await this.lock.release();
  }

  async state(): Promise<(ConnectorState & { lag: number }) | null> {
    const state = await readConnectorState(this.o.db, this.name);
    if (!state) return null;
    const at = this.decode(state.checkpoint);
    return { ...state, lag: await eventsBehind(this.o.db, at.txid, at.pos) };
  }

  private decode(checkpoint: string | null): StreamPosition {
    if (!checkpoint) return STREAM_START;
    const decoded = decodeCheckpoint(checkpoint);
    if (!decoded.ok || decoded.value.databaseId !== this.o.databaseId) return STREAM_START;
    return decoded.value;
  }

  private async runRound(): Promise<RoundResult> {
    const { db, connector } = this.o;
    if (!(await this.lock.hold())) return { ran: false, why: 'not-lock-holder' };
    await ensureConnectorState(db, connector.name, this.o.stockOwner);
    const now = () => this.o.clock.now().toISOString();
    try {
      await this.tellDevicesTheStockOwner();
      const exported = await this.exportPending();
      const imported = await this.importChanges();
      await updateConnectorState(db, connector.name, {
        connected: true,
        last_error: null,
        last_error_at: null,
      });
      this.lastReported = null;
      return { ran: true, ...exported, ...imported };
    } catch (error) {
      const message = (error as Error).message.slice(0, 1000);
      if (message !== this.lastReported) this.o.report?.(`${connector.name}: ${message}`);
      this.lastReported = message;
      await updateConnectorState(db, connector.name, {
        connected: !(error instanceof OmsUnreachable),
        last_error: message,
        last_error_at: now(),
      });
      if (error instanceof OmsUnreachable) return { ran: true, unreachable: message };
      throw error;
    }
  }

  // Every accepted event after the checkpoint, in the feed's order. The checkpoint moves after
  // each event is in the OMS (or refused there, and that refusal logged).
  private async exportPending(): Promise<{ exported: number; refused: number }> {
    const { db, connector } = this.o;
    const state = await readConnectorState(db, connector.name);
    let at = this.decode(state?.checkpoint ?? null);
    // A restored database does not hold the position: export from the start again (each export
    // is looked up in the OMS first, so nothing is posted twice).
    if (!(await holdsPosition(db, at))) at = STREAM_START;
    let exported = 0;
    let refused = 0;
    for (;;) {
      const page = await readChanges(db, at, FEED_PAGE, null, 'event');
      for (const change of page.changes) {
        const event = change.row as EventRecord;
        const entry = await entryFor(db, event, change.txid);
        await this.sendStockLevels(entry, change.at, true);
        const outcome =
          event.type === 'oms.export-refused'
            ? { kind: 'skipped' as const }
            : await connector.exportEntry(entry);
        // Found already posted (an earlier run stopped before its checkpoint): the OMS took its
        // units then, so the figure just sent counted them twice; send it without them.
        if (outcome.kind === 'done' && !outcome.posted)
          await this.sendStockLevels(entry, change.at, false);
        if (outcome.kind === 'refused') {
          refused += 1;
          await this.record('oms.export-refused', {
            connector: connector.name,
            eventId: event.id,
            eventType: event.type,
            orderId: outcome.orderId,
            code: outcome.code.slice(0, 100),
            message: outcome.message.slice(0, 1000),
          });
        }
        if (outcome.kind === 'done') exported += 1;
        at = change.at;
        // After each event carried over; skipped ones move it at the page's end (a crash then
        // looks at them again, which costs a look and posts nothing).
        if (outcome.kind !== 'skipped') await this.saveCheckpoint(at, true);
      }
      if (page.changes.length > 0) await this.saveCheckpoint(at, false);
      if (!page.hasMore) return { exported, refused };
    }
  }

  private saveCheckpoint(at: StreamPosition, exported: boolean): Promise<void> {
    return updateConnectorState(this.o.db, this.o.connector.name, {
      checkpoint: encodeCheckpoint({ databaseId: this.o.databaseId, ...at }),
      ...(exported ? { last_export_at: this.o.clock.now().toISOString() } : {}),
    });
  }

  // Fillwave owns the stock: what the event moved goes to the OMS first, so the OMS has the
  // units a shipment takes (Vendure refuses a fulfillment beyond its own figure).
  private async sendStockLevels(
    entry: FeedEntry,
    at: StreamPosition,
    includingIt: boolean,
  ): Promise<void> {
    const { connector, db } = this.o;
    if (this.o.stockOwner !== 'fillwave' || !connector.setStockLevels) return;
    const shipped = entry.shipment?.lines.map((l) => l.backorderLineId) ?? [];
    const shipmentSkus =
      shipped.length === 0
        ? []
        : (
            await db.query<{ sku_id: string }>(
              'SELECT DISTINCT sku_id FROM backorder_lines WHERE id = ANY($1::text[])',
              [shipped],
            )
          ).map((r) => r.sku_id);
    const levels = await stockLevels(db, skusMoved(entry.event, shipmentSkus), at, includingIt);
    if (levels.length > 0) await connector.setStockLevels(levels);
  }

  // What the OMS says now, as server events: SKUs, new lines, and cancellations (the customer
  // wants fewer units than Fillwave holds). Runs after the exports caught up, so the OMS has heard
  // of every shipment before its figures are compared.
  private async importChanges(): Promise<{
    imported: number;
    cancelled: number;
    followed: number;
  }> {
    const { db, connector } = this.o;
    const state = await readConnectorState(db, connector.name);
    const batch: OmsImport = await connector.importChanges(state?.importCursor ?? null);
    const lineIds = [
      ...new Set([...batch.lines.map((l) => l.id), ...batch.wanted.map((o) => o.backorderLineId)]),
    ];
    // What Fillwave holds the customer still wants of each line: ordered less cancelled.
    const known = new Map(
      (
        await db.query<{ id: string; wanted: number }>(
          `SELECT id, qty_ordered - qty_cancelled AS wanted
             FROM backorder_lines WHERE id = ANY($1::text[])`,
          [lineIds],
        )
      ).map((r) => [r.id, r.wanted]),
    );
    // Each new line once, however often the OMS's answer named it.
    const fresh = [
      ...new Map(batch.lines.filter((l) => !known.has(l.id)).map((l) => [l.id, l])).values(),
    ];
    const skuIds = new Set(fresh.map((l) => l.skuId));
    const skus = batch.skus.filter((s) => skuIds.has(s.id));
    for (const part of chunks(skus)) await this.recordOrThrow('oms.skus-defined', { skus: part });
    for (const part of chunks(fresh))
      await this.recordOrThrow('oms.backorder-lines-added', { lines: part });
    let cancelled = 0;
    for (const o of batch.wanted) {
      const ours = known.get(o.backorderLineId);
      if (ours === undefined || o.qty >= ours) continue;
      const payload = { backorderLineId: o.backorderLineId, reason: o.reason, qty: ours - o.qty };
      const outcome = await this.record('oms.backorder-line-cancelled', payload);
      if (outcome.ok) cancelled += 1;
      else if (SHIPPED_CODES.has(outcome.code))
        await this.record('oms.cancellation-refused', {
          ...payload,
          reason: outcome.message.slice(0, 500),
        });
    }
    await this.recordExpectedReceipts(batch.expectedReceipts ?? []);
    const followed = await this.followOmsStock();
    await updateConnectorState(db, connector.name, {
      import_cursor: batch.cursor,
      last_import_at: this.o.clock.now().toISOString(),
    });
    return { imported: fresh.length, cancelled, followed };
  }

  // Each expected delivery the OMS changed, unless Fillwave already holds it as the OMS says (a
  // read repeated after a crash adds nothing to the log). One for a SKU Fillwave does not know is
  // refused by its rule and passed over.
  private async recordExpectedReceipts(receipts: readonly ExpectedReceipt[]): Promise<void> {
    if (receipts.length === 0) return;
    const held = new Map(
      (
        await this.o.db.query<{ id: string; sku_id: string; qty: number; expected_at: string }>(
          `SELECT id, sku_id, qty, to_jsonb(expected_at) #>> '{}' AS expected_at
             FROM expected_receipts WHERE id = ANY($1::text[])`,
          [receipts.map((r) => r.id)],
        )
      ).map((r) => [r.id, r]),
    );
    for (const r of receipts) {
      const ours = held.get(r.id);
      const same =
        ours &&
        ours.sku_id === r.skuId &&
        ours.qty === r.qty &&
        Date.parse(ours.expected_at) === Date.parse(r.expectedAt);
      if (!same) await this.record('oms.expected-receipt-recorded', r);
    }
  }

  // Who keeps the stock figures goes into the floor settings devices pull (as a logged event, so
  // replay rebuilds it): with the OMS, a device refuses receipts and counts in words.
  private async tellDevicesTheStockOwner(): Promise<void> {
    const { stockOwner, connector } = this.o;
    const [row] = await this.o.db.query<{ stock_owner: string; oms_name: string | null }>(
      'SELECT stock_owner, oms_name FROM floor_settings WHERE id = $1',
      [FLOOR_SETTINGS_ID],
    );
    const omsName =
      stockOwner === 'oms'
        ? connector.name.charAt(0).toUpperCase() + connector.name.slice(1)
        : null;
    if ((row?.stock_owner ?? 'fillwave') === stockOwner && (row?.oms_name ?? null) === omsName)
      return;
    await this.recordOrThrow('oms.stock-owner-set', { stockOwner, omsName });
  }

  // The OMS owns the stock: each SKU's bins follow its figure (shared/stock/follow-oms.ts). The
  // OMS's figure is compared with what Fillwave holds as the OMS counts, shipments it has not been
  // told of included, and the difference lands on the SKU's home bin as a logged event.
  private async followOmsStock(): Promise<number> {
    const { db, connector } = this.o;
    if (this.o.stockOwner !== 'oms' || !connector.readStockLevels) return 0;
    const skuIds = (await db.query<{ id: string }>('SELECT id FROM skus ORDER BY id')).map(
      (r) => r.id,
    );
    if (skuIds.length === 0) return 0;
    const theirs = await connector.readStockLevels(skuIds);
    const state = await readConnectorState(db, connector.name);
    const at = this.decode(state?.checkpoint ?? null);
    const ours = new Map(
      (
        await stockLevels(
          db,
          theirs.map((l) => l.skuId),
          at,
          false,
        )
      ).map((l) => [l.skuId, l.onHand]),
    );
    // SKUs found short at a bin flagged for a count (shared/stock/follow-oms.ts foundShortAt):
    // the OMS's figure answers the count.
    const waiting = new Set(
      (
        await db.query<{ sku_id: string }>(
          `SELECT DISTINCT s.sku_id FROM stock s JOIN locations l ON l.id = s.location_id
            WHERE l.count_required AND s.on_hand = 0 AND s.sku_id = ANY($1::text[])`,
          [theirs.map((l) => l.skuId)],
        )
      ).map((r) => r.sku_id),
    );
    const moves = theirs.filter(
      (l) => ours.has(l.skuId) && (ours.get(l.skuId) !== l.onHand || waiting.has(l.skuId)),
    );
    if (moves.length === 0) return 0;
    const locations = await db.query<{ id: string; count_required: boolean }>(
      'SELECT id, count_required FROM locations',
    );
    const flagged = new Set(locations.filter((l) => l.count_required).map((l) => l.id));
    const receiving = receivingLocationOf(
      locations.map((l) => l.id),
      flagged,
    );
    if (!receiving) return 0;
    const bins = await db.query<{
      skuId: string;
      locationId: string;
      onHand: number;
      reserved: number;
    }>(
      `SELECT sku_id AS "skuId", location_id AS "locationId", on_hand AS "onHand", reserved
         FROM stock WHERE sku_id = ANY($1::text[])`,
      [moves.map((m) => m.skuId)],
    );
    let followed = 0;
    for (const m of moves) {
      const own = bins.filter((b) => b.skuId === m.skuId);
      const change = m.onHand - ours.get(m.skuId)!;
      const locationId = homeOf(own, receiving, flagged);
      // Units the OMS lacks that are at packing or shipped untold: nothing a bin can give up.
      const movesBins = followPlan(own, change, locationId).bins.length > 0;
      if (followStep(change, waiting.has(m.skuId), movesBins) !== 'follow') continue;
      await this.recordOrThrow('oms.stock-level-followed', {
        skuId: m.skuId,
        omsOnHand: m.onHand,
        change,
        locationId,
      });
      followed += 1;
    }
    return followed;
  }

  private record(type: string, payload: unknown) {
    return recordServerEvent(this.o.db, this.o.registry, this.o.clock, type, payload);
  }

  private async recordOrThrow(type: string, payload: unknown): Promise<void> {
    const outcome = await this.record(type, payload);
    if (!outcome.ok) throw new Error(`${type} was refused: ${outcome.message}`);
  }
}
