import type { BackorderLine } from '../../shared/domain/backorder-line';
import { lineStatus } from '../../shared/rules/line-status';
import type { Queryable } from '../db/db';

// Row access shared by the apply functions. Every read that a decision rests on takes the row
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

// Sets each line's status from its quantities (shared/rules/line-status.ts), after a change.
export const refreshLineStatus = async (tx: Queryable, ids: Iterable<string>): Promise<void> => {
  for (const id of [...new Set(ids)].sort()) {
    const [row] = await tx.query<LineRow & { in_wave: boolean }>(
      `SELECT b.status, b.qty_backordered, b.qty_allocated, b.qty_picked, b.qty_shipped,
              EXISTS (SELECT 1 FROM reservations r JOIN waves w ON w.id = r.wave_id
                       WHERE r.backorder_line_id = b.id AND w.status IN ('released', 'picking')) AS in_wave
         FROM backorder_lines b WHERE b.id = $1`,
      [id],
    );
    if (!row) continue;
    const next = lineStatus(
      {
        status: row.status,
        qtyBackordered: row.qty_backordered,
        qtyAllocated: row.qty_allocated,
        qtyPicked: row.qty_picked,
        qtyShipped: row.qty_shipped,
      },
      row.in_wave,
    );
    if (next !== row.status)
      await tx.query('UPDATE backorder_lines SET status = $2 WHERE id = $1', [id, next]);
  }
};

export const operatorName = async (tx: Queryable, id: string | null): Promise<string> => {
  if (!id) return 'someone';
  const [op] = await tx.query<{ name: string }>('SELECT name FROM operators WHERE id = $1', [id]);
  return op?.name ?? id;
};

export interface TourRow {
  id: string;
  wave_id: string;
  status: string;
  picker_id: string | null;
}

export const lockTour = async (tx: Queryable, id: string): Promise<TourRow | null> =>
  (
    await tx.query<TourRow>(
      'SELECT id, wave_id, status, picker_id FROM tours WHERE id = $1 FOR UPDATE',
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
