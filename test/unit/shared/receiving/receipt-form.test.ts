import { describe, expect, it } from 'vitest';
import type { Location } from '../../../../shared/domain/location';
import type { Sku } from '../../../../shared/domain/sku';
import { checkReceipt } from '../../../../shared/receiving/receipt-form';
import { readReceiptScan, receivingCatalog } from '../../../../shared/receiving/receipt-scan';

const widget: Sku = {
  id: 'S1',
  sku: 'SKU-00001',
  description: 'Widget',
  unit: 'ea',
  weightKg: 1,
  volumeL: 1,
  barcodes: [
    { code: '4006381333931', kind: 'each', units: 1 },
    { code: '14006381333938', kind: 'case', units: 12 },
  ],
};
const bin: Location = {
  id: 'L1',
  code: 'A-01-1',
  zone: 'A',
  aisle: 1,
  positionM: 2,
  level: 0,
  side: 'left',
  countRequired: false,
};
const catalog = receivingCatalog([widget], [bin]);
const expected = [{ id: 'ER1', skuId: 'S1', qty: 10, expectedAt: '2026-11-26T08:00:00Z' }];
const today = '2026-11-25';

describe('a receiving scan', () => {
  it('reads an item by barcode, case barcode, GS1 label or SKU code, and a location by its label', () => {
    expect(readReceiptScan(catalog, '4006381333931', today)).toMatchObject({
      kind: 'sku',
      units: null,
    });
    expect(readReceiptScan(catalog, '14006381333938', today)).toMatchObject({
      kind: 'sku',
      units: 12,
    });
    expect(readReceiptScan(catalog, '0104006381333931' + '3724', today)).toMatchObject({
      kind: 'sku',
      units: 24,
    });
    expect(readReceiptScan(catalog, 'sku-00001', today)).toMatchObject({ kind: 'sku' });
    expect(readReceiptScan(catalog, 'a-01-1', today)).toMatchObject({
      kind: 'location',
      location: { id: 'L1' },
    });
  });

  it('says a code is neither item nor location', () => {
    const r = readReceiptScan(catalog, 'ZZ-9', today);
    expect(r).toMatchObject({ kind: 'unknown' });
    expect(r.kind === 'unknown' && r.reason).toContain('ZZ-9 is neither an item nor a location');
  });
});

describe('the receiving form', () => {
  const form = { skuCode: 'SKU-00001', qty: '6', locationCode: 'A-01-1', expectedReceiptId: '' };

  it('becomes the payload when every field is right', () => {
    expect(checkReceipt(catalog, expected, { ...form, expectedReceiptId: 'ER1' })).toMatchObject({
      ok: true,
      payload: { lines: [{ skuId: 'S1', locationId: 'L1', qty: 6 }], expectedReceiptId: 'ER1' },
    });
  });

  it('names each wrong field in a sentence', () => {
    const r = checkReceipt(catalog, expected, {
      skuCode: 'NOPE',
      qty: '0',
      locationCode: 'Z-9',
      expectedReceiptId: 'ER9',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.sku).toContain('No item has the code NOPE');
    expect(r.errors.qty).toContain('at least 1');
    expect(r.errors.location).toContain('No location has the code Z-9');
    expect(r.errors.expectedReceipt).toContain('no longer expected');
  });

  it('refuses a quantity that is no number or too large', () => {
    for (const [qty, words] of [
      ['', 'how many arrived'],
      ['1.5', 'not a number of units'],
      ['twelve', 'not a number of units'],
      ['4006381333931', 'more than one receipt line takes'],
    ]) {
      const r = checkReceipt(catalog, expected, { ...form, qty: qty! });
      expect(!r.ok && r.errors.qty, qty).toContain(words);
    }
  });
});
