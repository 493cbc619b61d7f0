// The small warehouse of the whole-shift test (whole-shift.test.ts), where every number is known:
// six bins, five SKUs, three orders and three people, and the admin API and feed it is driven by.
import { systemClock } from '../../server/clock';
import type { Db } from '../../server/db/db';
import { EVENT_TYPES } from '../../server/apply/index';
import { EventRegistry } from '../../server/events/registry';
import { recordServerEvent } from '../../server/events/server-events';
import { withCheckDigit } from '../../shared/scan/gtin';
import { FeedPageSchema, type FeedPage } from '../../shared/sync-api/feed';

export const ADMIN = 'browser-admin-token-whole-shift-01';
export const HOUR_MS = 3_600_000;

// The warehouse: six bins in two aisles. L5, where S5 would be, stays empty all shift; L6 gets S2
// in the second receipt.
export const BINS = {
  L1: { aisle: 1, positionM: 2 },
  L2: { aisle: 1, positionM: 6 },
  L3: { aisle: 2, positionM: 4 },
  L4: { aisle: 2, positionM: 10 },
  L5: { aisle: 1, positionM: 14 },
  L6: { aisle: 2, positionM: 16 },
} as const;
export const SKUS = ['S1', 'S2', 'S3', 'S4', 'S5'] as const;
export type SkuId = (typeof SKUS)[number];
export const eachCode = (sku: SkuId) => withCheckDigit(`40000000000${sku.slice(1)}`);

// What arrives before the shift; S5 has none, so its line waits.
export const FIRST_RECEIPT = [
  { locationId: 'L1', skuId: 'S1', qty: 10 },
  { locationId: 'L2', skuId: 'S2', qty: 5 },
  { locationId: 'L3', skuId: 'S3', qty: 3 },
  { locationId: 'L4', skuId: 'S4', qty: 6 },
];

// Three orders, none ship-complete: SO-101 and SO-102 fill from stock, SO-103 has none.
export const ORDERS: { id: string; orderId: string; skuId: SkuId; qty: number }[] = [
  { id: 'SO-101/1', orderId: 'SO-101', skuId: 'S1', qty: 4 },
  { id: 'SO-101/2', orderId: 'SO-101', skuId: 'S2', qty: 5 },
  { id: 'SO-102/1', orderId: 'SO-102', skuId: 'S3', qty: 3 },
  { id: 'SO-102/2', orderId: 'SO-102', skuId: 'S4', qty: 2 },
  { id: 'SO-103/1', orderId: 'SO-103', skuId: 'S5', qty: 2 },
];
export const SHORT_LINE = 'SO-101/2';
export const SHORT_FOUND = 2;
// Picked, then cancelled by the customer before it ships: its units go back to their bin.
export const CANCELLED_LINE = 'SO-102/2';

export const PEOPLE = {
  lead: { id: 'op-lead', badge: 'LE7', name: 'Lee Lead', role: 'lead', pin: '246810' },
  picker: { id: 'op-picker', badge: 'PI7', name: 'Pat Picker', role: 'picker', pin: '2468' },
  packer: { id: 'op-packer', badge: 'PA7', name: 'Pax Packer', role: 'packer', pin: '1357' },
} as const;

export const admin = async (url: string, path: string, body?: unknown): Promise<unknown> => {
  const res = await fetch(`${url}/api/v1/admin${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${ADMIN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer: unknown = await res.json();
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(answer)}`);
  return answer;
};

// The whole log, page by page, from the admin feed.
export const feed = async (url: string): Promise<FeedPage['events']> => {
  const events: FeedPage['events'] = [];
  for (let after: string | null = null; ;) {
    const page = FeedPageSchema.parse(
      await admin(url, `/events?limit=1000${after ? `&after=${encodeURIComponent(after)}` : ''}`),
    );
    events.push(...page.events);
    if (!page.hasMore) return events;
    after = page.checkpoint;
  }
};

// The catalogue and the layout come from the OMS connector, which has no admin route: they are
// recorded as the server's own OMS events, straight into the running server's store.
export const defineWarehouse = async (db: Db) => {
  const registry = new EventRegistry(EVENT_TYPES);
  const record = async (type: string, payload: unknown) => {
    const outcome = await recordServerEvent(db, registry, systemClock, type, payload);
    if (!outcome.ok) throw new Error(`${type}: ${outcome.message}`);
  };
  await record('oms.layout-defined', {
    layout: {
      id: 'main',
      name: 'Small warehouse',
      aisleCount: 2,
      aisleLengthM: 20,
      aisleSpacingM: 3,
      crossAislesM: [0, 20],
      depotAisle: 1,
      depotCrossAisleM: 0,
    },
    locations: Object.entries(BINS).map(([id, bin]) => ({
      id,
      code: `BIN-${id}`,
      zone: 'A',
      level: 0,
      side: 'left',
      ...bin,
    })),
  });
  await record('oms.skus-defined', {
    skus: SKUS.map((id) => ({
      id,
      sku: `ITEM-${id}`,
      description: `part ${id}`,
      unit: 'ea',
      weightKg: 0.5,
      volumeL: 1,
      barcodes: [{ code: eachCode(id), kind: 'each', units: 1 }],
    })),
  });
};

export interface LineRow {
  id: string;
  status: string;
  qty_backordered: number;
  qty_allocated: number;
  qty_picked: number;
  qty_short: number;
  qty_shipped: number;
  qty_cancelled: number;
}

// The orders as the OMS sends them, placed a minute apart from `orderedAt` in the list's order
// (first come, first served), promised in three days.
export const orderLines = (orderedAt: string) =>
  ORDERS.map((o, i) => ({
    id: o.id,
    orderId: o.orderId,
    lineNo: Number(o.id.split('/')[1]),
    skuId: o.skuId,
    customerId: `C${o.orderId.slice(-1)}`,
    customerTier: 1,
    orderedAt: new Date(Date.parse(orderedAt) + i * 60_000).toISOString(),
    promisedBy: new Date(Date.now() + 72 * HOUR_MS).toISOString(),
    shipComplete: false,
    carrier: 'UPS',
    cutoffAt: null,
    qtyOrdered: o.qty,
    qtyBackordered: o.qty,
  }));
