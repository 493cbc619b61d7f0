// The first schema: infrastructure (meta, devices, epochs, the event log, the change stream)
// and the state that pulls carry. Every state table has a text id and a trigger that writes
// each new row version (or a tombstone) to the change stream.
export const sql = /* sql */ `
CREATE TABLE server_meta (key text PRIMARY KEY, value text NOT NULL);
INSERT INTO server_meta (key, value) VALUES ('database_id', gen_random_uuid()::text);

CREATE TABLE devices (
  id text PRIMARY KEY,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);

CREATE TABLE device_epochs (
  epoch uuid PRIMARY KEY,
  device_id text NOT NULL REFERENCES devices (id),
  issued_at timestamptz NOT NULL,
  next_seq bigint NOT NULL DEFAULT 1
);
CREATE INDEX device_epochs_device ON device_epochs (device_id);

-- Append-only. Replaying the accepted rows in log_id order rebuilds every state table.
CREATE TABLE events (
  log_id bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  source text NOT NULL CHECK (source IN ('device', 'server')),
  device_id text,
  epoch uuid,
  seq bigint,
  operator_id text,
  type text NOT NULL,
  payload jsonb NOT NULL,
  at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  content_hash text NOT NULL,
  status text NOT NULL CHECK (status IN ('accepted', 'rejected')),
  code text,
  message text,
  CHECK ((source = 'device') = (device_id IS NOT NULL AND epoch IS NOT NULL AND seq IS NOT NULL))
);
CREATE UNIQUE INDEX events_epoch_seq ON events (epoch, seq) WHERE epoch IS NOT NULL;

CREATE FUNCTION refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the event log is append-only: % of event % refused', TG_OP, OLD.id;
END $$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION refuse_event_change();

-- The change stream. Read in (txid, pos) order and only below the oldest transaction still in
-- flight, so a transaction that commits late can never be skipped (docs/sync-api.md).
CREATE TABLE changes (
  pos bigserial PRIMARY KEY,
  txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  entity text NOT NULL,
  id text NOT NULL,
  row jsonb
);
CREATE INDEX changes_stream ON changes (txid, pos);

CREATE FUNCTION record_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO changes (entity, id, row) VALUES (TG_ARGV[0], OLD.id, NULL);
    RETURN OLD;
  END IF;
  INSERT INTO changes (entity, id, row) VALUES (TG_ARGV[0], NEW.id, to_jsonb(NEW));
  RETURN NEW;
END $$;

CREATE TABLE skus (
  id text PRIMARY KEY,
  sku text NOT NULL UNIQUE,
  description text NOT NULL,
  unit text NOT NULL,
  weight_kg numeric NOT NULL CHECK (weight_kg >= 0),
  volume_l numeric NOT NULL CHECK (volume_l >= 0),
  barcodes jsonb NOT NULL
);

CREATE TABLE warehouse_layouts (
  id text PRIMARY KEY,
  name text NOT NULL,
  aisle_count int NOT NULL CHECK (aisle_count > 0),
  aisle_length_m numeric NOT NULL,
  aisle_spacing_m numeric NOT NULL,
  cross_aisles_m jsonb NOT NULL,
  depot_aisle int NOT NULL,
  depot_cross_aisle_m numeric NOT NULL
);

CREATE TABLE locations (
  id text PRIMARY KEY,
  code text NOT NULL UNIQUE,
  zone text NOT NULL,
  aisle int NOT NULL,
  position_m numeric NOT NULL,
  level int NOT NULL,
  side text NOT NULL CHECK (side IN ('left', 'right')),
  count_required boolean NOT NULL DEFAULT false
);

CREATE TABLE stock (
  id text PRIMARY KEY,
  location_id text NOT NULL REFERENCES locations (id),
  sku_id text NOT NULL REFERENCES skus (id),
  on_hand int NOT NULL CHECK (on_hand >= 0),
  reserved int NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= on_hand),
  UNIQUE (location_id, sku_id)
);
CREATE INDEX stock_sku ON stock (sku_id);

CREATE TABLE backorder_lines (
  id text PRIMARY KEY,
  order_id text NOT NULL,
  line_no int NOT NULL,
  sku_id text NOT NULL REFERENCES skus (id),
  customer_id text NOT NULL,
  customer_tier int NOT NULL,
  ordered_at timestamptz NOT NULL,
  promised_by timestamptz NOT NULL,
  ship_complete boolean NOT NULL,
  carrier text,
  cutoff_at timestamptz,
  qty_ordered int NOT NULL CHECK (qty_ordered >= 0),
  qty_backordered int NOT NULL CHECK (qty_backordered >= 0 AND qty_backordered <= qty_ordered),
  qty_allocated int NOT NULL DEFAULT 0 CHECK (qty_allocated >= 0 AND qty_allocated <= qty_backordered),
  qty_picked int NOT NULL DEFAULT 0 CHECK (qty_picked >= 0 AND qty_picked <= qty_allocated),
  qty_short int NOT NULL DEFAULT 0 CHECK (qty_short >= 0),
  qty_shipped int NOT NULL DEFAULT 0 CHECK (qty_shipped >= 0 AND qty_shipped <= qty_picked),
  status text NOT NULL CHECK (status IN ('open', 'held', 'allocated', 'in_wave', 'picked', 'packed', 'shipped', 'cancelled')),
  UNIQUE (order_id, line_no)
);
CREATE INDEX backorder_lines_sku ON backorder_lines (sku_id);
CREATE INDEX backorder_lines_status ON backorder_lines (status);

CREATE TABLE waves (
  id text PRIMARY KEY,
  name text NOT NULL,
  status text NOT NULL CHECK (status IN ('released', 'picking', 'done', 'cancelled')),
  released_at timestamptz NOT NULL,
  released_by text
);

CREATE TABLE tours (
  id text PRIMARY KEY,
  wave_id text NOT NULL REFERENCES waves (id),
  sequence int NOT NULL,
  status text NOT NULL CHECK (status IN ('released', 'assigned', 'claimed', 'picking', 'completed', 'dropped', 'cancelled')),
  picker_id text,
  route_length_m numeric NOT NULL
);

CREATE TABLE pick_tasks (
  id text PRIMARY KEY,
  tour_id text NOT NULL REFERENCES tours (id),
  wave_id text NOT NULL REFERENCES waves (id),
  backorder_line_id text NOT NULL REFERENCES backorder_lines (id),
  order_id text NOT NULL,
  location_id text NOT NULL REFERENCES locations (id),
  sku_id text NOT NULL REFERENCES skus (id),
  qty int NOT NULL CHECK (qty > 0),
  sequence int NOT NULL,
  tote_slot int NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'picked', 'short', 'cancelled')),
  picked_qty int NOT NULL DEFAULT 0 CHECK (picked_qty >= 0),
  short_qty int NOT NULL DEFAULT 0 CHECK (short_qty >= 0)
);
CREATE INDEX pick_tasks_tour ON pick_tasks (tour_id);

CREATE TABLE reservations (
  id text PRIMARY KEY,
  backorder_line_id text NOT NULL REFERENCES backorder_lines (id),
  location_id text NOT NULL REFERENCES locations (id),
  sku_id text NOT NULL REFERENCES skus (id),
  qty int NOT NULL CHECK (qty > 0),
  wave_id text REFERENCES waves (id)
);
CREATE INDEX reservations_line ON reservations (backorder_line_id);

CREATE TABLE operators (
  id text PRIMARY KEY,
  badge text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('picker', 'lead', 'packer')),
  active boolean NOT NULL DEFAULT true
);

CREATE TABLE daily_order_counts (
  id date PRIMARY KEY,
  orders_placed int NOT NULL CHECK (orders_placed >= 0),
  lines_placed int NOT NULL CHECK (lines_placed >= 0),
  lines_backordered int NOT NULL CHECK (lines_backordered >= 0)
);

CREATE TRIGGER skus_change AFTER INSERT OR UPDATE OR DELETE ON skus FOR EACH ROW EXECUTE FUNCTION record_change('sku');
CREATE TRIGGER warehouse_layouts_change AFTER INSERT OR UPDATE OR DELETE ON warehouse_layouts FOR EACH ROW EXECUTE FUNCTION record_change('warehouseLayout');
CREATE TRIGGER locations_change AFTER INSERT OR UPDATE OR DELETE ON locations FOR EACH ROW EXECUTE FUNCTION record_change('location');
CREATE TRIGGER stock_change AFTER INSERT OR UPDATE OR DELETE ON stock FOR EACH ROW EXECUTE FUNCTION record_change('stock');
CREATE TRIGGER backorder_lines_change AFTER INSERT OR UPDATE OR DELETE ON backorder_lines FOR EACH ROW EXECUTE FUNCTION record_change('backorderLine');
CREATE TRIGGER waves_change AFTER INSERT OR UPDATE OR DELETE ON waves FOR EACH ROW EXECUTE FUNCTION record_change('wave');
CREATE TRIGGER tours_change AFTER INSERT OR UPDATE OR DELETE ON tours FOR EACH ROW EXECUTE FUNCTION record_change('tour');
CREATE TRIGGER pick_tasks_change AFTER INSERT OR UPDATE OR DELETE ON pick_tasks FOR EACH ROW EXECUTE FUNCTION record_change('pickTask');
CREATE TRIGGER reservations_change AFTER INSERT OR UPDATE OR DELETE ON reservations FOR EACH ROW EXECUTE FUNCTION record_change('reservation');
CREATE TRIGGER operators_change AFTER INSERT OR UPDATE OR DELETE ON operators FOR EACH ROW EXECUTE FUNCTION record_change('operator');
CREATE TRIGGER daily_order_counts_change AFTER INSERT OR UPDATE OR DELETE ON daily_order_counts FOR EACH ROW EXECUTE FUNCTION record_change('dailyOrderCount');
-- Accepted events reach devices too (a line's history, KPIs); rejected ones stay here.
CREATE TRIGGER events_change AFTER INSERT ON events FOR EACH ROW WHEN (NEW.status = 'accepted') EXECUTE FUNCTION record_change('event');
`;
