import type { Location } from '../domain/location';
import type { Sku } from '../domain/sku';
import { readScan } from '../scan/read-scan';
import { toGtin14 } from '../scan/gtin';

// What the receiving screen can look a code up in: SKUs by SKU code and by barcode (as GTIN-14
// where it is one), locations by code. Codes compare without case: people type "a-01-1".
export interface ReceivingCatalog {
  skuByCode: ReadonlyMap<string, Sku>;
  // A barcode's SKU and the units one scan of it stands for (a case of 12 is 12).
  byBarcode: ReadonlyMap<string, { sku: Sku; units: number }>;
  locationByCode: ReadonlyMap<string, Location>;
}

const key = (code: string) => code.trim().toUpperCase();
const gtinKey = (code: string) => (/^\d{8}$|^\d{12,14}$/.test(code) ? toGtin14(code) : key(code));

// Built once per screen from the device's SKUs and locations. Where two rows share a code, the
// lower id wins, so the answer does not depend on the order rows were read in.
export const receivingCatalog = (
  skus: readonly Sku[],
  locations: readonly Location[],
): ReceivingCatalog => {
  const skuByCode = new Map<string, Sku>();
  const byBarcode = new Map<string, { sku: Sku; units: number }>();
  const locationByCode = new Map<string, Location>();
  for (const sku of [...skus].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))) {
    skuByCode.set(key(sku.sku), sku);
    for (const b of sku.barcodes) byBarcode.set(gtinKey(b.code), { sku, units: b.units });
  }
  for (const l of [...locations].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)))
    locationByCode.set(key(l.code), l);
  return { skuByCode, byBarcode, locationByCode };
};

// An item by its SKU code or one of its plain barcodes, as typed into the item field.
export const findSku = (c: ReceivingCatalog, code: string): Sku | undefined =>
  c.skuByCode.get(key(code)) ?? c.byBarcode.get(gtinKey(code.trim()))?.sku;

// A location by its code.
export const findLocation = (c: ReceivingCatalog, code: string): Location | undefined =>
  c.locationByCode.get(key(code));

export type ReceiptScan =
  // An item: how many units the scan stands for (a case barcode, a GS1 count), when it says.
  | { kind: 'sku'; sku: Sku; units: number | null }
  | { kind: 'location'; location: Location }
  | { kind: 'unknown'; reason: string };

// An item's barcode, its SKU code, a GS1 label with its GTIN, or a location label. `today`
// (YYYY-MM-DD) is only for reading GS1 dates.
export const readReceiptScan = (c: ReceivingCatalog, text: string, today: string): ReceiptScan => {
  const code = text.trim();
  const location = c.locationByCode.get(key(code));
  if (location) return { kind: 'location', location };
  const bySku = c.skuByCode.get(key(code));
  if (bySku) return { kind: 'sku', sku: bySku, units: null };
  const plain = c.byBarcode.get(gtinKey(code));
  if (plain) return { kind: 'sku', sku: plain.sku, units: plain.units > 1 ? plain.units : null };
  const scan = readScan(code, today);
  if (scan.kind === 'gs1' && scan.gtin14) {
    const hit = c.byBarcode.get(scan.gtin14);
    if (hit) {
      const units = (scan.count ?? 1) * hit.units;
      return { kind: 'sku', sku: hit.sku, units: units > 1 ? units : null };
    }
  }
  if (scan.kind === 'invalid')
    return { kind: 'unknown', reason: `${code} cannot be read: ${scan.reason}.` };
  return {
    kind: 'unknown',
    reason: `${code} is neither an item nor a location on this device: scan the item's barcode or the location's label, or type its code.`,
  };
};
