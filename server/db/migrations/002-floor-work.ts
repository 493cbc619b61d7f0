// Totes, picks, shipments, expected receipts and return instructions: the state the floor's
// events (picks, shipments, cancellations) leave behind. And the line-by-line refusals of an
// event that was accepted in part (an allocation whose stock went elsewhere for some lines).
export const sql = /* sql */ `
ALTER TABLE events ADD COLUMN details jsonb;

CREATE TABLE totes (
  id text PRIMARY KEY,
  tour_id text NOT NULL REFERENCES tours (id),
  tote_code text NOT NULL,
  slot int NOT NULL,
  order_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('picking', 'dropped', 'shipped')),
  pack_station text,
  UNIQUE (tour_id, slot)
);

CREATE TABLE picks (
  id text PRIMARY KEY,
  pick_task_id text NOT NULL REFERENCES pick_tasks (id),
  tour_id text NOT NULL REFERENCES tours (id),
  backorder_line_id text NOT NULL REFERENCES backorder_lines (id),
  location_id text NOT NULL REFERENCES locations (id),
  sku_id text NOT NULL REFERENCES skus (id),
  tote_code text NOT NULL,
  qty int NOT NULL CHECK (qty > 0),
  lot text,
  serial text,
  expiry date,
  picked_by text NOT NULL,
  picked_at timestamptz NOT NULL,
  undone boolean NOT NULL DEFAULT false
);
CREATE INDEX picks_tour ON picks (tour_id);

CREATE TABLE shipments (
  id text PRIMARY KEY,
  order_id text NOT NULL,
  carrier text NOT NULL,
  service text NOT NULL,
  tracking_number text NOT NULL,
  weight_kg numeric NOT NULL,
  parcels int NOT NULL,
  shipped_at timestamptz NOT NULL,
  shipped_by text NOT NULL,
  lines jsonb NOT NULL
);

CREATE TABLE expected_receipts (
  id text PRIMARY KEY,
  sku_id text NOT NULL REFERENCES skus (id),
  qty int NOT NULL CHECK (qty > 0),
  expected_at timestamptz NOT NULL
);

CREATE TABLE return_instructions (
  id text PRIMARY KEY,
  backorder_line_id text NOT NULL REFERENCES backorder_lines (id),
  location_id text NOT NULL REFERENCES locations (id),
  sku_id text NOT NULL REFERENCES skus (id),
  qty int NOT NULL CHECK (qty > 0),
  status text NOT NULL CHECK (status IN ('open', 'done'))
);

CREATE TRIGGER totes_change AFTER INSERT OR UPDATE OR DELETE ON totes FOR EACH ROW EXECUTE FUNCTION record_change('tote');
CREATE TRIGGER picks_change AFTER INSERT OR UPDATE OR DELETE ON picks FOR EACH ROW EXECUTE FUNCTION record_change('pick');
CREATE TRIGGER shipments_change AFTER INSERT OR UPDATE OR DELETE ON shipments FOR EACH ROW EXECUTE FUNCTION record_change('shipment');
CREATE TRIGGER expected_receipts_change AFTER INSERT OR UPDATE OR DELETE ON expected_receipts FOR EACH ROW EXECUTE FUNCTION record_change('expectedReceipt');
CREATE TRIGGER return_instructions_change AFTER INSERT OR UPDATE OR DELETE ON return_instructions FOR EACH ROW EXECUTE FUNCTION record_change('returnInstruction');
`;
