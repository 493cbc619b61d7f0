import {
  BackorderLineCancelledSchema,
  CancellationRefusedSchema,
  ExpectedReceiptRecordedSchema,
  OmsExportRefusedSchema,
} from '../../shared/sync-api/events/oms';
import { accepted, defineEventType, rejected } from '../events/registry';
import { cancelLineUnits } from '../../shared/event-rules/cancellation';
import { runRule } from './run-rule';
import { cancelReads } from './rule-reads';

// The customer cancelled all or part of a line: the shared rule decides, over locked rows, as a
// device event's rule does (shared/event-rules/cancellation.ts).
export const backorderLineCancelled = defineEventType({
  type: 'oms.backorder-line-cancelled',
  from: ['server', 'admin'],
  payload: BackorderLineCancelledSchema,
  apply: (tx, payload, event) =>
    runRule(
      tx,
      { apply: (d, p, ctx) => cancelLineUnits(d, p as never, ctx) },
      payload,
      event,
      cancelReads,
    ),
});

// The OMS asked to cancel a line that has shipped: logged so the feed tells the OMS it cannot.
export const cancellationRefused = defineEventType({
  type: 'oms.cancellation-refused',
  from: ['server', 'admin'],
  payload: CancellationRefusedSchema,
  apply: async () => accepted,
});

export const expectedReceiptRecorded = defineEventType({
  type: 'oms.expected-receipt-recorded',
  from: ['server', 'admin'],
  payload: ExpectedReceiptRecordedSchema,
  apply: async (tx, r) => {
    const [sku] = await tx.query('SELECT 1 FROM skus WHERE id = $1', [r.skuId]);
    if (!sku) return rejected('unknown-sku', `There is no SKU ${r.skuId}.`);
    await tx.query(
      `INSERT INTO expected_receipts (id, sku_id, qty, expected_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET sku_id = EXCLUDED.sku_id, qty = EXCLUDED.qty, expected_at = EXCLUDED.expected_at`,
      [r.id, r.skuId, r.qty, r.expectedAt],
    );
    return accepted;
  },
});

// The OMS refused an event the connector carried over: nothing changes here; the log keeps it so
// devices pull it (a lead's Sync problems shows it) and replay sees it.
export const omsExportRefused = defineEventType({
  type: 'oms.export-refused',
  from: ['server'],
  payload: OmsExportRefusedSchema,
  apply: async () => accepted,
});
