import type { Table } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { BackorderLine } from '../../../shared/domain/backorder-line';
import type { ExpectedReceipt } from '../../../shared/domain/expected-receipt';
import {
  activePriority,
  DEFAULT_FLOOR_SETTINGS,
  FLOOR_SETTINGS_ID,
  type FloorSettings,
} from '../../../shared/domain/floor-settings';
import type { Location } from '../../../shared/domain/location';
import type { Sku } from '../../../shared/domain/sku';
import type { Stock } from '../../../shared/domain/stock';
import type { WarehouseLayout } from '../../../shared/domain/warehouse-layout';
import { compareText } from '../../../shared/compare';
import { fillNow, type FillNow } from '../../../shared/receiving/fill-now';
import { receivingCatalog, type ReceivingCatalog } from '../../../shared/receiving/receipt-scan';
import type { Result } from '../../../shared/result';
import { computePendingView, withPending } from '../../sync/pending-view';
import { db } from '../db';
import { usePendingView } from './pending';

// The synced tables hold rows checked against these schemas when they were pulled.
const skus = db.skus as unknown as Table<Sku, string>;
const locations = db.locations as unknown as Table<Location, string>;
const stock = db.stock as unknown as Table<Stock, string>;
const expectedReceipts = db.expectedReceipts as unknown as Table<ExpectedReceipt, string>;
const layouts = db.warehouseLayouts as unknown as Table<WarehouseLayout, string>;
const floorSettings = db.floorSettings as unknown as Table<FloorSettings, string>;

// What planning plans: lines with units that may still be allocated.
const LIVE: BackorderLine['status'][] = ['open', 'allocated', 'in_wave', 'held'];

// Every SKU and location on the device, to read scans and typed codes by. Events never change
// them, so the pulled rows are what the lead sees.
export const useReceivingCatalog = (): ReceivingCatalog | undefined => {
  const rows = useLiveQuery(
    async () => ({ skus: await skus.toArray(), locations: await locations.toArray() }),
    [],
  );
  return useMemo(() => rows && receivingCatalog(rows.skus, rows.locations), [rows]);
};

// A SKU's expected receipts, soonest first, as the lead should see them (a receipt waiting in
// the outbox has already lowered or removed the one it fulfils).
export const useExpectedReceipts = (skuId: string | null): ExpectedReceipt[] | undefined => {
  const pulled = useLiveQuery(
    () => (skuId ? expectedReceipts.where('skuId').equals(skuId).toArray() : []),
    [skuId],
  );
  const view = usePendingView();
  if (!pulled || !view) return undefined;
  return withPending('expectedReceipt', pulled, view)
    .filter((e) => e.skuId === skuId)
    .sort((a, b) => compareText(a.expectedAt, b.expectedAt) || compareText(a.id, b.id));
};

export interface StockAt {
  stock: Stock;
  location: Location | undefined;
}

// The stock of these SKUs at each location, waiting events included, by SKU then location code.
export const useStockOf = (skuIds: readonly string[]): StockAt[] | undefined => {
  const key = [...skuIds].sort().join('\n');
  const pulled = useLiveQuery(async () => {
    const rows = await stock
      .where('skuId')
      .anyOf([...skuIds])
      .toArray();
    return rows;
  }, [key]);
  const view = usePendingView();
  const places = useLiveQuery(() => locations.toArray(), []);
  if (!pulled || !view || !places) return undefined;
  const byId = new Map(places.map((l) => [l.id, l]));
  const wanted = new Set(skuIds);
  return withPending('stock', pulled, view)
    .filter((s) => wanted.has(s.skuId))
    .map((s) => ({ stock: s, location: byId.get(s.locationId) }))
    .sort(
      (a, b) =>
        compareText(a.stock.skuId, b.stock.skuId) ||
        compareText(a.location?.code ?? a.stock.locationId, b.location?.code ?? b.stock.locationId),
    );
};

// What the free stock of these SKUs fills now (shared/receiving/fill-now.ts), read in one
// transaction so stock and lines agree, the lead's waiting events laid over.
const readFillNow = (skuIds: readonly string[]): Promise<Result<FillNow>> =>
  db.transaction('r', db.tables, async () => {
    const view = await computePendingView(db);
    const received = new Set(skuIds);
    const ofSkus = withPending(
      'backorderLine',
      await db.backorderLines
        .where('skuId')
        .anyOf([...skuIds])
        .toArray(),
      view,
    ).filter((l) => received.has(l.skuId) && LIVE.includes(l.status));
    // A ship-complete order goes whole or not at all: its other lines decide too.
    const orders = [...new Set(ofSkus.filter((l) => l.shipComplete).map((l) => l.orderId))];
    const siblings = orders.length
      ? withPending(
          'backorderLine',
          await db.backorderLines.where('orderId').anyOf(orders).toArray(),
          view,
        ).filter((l) => orders.includes(l.orderId) && LIVE.includes(l.status))
      : [];
    const lines = [...new Map([...ofSkus, ...siblings].map((l) => [l.id, l])).values()];
    const skuIdsOfLines = [...new Set([...skuIds, ...lines.map((l) => l.skuId)])];
    // The rules every station uses now, the lead's own unanswered change included.
    const pulledSettings = await floorSettings.get(FLOOR_SETTINGS_ID);
    const [settings] = withPending('floorSettings', pulledSettings ? [pulledSettings] : [], view);
    return fillNow({
      layouts: await layouts.toArray(),
      locations: await locations.toArray(),
      skus: await skus.toArray(),
      stock: withPending('stock', await stock.where('skuId').anyOf(skuIdsOfLines).toArray(), view),
      lines,
      receivedSkuIds: [...skuIds],
      rules: activePriority(settings ?? DEFAULT_FLOOR_SETTINGS),
    });
  });

export const useFillNow = (skuIds: readonly string[]): Result<FillNow> | undefined => {
  const key = [...skuIds].sort().join('\n');
  return useLiveQuery(() => readFillNow(skuIds), [key]);
};

// The bins flagged for a count and the SKUs found short at them (shared/stock/follow-oms.ts
// foundShortAt), by location code: when the OMS keeps the stock, the lead counts them there.
export const useCountsToMake = ():
  { id: string; skuCode: string; locationCode: string }[] | undefined =>
  useLiveQuery(async () => {
    const flagged = (await locations.toArray()).filter((l) => l.countRequired);
    if (flagged.length === 0) return [];
    const byId = new Map(flagged.map((l) => [l.id, l]));
    const short = (
      await stock
        .where('locationId')
        .anyOf([...byId.keys()])
        .toArray()
    ).filter((s) => s.onHand === 0);
    const codes = new Map(
      (await skus.bulkGet([...new Set(short.map((s) => s.skuId))])).flatMap((k) =>
        k ? [[k.id, k.sku] as const] : [],
      ),
    );
    return short
      .map((s) => ({
        id: s.id,
        skuCode: codes.get(s.skuId) ?? s.skuId,
        locationCode: byId.get(s.locationId)!.code,
      }))
      .sort(
        (a, b) =>
          a.locationCode.localeCompare(b.locationCode, 'en', { numeric: true }) ||
          compareText(a.skuCode, b.skuCode),
      );
  }, []);
