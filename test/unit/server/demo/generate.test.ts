import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../../server/demo/generate';
import { LocationSchema } from '../../../../shared/domain/location';
import { OperatorSchema } from '../../../../shared/domain/operator';
import { SkuSchema } from '../../../../shared/domain/sku';
import { WarehouseLayoutSchema } from '../../../../shared/domain/warehouse-layout';
import { gtinCheckDigit } from '../../../../shared/scan/gtin';
import { BackorderLinesAddedSchema } from '../../../../shared/sync-api/events/oms';

const unique = (values: string[]) => new Set(values).size === values.length;

describe('demo data', () => {
  const demo = generateDemo({ seed: 42, lines: 3000, today: '2026-11-25' });

  it('is the same for the same seed and day, and differs for another seed', () => {
    expect(generateDemo({ seed: 42, lines: 3000, today: '2026-11-25' })).toEqual(demo);
    expect(generateDemo({ seed: 43, lines: 3000, today: '2026-11-25' }).lines).not.toEqual(
      demo.lines,
    );
  });

  it('is a warehouse of 20+ aisles in two blocks, with valid locations', () => {
    expect(WarehouseLayoutSchema.parse(demo.layout).aisleCount).toBeGreaterThanOrEqual(20);
    expect(demo.layout.crossAislesM).toHaveLength(3);
    for (const l of demo.locations) LocationSchema.omit({ countRequired: true }).parse(l);
    expect(unique(demo.locations.map((l) => l.code))).toBe(true);
  });

  it('has SKUs whose barcodes carry valid check digits and the units they stand for', () => {
    for (const sku of demo.skus) {
      SkuSchema.parse(sku);
      for (const b of sku.barcodes)
        expect(Number(b.code.at(-1))).toBe(gtinCheckDigit(b.code.slice(0, -1)));
      expect(sku.barcodes.find((b) => b.kind === 'each')?.units).toBe(1);
    }
    expect(unique(demo.skus.flatMap((s) => s.barcodes.map((b) => b.code)))).toBe(true);
  });

  it('has exactly the lines asked for, valid, with unique ids, customers in tiers and operators of each role', () => {
    expect(demo.lines).toHaveLength(3000);
    for (let i = 0; i < demo.lines.length; i += 2000)
      BackorderLinesAddedSchema.parse({ lines: demo.lines.slice(i, i + 2000) });
    expect(unique(demo.lines.map((l) => l.id))).toBe(true);
    expect(new Set(demo.lines.map((l) => l.customerTier))).toEqual(new Set([1, 2, 3]));
    for (const o of demo.operators) OperatorSchema.parse(o);
    expect(new Set(demo.operators.map((o) => o.role))).toEqual(
      new Set(['picker', 'lead', 'packer']),
    );
    expect(unique(demo.operators.map((o) => o.badge))).toBe(true);
  });
});
