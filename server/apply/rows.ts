import type { BackorderLine } from '../../shared/domain/backorder-line';
import type { Queryable } from '../db/db';

// Row access for the server-made (OMS) events; device events run their shared rule
// (run-rule.ts). Every read that a decision rests on takes the row
// lock (FOR UPDATE), so two instances deciding at once see each other's result.

export interface LineRow {
  id: string;
  order_id: string;
  sku_id: string;
  ship_complete: boolean;
  ordered_at: string;
  qty_backordered: number;
  qty_allocated: number;
  qty_picked: number;
  qty_short: number;
  qty_shipped: number;
  status: BackorderLine['status'];
}

export const lockLine = async (tx: Queryable, id: string): Promise<LineRow | null> =>
  (
    await tx.query<LineRow>(
      `SELECT id, order_id, sku_id, ship_complete, to_jsonb(ordered_at) #>> '{}' AS ordered_at, qty_backordered,
              qty_allocated, qty_picked, qty_short, qty_shipped, status
         FROM backorder_lines WHERE id = $1 FOR UPDATE`,
      [id],
    )
  )[0] ?? null;

// Releases reservations (stock held for lines) and takes the quantity off their lines'
// allocation; open pick tasks that drew on them are cancelled. Returns the lines touched.
export const releaseReservations = async (
  tx: Queryable,
  where: { lineId?: string; locationId?: string; skuId?: string },
): Promise<string[]> => {
  const rows = await tx.query<{
    id: string;
    backorder_line_id: string;
    location_id: string;
    sku_id: string;
    qty: number;
    wave_id: string | null;
  }>(
    `SELECT id, backorder_line_id, location_id, sku_id, qty, wave_id FROM reservations
      WHERE ($1::text IS NULL OR backorder_line_id = $1) AND ($2::text IS NULL OR location_id = $2)
        AND ($3::text IS NULL OR sku_id = $3)
      ORDER BY id FOR UPDATE`,
    [where.lineId ?? null, where.locationId ?? null, where.skuId ?? null],
  );
  for (const r of rows) {
    await tx.query('UPDATE stock SET reserved = reserved - $2 WHERE id = $1', [
      `${r.location_id}|${r.sku_id}`,
      r.qty,
    ]);
    await tx.query('UPDATE backorder_lines SET qty_allocated = qty_allocated - $2 WHERE id = $1', [
      r.backorder_line_id,
      r.qty,
    ]);
    await tx.query('DELETE FROM reservations WHERE id = $1', [r.id]);
    if (r.wave_id) {
      await tx.query(
        `UPDATE pick_tasks SET status = 'cancelled'
          WHERE backorder_line_id = $1 AND location_id = $2 AND wave_id = $3 AND status = 'open'`,
        [r.backorder_line_id, r.location_id, r.wave_id],
      );
    }
  }
  return rows.map((r) => r.backorder_line_id);
};
