import type { Sku } from '../../shared/domain/sku';
import type { z } from 'zod';
import type {
  ExpectedReceiptRecordedSchema,
  NewBackorderLineSchema,
} from '../../shared/sync-api/events/oms';
import type { FeedEntry } from '../../shared/sync-api/feed';
import type { StockLevel } from './stock-levels';

// The seam every OMS connector plugs into (docs/oms.md). The runner (runner.ts) owns the order of
// work, the checkpoint, the lock and the log; a connector only speaks to its OMS.

export type NewBackorderLine = z.infer<typeof NewBackorderLineSchema>;

// What the OMS says now, from one read of it. Imports become server events (oms.*), so replaying
// the log rebuilds what they did.
export interface OmsImport {
  // SKUs the lines below need (upserted: sending one again updates it).
  skus: Sku[];
  // Lines the OMS owes units on; the runner adds those Fillwave does not hold yet.
  lines: NewBackorderLine[];
  // Units of each line the customer still wants, shipped or not (ordered less cancelled, as the
  // OMS counts now). Fewer than Fillwave's ordered less cancelled means the customer cancelled the
  // difference: the runner records the cancellation and the shared rule decides (units that
  // shipped cannot be: that refusal goes back to the OMS as oms.cancellation-refused).
  wanted: { backorderLineId: string; qty: number; reason: string }[];
  // Deliveries the OMS expects (purchase orders, advance shipping notices), where it has them:
  // a lead's Receive screen offers them. Like the lines, only those that changed since `cursor`:
  // the OMS's figure replaces what Fillwave holds (a receipt here lowers it, so an unchanged one
  // sent every round would undo the receiving). An OMS without them leaves this out.
  expectedReceipts?: ExpectedReceipt[];
  // The OMS's position after this read (its own format, opaque to the runner): the next import
  // starts there once these are recorded.
  cursor: string | null;
}

export type ExpectedReceipt = z.infer<typeof ExpectedReceiptRecordedSchema>;

// What became of one exported event.
export type ExportOutcome =
  // Posted now, or found already in the OMS (an earlier run posted it and stopped before moving
  // the checkpoint): either way it is there once.
  | { kind: 'done'; posted: boolean }
  // Nothing to carry over for this event (another type, another OMS's order).
  | { kind: 'skipped' }
  // The OMS refused it, in its words: logged for the lead (oms.export-refused) and passed over.
  | { kind: 'refused'; code: string; message: string; orderId: string | null };

// An OMS that cannot be reached, or answers 5xx: the runner stops the round, keeps its
// checkpoint, and tries again later, so nothing is skipped and order holds.
export class OmsUnreachable extends Error {}

export interface OmsConnector {
  // A short name: the state row's id and the `connector` of the events it logs.
  readonly name: string;
  // Reads what changed in the OMS since `cursor` (null: from the start).
  importChanges(cursor: string | null): Promise<OmsImport>;
  // Carries one feed entry over to the OMS, idempotently: before posting, it looks the entry's
  // Fillwave event or shipment id up in the OMS. Throws OmsUnreachable to be retried.
  exportEntry(entry: FeedEntry): Promise<ExportOutcome>;
  // When Fillwave owns the stock: sets the OMS's on-hand figure of these SKUs (absolute, so a
  // repeat changes nothing), before the event that moved them is exported. Optional: an OMS
  // without stock figures has none to set.
  setStockLevels?(levels: StockLevel[]): Promise<void>;
  // When the OMS owns the stock: its on-hand figure of each of these SKUs it knows (SKUs it does
  // not know are left out). Fillwave's bins follow them (shared/stock/follow-oms.ts).
  readStockLevels?(skuIds: readonly string[]): Promise<StockLevel[]>;
}

// Who owns a site's stock figures (oms_connector_state.stock_owner): with 'oms', receipts and
// counts follow the OMS; with 'fillwave', they are the warehouse's and go to the OMS.
export type StockOwner = 'oms' | 'fillwave';
