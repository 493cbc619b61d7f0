// Many paid orders in the bench's Vendure in seconds, not an hour. Placing one through the Shop
// API (seven calls) takes about 0.3 s here, so a few orders are placed that way, as a customer
// would, and the rest are copies of Vendure's own rows for them, made in one SQL transaction on
// its sql.js database: each order with its customer, address, lines, shipping line, stock
// allocations, payment and history, under new ids and codes and earlier times. Vendure then
// holds orders in PaymentSettled with backordered lines that its Admin API answers like any
// other (the bench's import and fulfillments read them through it), and its variants' allocated
// stock counts them. Test code only: it reaches into Vendure's tables.
import { TransactionalConnection } from '@vendure/core';
import type { TestVendure } from '../fixtures/vendure/vendure-shop';

// The orders placed through the Shop API: one SKU or both, one to three units each.
const TEMPLATES = 24;
const SKUS = ['WID-BLUE', 'GAD-RED'];
const templateItems = (i: number) =>
  i % 4 === 3
    ? SKUS.map((sku, s) => ({ sku, qty: 1 + ((i + s) % 3) }))
    : [{ sku: SKUS[i % 2]!, qty: 1 + (i % 3) }];

type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

// A table's rows for the copied orders, and which column ties each row to its template order.
interface Copied {
  table: string;
  // FROM … WHERE clause naming the table as `t` and its template order as `o`.
  from: string;
}

// In foreign-key order: a row's parents are copied before it.
const COPIED: Copied[] = [
  { table: 'customer', from: `"customer" t JOIN "order" o ON o."customerId" = t.id` },
  {
    table: 'customer_channels_channel',
    from: `"customer_channels_channel" t JOIN "order" o ON o."customerId" = t."customerId"`,
  },
  { table: 'address', from: `"address" t JOIN "order" o ON o."customerId" = t."customerId"` },
  { table: 'order', from: `"order" t JOIN "order" o ON o.id = t.id` },
  {
    table: 'order_channels_channel',
    from: `"order_channels_channel" t JOIN "order" o ON o.id = t."orderId"`,
  },
  { table: 'shipping_line', from: `"shipping_line" t JOIN "order" o ON o.id = t."orderId"` },
  { table: 'order_line', from: `"order_line" t JOIN "order" o ON o.id = t."orderId"` },
  {
    table: 'stock_movement',
    from: `"stock_movement" t JOIN "order_line" l ON l.id = t."orderLineId" JOIN "order" o ON o.id = l."orderId"`,
  },
  { table: 'payment', from: `"payment" t JOIN "order" o ON o.id = t."orderId"` },
  {
    table: 'history_entry',
    from: `"history_entry" t JOIN "order" o ON o.id = t."orderId" OR (t."orderId" IS NULL AND o."customerId" = t."customerId")`,
  },
];

// Columns holding another copied table's id: shifted by the same copy's offset of that table.
const REFERENCES: Record<string, string> = {
  customerId: 'customer',
  orderId: 'order',
  orderLineId: 'order_line',
  shippingLineId: 'shipping_line',
};

// Leaves `count` paid orders for the two test SKUs in Vendure (backordered: it has none on hand).
export const seedOrders = async (vendure: TestVendure, count: number): Promise<void> => {
  const templates = Math.min(count, TEMPLATES);
  for (let i = 0; i < templates; i++) await vendure.placeOrder(templateItems(i));
  if (count === templates) return;

  const raw = vendure.app.get(TransactionalConnection).rawConnection;
  const query = raw.query.bind(raw) as Query;
  const ids = await query(`SELECT min(id) AS first, max(id) AS last, count(*) AS n FROM "order"`);
  if (ids[0]!.first !== 1 || ids[0]!.last !== templates || ids[0]!.n !== templates)
    throw new Error(`the bench's Vendure should hold orders 1 to ${templates} only`);
  const copies = Math.ceil(count / templates) - 1;

  await raw.transaction(async (manager) => {
    const q = manager.query.bind(manager) as Query;
    // Copy k of every template order, k = 1 … copies, while order ids stay within `count`.
    await q(`CREATE TEMP TABLE copy (k INTEGER PRIMARY KEY)`);
    await q(
      `WITH RECURSIVE c(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM c WHERE k < ?)
       INSERT INTO copy SELECT k FROM c`,
      [copies],
    );
    const offsets = new Map<string, number>();
    for (const { table } of COPIED) {
      const [max] = await q(`SELECT coalesce(max(rowid), 0) AS m FROM "${table}"`);
      offsets.set(table, max!.m as number);
    }
    const shift = (table: string) => `copy.k * ${offsets.get(table)!}`;
    for (const { table, from } of COPIED) {
      const columns = (await q(`PRAGMA table_info("${table}")`)) as {
        name: string;
        type: string;
      }[];
      const value = ({ name, type }: { name: string; type: string }): string => {
        const col = `t."${name}"`;
        if (name === 'id') return `${col} + ${shift(table)}`;
        if (REFERENCES[name] && REFERENCES[name] !== table)
          return `${col} + ${shift(REFERENCES[name])}`;
        // Copy k is placed (copies + 1 − k) × 10 s before the templates (which take about 7 s),
        // so orders come in at about the pace the Shop API takes them, copy 1 first.
        if (type === 'datetime') {
          const back = `'-' || ((${copies + 1} - copy.k) * 10) || ' seconds'`;
          return `CASE WHEN ${col} LIKE '%.%' THEN strftime('%Y-%m-%d %H:%M:%f', ${col}, ${back})
                  ELSE datetime(${col}, ${back}) END`;
        }
        if (table === 'order' && name === 'code')
          return `substr(${col}, 1, 10) || printf('%06d', copy.k)`;
        if (table === 'customer' && name === 'emailAddress')
          return `'copy' || copy.k || '-' || ${col}`;
        return col;
      };
      await q(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c.name}"`).join(', ')})
         SELECT ${columns.map(value).join(', ')} FROM ${from} JOIN copy
         WHERE o.id + ${shift('order')} <= ?`,
        [count],
      );
    }
    // Each copied line's allocation, counted on its variant as Vendure counts its own.
    await q(
      `UPDATE stock_level SET "stockAllocated" = "stockAllocated" + coalesce((
         SELECT sum(m.quantity) FROM stock_movement m
         WHERE m."productVariantId" = stock_level."productVariantId"
           AND m."stockLocationId" = stock_level."stockLocationId"
           AND m.type = 'ALLOCATION' AND m."orderLineId" > ?), 0)`,
      [offsets.get('order_line')!],
    );
    await q(`DROP TABLE copy`);
  });
  const [placed] = await query(`SELECT count(*) AS n FROM "order" WHERE state = 'PaymentSettled'`);
  if (placed!.n !== count)
    throw new Error(`seeding left ${String(placed!.n)} paid orders in Vendure, not ${count}`);
};
