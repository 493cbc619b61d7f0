import {
  BackorderLineCancelledSchema,
  ExpectedReceiptRecordedSchema,
} from '../../shared/sync-api/events/oms';
import { accepted, defineEventType, rejected } from '../events/registry';
import { lockLine, releaseReservations } from './rows';

// The customer cancelled: reservations are released and unpicked tasks dropped; what was already
// picked gets a return-to-stock instruction naming the location it came from.
export const backorderLineCancelled = defineEventType({
  type: 'oms.backorder-line-cancelled',
  from: ['server', 'admin'],
  payload: BackorderLineCancelledSchema,
  apply: async (tx, { backorderLineId }, event) => {
    const line = await lockLine(tx, backorderLineId);
    if (!line) return rejected('unknown-line', `There is no backorder line ${backorderLineId}.`);
    if (line.status === 'cancelled')
      return rejected('line-cancelled', `Backorder line ${backorderLineId} is already cancelled.`);
    if (line.qty_shipped >= line.qty_backordered)
      return rejected('line-shipped', `Backorder line ${backorderLineId} has shipped.`);
    await releaseReservations(tx, { lineId: backorderLineId });
    await tx.query(
      "UPDATE pick_tasks SET status = 'cancelled' WHERE backorder_line_id = $1 AND status = 'open'",
      [backorderLineId],
    );
    let toReturn = line.qty_picked - line.qty_shipped;
    if (toReturn > 0) {
      const sources = await tx.query<{ location_id: string; sku_id: string; qty: number }>(
        `SELECT location_id, sku_id, sum(qty)::int AS qty FROM picks
          WHERE backorder_line_id = $1 AND NOT undone GROUP BY location_id, sku_id ORDER BY location_id`,
        [backorderLineId],
      );
      for (const s of sources) {
        const qty = Math.min(s.qty, toReturn);
        if (qty <= 0) break;
        await tx.query(
          "INSERT INTO return_instructions (id, backorder_line_id, location_id, sku_id, qty, status) VALUES ($1, $2, $3, $4, $5, 'open')",
          [`${event.id}:${s.location_id}`, backorderLineId, s.location_id, s.sku_id, qty],
        );
        toReturn -= qty;
      }
    }
    await tx.query("UPDATE backorder_lines SET status = 'cancelled' WHERE id = $1", [
      backorderLineId,
    ]);
    return accepted;
  },
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
