import { describe, expect, it } from 'vitest';
import type { Sku } from '../../../../shared/domain/sku';
import { expectedCode } from '../../../../shared/picking/expected-code';

const sku = (barcodes: Sku['barcodes']): Sku => ({
  id: 'S1',
  sku: 'SKU-00031',
  description: 'Blue widget',
  unit: 'each',
  weightKg: 1,
  volumeL: 1,
  barcodes,
});
const task = { locationCode: 'A1-01', toteCode: 'TOTE-A', checkDigits: false };

describe('the code a pick step expects, in words', () => {
  it('names the barcode of one unit (not the case), and the SKU code', () => {
    const both = sku([
      { code: 'CASE-6', kind: 'case', units: 6 },
      { code: '4006381333931', kind: 'each', units: 1 },
    ]);
    expect(expectedCode('item', { ...task, sku: both })).toBe(
      'barcode 4006381333931 or SKU code SKU-00031',
    );
    expect(expectedCode('item', { ...task, sku: sku([]) })).toBe('SKU code SKU-00031');
  });

  it('never shows the check digits, only that a typed location needs them', () => {
    const said = expectedCode('location', { ...task, sku: sku([]), checkDigits: true });
    expect(said).toBe('A1-01; typed, add the 2 check digits from its label');
    expect(said).not.toContain('56');
  });

  it('says when the item or the tote is missing, rather than show nothing', () => {
    expect(expectedCode('count', { ...task, sku: undefined, toteCode: null })).toBe(
      'the item (not on this device); no tote on the cart yet',
    );
  });
});
