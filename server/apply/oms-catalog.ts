import {
  DailyCountsRecordedSchema,
  LayoutDefinedSchema,
  OperatorsDefinedSchema,
  SkusDefinedSchema,
} from '../../shared/sync-api/events/oms';
import { accepted, defineEventType } from '../events/registry';

// Master data from the OMS: upserts, so sending a catalogue again updates it in place.
// Each bulk write is one statement over jsonb_to_recordset: 5,000 rows in one round trip.

export const layoutDefined = defineEventType({
  type: 'oms.layout-defined',
  from: ['server', 'admin'],
  payload: LayoutDefinedSchema,
  apply: async (tx, { layout, locations }) => {
    await tx.query(
      `INSERT INTO warehouse_layouts (id, name, aisle_count, aisle_length_m, aisle_spacing_m, cross_aisles_m, depot_aisle, depot_cross_aisle_m)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, aisle_count = EXCLUDED.aisle_count,
         aisle_length_m = EXCLUDED.aisle_length_m, aisle_spacing_m = EXCLUDED.aisle_spacing_m,
         cross_aisles_m = EXCLUDED.cross_aisles_m, depot_aisle = EXCLUDED.depot_aisle,
         depot_cross_aisle_m = EXCLUDED.depot_cross_aisle_m`,
      [
        layout.id,
        layout.name,
        layout.aisleCount,
        layout.aisleLengthM,
        layout.aisleSpacingM,
        JSON.stringify(layout.crossAislesM),
        layout.depotAisle,
        layout.depotCrossAisleM,
      ],
    );
    if (locations.length > 0) {
      await tx.query(
        `INSERT INTO locations (id, code, zone, aisle, position_m, level, side)
         SELECT x."id", x."code", x."zone", x."aisle", x."positionM", x."level", x."side"
           FROM jsonb_to_recordset($1::jsonb) AS x("id" text, "code" text, "zone" text, "aisle" int, "positionM" numeric, "level" int, "side" text)
         ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, zone = EXCLUDED.zone, aisle = EXCLUDED.aisle,
           position_m = EXCLUDED.position_m, level = EXCLUDED.level, side = EXCLUDED.side`,
        [JSON.stringify(locations)],
      );
    }
    return accepted;
  },
});

export const skusDefined = defineEventType({
  type: 'oms.skus-defined',
  from: ['server', 'admin'],
  payload: SkusDefinedSchema,
  apply: async (tx, { skus }) => {
    await tx.query(
      `INSERT INTO skus (id, sku, description, unit, weight_kg, volume_l, barcodes)
       SELECT x."id", x."sku", x."description", x."unit", x."weightKg", x."volumeL", x."barcodes"
         FROM jsonb_to_recordset($1::jsonb) AS x("id" text, "sku" text, "description" text, "unit" text, "weightKg" numeric, "volumeL" numeric, "barcodes" jsonb)
       ON CONFLICT (id) DO UPDATE SET sku = EXCLUDED.sku, description = EXCLUDED.description, unit = EXCLUDED.unit,
         weight_kg = EXCLUDED.weight_kg, volume_l = EXCLUDED.volume_l, barcodes = EXCLUDED.barcodes`,
      [JSON.stringify(skus)],
    );
    return accepted;
  },
});

export const operatorsDefined = defineEventType({
  type: 'oms.operators-defined',
  from: ['server', 'admin'],
  payload: OperatorsDefinedSchema,
  apply: async (tx, { operators }) => {
    await tx.query(
      `INSERT INTO operators (id, badge, name, role, active, pin_hash, pin_salt, pin_iterations)
       SELECT x."id", x."badge", x."name", x."role", x."active", x."pinHash", x."pinSalt", x."pinIterations"
         FROM jsonb_to_recordset($1::jsonb) AS x("id" text, "badge" text, "name" text, "role" text, "active" boolean,
              "pinHash" text, "pinSalt" text, "pinIterations" int)
       ON CONFLICT (id) DO UPDATE SET badge = EXCLUDED.badge, name = EXCLUDED.name, role = EXCLUDED.role, active = EXCLUDED.active,
         pin_hash = coalesce(EXCLUDED.pin_hash, operators.pin_hash), pin_salt = coalesce(EXCLUDED.pin_salt, operators.pin_salt),
         pin_iterations = coalesce(EXCLUDED.pin_iterations, operators.pin_iterations)`,
      [JSON.stringify(operators)],
    );
    return accepted;
  },
});

export const dailyCountsRecorded = defineEventType({
  type: 'oms.daily-counts-recorded',
  from: ['server', 'admin'],
  payload: DailyCountsRecordedSchema,
  apply: async (tx, { days }) => {
    await tx.query(
      `INSERT INTO daily_order_counts (id, orders_placed, lines_placed, lines_backordered)
       SELECT x."id", x."ordersPlaced", x."linesPlaced", x."linesBackordered"
         FROM jsonb_to_recordset($1::jsonb) AS x("id" date, "ordersPlaced" int, "linesPlaced" int, "linesBackordered" int)
       ON CONFLICT (id) DO UPDATE SET orders_placed = EXCLUDED.orders_placed, lines_placed = EXCLUDED.lines_placed,
         lines_backordered = EXCLUDED.lines_backordered`,
      [JSON.stringify(days)],
    );
    return accepted;
  },
});
