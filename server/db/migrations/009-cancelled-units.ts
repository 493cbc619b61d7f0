// A customer may cancel part of a line: lines count cancelled units (shared/rules/
// line-quantities.ts), and every backordered unit is in one bucket:
//   qty_backordered = qty_shipped + qty_cancelled + open + to pick + to ship.
// Lines cancelled before kept their picked count (the units went back by return instruction):
// those units now count as cancelled, and the status follows the derivation (shipped when part of
// the line had shipped).
export const sql = /* sql */ `
ALTER TABLE backorder_lines ADD COLUMN qty_cancelled int NOT NULL DEFAULT 0 CHECK (qty_cancelled >= 0);
UPDATE backorder_lines
   SET qty_cancelled = qty_backordered - qty_shipped,
       qty_picked = qty_shipped,
       qty_allocated = qty_shipped,
       status = CASE WHEN qty_shipped > 0 THEN 'shipped' ELSE 'cancelled' END
 WHERE status = 'cancelled';
ALTER TABLE backorder_lines ADD CONSTRAINT backorder_lines_units_in_buckets
  CHECK (qty_allocated + qty_cancelled <= qty_backordered);
CREATE INDEX picks_line ON picks (backorder_line_id);
-- The feed reads an order's shipments (server/sync/feed-entry.ts).
CREATE INDEX shipments_order ON shipments (order_id);
`;
