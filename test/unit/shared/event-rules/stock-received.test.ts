import { describe, expect, it } from 'vitest';
import { applyLocally } from '../../../../shared/event-rules/apply-locally';
import { memoryTables, overlay, type Tables } from '../../../../shared/event-rules/tables';
import { INT4_MAX } from '../../../../shared/domain/common';

// Two locations (A-01-1 holds 4 of SKU-00001; A-02-1 is empty and waits for a count), one SKU
// besides, and an expected receipt of 10 × SKU-00001.
const location = (id: string, code: string, countRequired = false) => ({
  id,
  code,
  zone: 'A',
  aisle: 1,
  positionM: 2,
  level: 0,
  side: 'left',
  countRequired,
});
const sku = (id: string, code: string) => ({
  id,
  sku: code,
  description: 'Widget',
  unit: 'each',
  weightKg: 1,
  volumeL: 1,
  barcodes: [],
});
const dock = () =>
  memoryTables(
    [
      ['location', location('L1', 'A-01-1')],
      ['location', location('L2', 'A-02-1', true)],
      ['sku', sku('S1', 'SKU-00001')],
      ['sku', sku('S2', 'SKU-00002')],
      ['stock', { id: 'L1|S1', locationId: 'L1', skuId: 'S1', onHand: 4, reserved: 3 }],
      ['expectedReceipt', { id: 'ER1', skuId: 'S1', qty: 10, expectedAt: '2026-11-26T08:00:00Z' }],
    ].map(([entity, row]) => ({ entity, id: (row as { id: string }).id, row }) as never),
  );

const at = '2026-11-25T09:00:00.000Z';
const receive = (base: Tables, payload: unknown) =>
  applyLocally(base, { id: 'e-1', type: 'stock.received', operatorId: 'op-lead', at, payload });
const after = (base: Tables, payload: unknown) => {
  const outcome = receive(base, payload);
  if (!outcome.ok) throw new Error(outcome.reason);
  return overlay(base, outcome.changes);
};
const line = (skuId: string, locationId: string, qty: number) => ({ skuId, locationId, qty });

describe('stock received by a lead', () => {
  it('adds to what is on hand, leaving what is reserved alone', () => {
    const t = after(dock(), { receiptId: 'R1', lines: [line('S1', 'L1', 6)] });
    expect(t.get('stock', 'L1|S1')).toMatchObject({ onHand: 10, reserved: 3 });
  });

  it('makes the stock row for a SKU never at that location', () => {
    const t = after(dock(), { receiptId: 'R1', lines: [line('S2', 'L1', 5)] });
    expect(t.get('stock', 'L1|S2')).toEqual({
      id: 'L1|S2',
      locationId: 'L1',
      skuId: 'S2',
      onHand: 5,
      reserved: 0,
    });
  });

  it('adds two lines of one SKU at one location up', () => {
    const t = after(dock(), { receiptId: 'R1', lines: [line('S1', 'L1', 2), line('S1', 'L1', 3)] });
    expect(t.get('stock', 'L1|S1')?.onHand).toBe(9);
  });

  it('puts stock at a location waiting for a count: it is on the shelf all the same', () => {
    const t = after(dock(), { receiptId: 'R1', lines: [line('S1', 'L2', 2)] });
    expect(t.get('stock', 'L2|S1')?.onHand).toBe(2);
  });

  it('lowers the expected receipt by what arrived, and removes it once all of it is here', () => {
    const part = after(dock(), {
      receiptId: 'R1',
      lines: [line('S1', 'L1', 4)],
      expectedReceiptId: 'ER1',
    });
    expect(part.get('expectedReceipt', 'ER1')?.qty).toBe(6);
    const rest = after(part, {
      receiptId: 'R2',
      lines: [line('S1', 'L2', 7)],
      expectedReceiptId: 'ER1',
    });
    expect(rest.get('expectedReceipt', 'ER1')).toBeUndefined();
    expect(rest.get('stock', 'L2|S1')?.onHand).toBe(7);
  });

  it('refuses an item or a location it does not know, and changes nothing', () => {
    const base = dock();
    expect(receive(base, { receiptId: 'R1', lines: [line('S9', 'L1', 1)] })).toMatchObject({
      ok: false,
      code: 'unknown-sku',
    });
    expect(
      receive(base, { receiptId: 'R1', lines: [line('S1', 'L1', 1), line('S1', 'L9', 1)] }),
    ).toMatchObject({ ok: false, code: 'unknown-location' });
    expect(base.get('stock', 'L1|S1')?.onHand).toBe(4);
  });

  it('refuses an expected receipt that is gone or is for another item', () => {
    const gone = receive(dock(), {
      receiptId: 'R1',
      lines: [line('S1', 'L1', 1)],
      expectedReceiptId: 'ER9',
    });
    expect(gone).toMatchObject({ ok: false, code: 'unknown-expected-receipt' });
    const other = receive(dock(), {
      receiptId: 'R1',
      lines: [line('S2', 'L1', 1)],
      expectedReceiptId: 'ER1',
    });
    expect(other).toMatchObject({ ok: false, code: 'expected-receipt-other-sku' });
    expect(other.ok === false && other.reason).toContain('SKU-00001');
  });

  it('refuses a quantity of 0, a huge one, and one that would overflow what is on hand', () => {
    const zero = receive(dock(), { receiptId: 'R1', lines: [line('S1', 'L1', 0)] });
    expect(zero).toMatchObject({ ok: false, code: 'invalid-payload' });
    const huge = receive(dock(), { receiptId: 'R1', lines: [line('S1', 'L1', 100_001)] });
    expect(huge).toMatchObject({ ok: false, code: 'invalid-payload' });
    const full = memoryTables([
      ...dock().entries(),
      {
        entity: 'stock',
        id: 'L1|S2',
        row: { id: 'L1|S2', locationId: 'L1', skuId: 'S2', onHand: INT4_MAX - 1, reserved: 0 },
      },
    ]);
    expect(receive(full, { receiptId: 'R1', lines: [line('S2', 'L1', 2)] })).toMatchObject({
      ok: false,
      code: 'stock-too-large',
    });
  });
});
