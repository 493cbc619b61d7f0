import { describe, expect, it } from 'vitest';
import type { Sku } from '../../../../shared/domain/sku';
import { readItem } from '../../../../shared/picking/read-item';

const sku: Sku = {
  id: 'S1',
  sku: 'WIDGET',
  description: 'Blue widget',
  unit: 'each',
  weightKg: 1,
  volumeL: 1,
  barcodes: [
    { code: '9501101020917', kind: 'each', units: 1 },
    { code: 'INNER-12', kind: 'inner', units: 12 },
  ],
};
const reader = { sku, today: '2026-11-25', isProductCode: (c: string) => c === 'OTHER-SKU' };
const GS = '\u001d';

describe('reading a scan as the task’s item', () => {
  it('takes its own barcodes, each standing for its units', () => {
    expect(readItem(reader, '9501101020917')).toEqual({ ok: true, units: 1 });
    expect(readItem(reader, ' INNER-12 ')).toEqual({ ok: true, units: 12 });
  });

  it('takes the same GTIN written with 14 digits, as GS1 labels carry it', () => {
    expect(readItem(reader, '09501101020917')).toEqual({ ok: true, units: 1 });
    expect(readItem(reader, ']d20109501101020917')).toEqual({ ok: true, units: 1 });
  });

  it('honours AI 30 and 37 counts, and records lot, serial and expiry', () => {
    expect(readItem(reader, `]C101095011010209171726113010A1${GS}2199${GS}305`)).toEqual({
      ok: true,
      units: 5,
      lot: 'A1',
      serial: '99',
      expiry: '2026-11-30',
    });
    expect(readItem(reader, `02095011010209173712`)).toEqual({ ok: true, units: 12 });
  });

  it('reads an expiry day 00 as the last day of its month, and refuses an expired item', () => {
    expect(readItem(reader, '010950110102091717261100')).toMatchObject({
      ok: true,
      expiry: '2026-11-30',
    });
    expect(readItem(reader, '010950110102091717261124')).toEqual({
      ok: false,
      known: true,
      reason: 'Expired on 2026-11-24: do not pick this item.',
    });
  });

  it('tells a wrong item from something that is no product code at all', () => {
    expect(readItem(reader, '4006381333931')).toEqual({
      ok: false,
      known: true,
      reason:
        'Wrong item: 4006381333931 is not WIDGET (Blue widget). Scan its label, or type WIDGET or its barcode 9501101020917.',
    });
    expect(readItem(reader, 'OTHER-SKU')).toMatchObject({ ok: false, known: true });
    expect(readItem(reader, 'TOTE-7')).toMatchObject({ ok: false, known: false });
    expect(readItem(reader, '0109501101020918')).toMatchObject({
      ok: false,
      known: true,
      reason: expect.stringMatching(/^Unreadable label: /),
    });
  });
});

describe('finding the item by any of its codes', () => {
  it('takes each of its barcodes and its SKU code, the one the screen shows, in any case', () => {
    for (const b of sku.barcodes)
      expect(readItem(reader, b.code)).toEqual({ ok: true, units: b.units });
    expect(readItem(reader, 'WIDGET')).toEqual({ ok: true, units: 1 });
    expect(readItem(reader, ' widget ')).toEqual({ ok: true, units: 1 });
  });

  it("finds a SKU code such as SKU-00031, and calls another SKU's code a wrong item", () => {
    const numbered = { ...sku, sku: 'SKU-00031', barcodes: [] };
    expect(readItem({ ...reader, sku: numbered }, 'SKU-00031')).toEqual({ ok: true, units: 1 });
    expect(readItem({ ...reader, sku: numbered }, 'SKU-00032')).toMatchObject({
      ok: false,
      reason:
        'Wrong item: SKU-00032 is not SKU-00031 (Blue widget). Scan its label, or type SKU-00031.',
    });
  });

  it('takes the SKU code typed without its dash or with a space, unless that is another product', () => {
    const numbered = { ...sku, sku: 'SKU-00031' };
    const r = { ...reader, sku: numbered, isProductCode: (c: string) => c === 'SKU00031' };
    expect(readItem({ ...r, isProductCode: () => false }, 'sku00031')).toEqual({
      ok: true,
      units: 1,
    });
    expect(readItem(r, 'SKU 00031')).toEqual({ ok: true, units: 1 });
    // Another product's own code is never taken for this one.
    expect(readItem(r, 'SKU00031')).toMatchObject({ ok: false, known: true });
  });

  it('never refuses a code as not being itself ("SKU-00031 is not SKU-00031")', () => {
    const numbered = { ...sku, sku: 'SKU-00031' };
    for (const typed of ['SKU-00031', ' sku-00031', 'SKU - 00031', 'SKU_00031', 'Sku.00031']) {
      const read = readItem({ ...reader, sku: numbered }, typed);
      if (!read.ok) expect(read.reason).not.toMatch(/^Wrong item: (.+) is not \1 /i);
      expect(read).toEqual({ ok: true, units: 1 });
    }
  });
});
