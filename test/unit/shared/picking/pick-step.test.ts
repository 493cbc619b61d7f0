import { describe, expect, it } from 'vitest';
import type { PickTask } from '../../../../shared/domain/pick-task';
import type { Sku } from '../../../../shared/domain/sku';
import {
  pickInput,
  type PickContext,
  type PickInput,
  type PickResult,
  type PickStep,
} from '../../../../shared/picking/pick-step';
import { readItem } from '../../../../shared/picking/read-item';

const sku: Sku = {
  id: 'S1',
  sku: 'SKU-00031',
  description: 'Blue widget',
  unit: 'each',
  weightKg: 1,
  volumeL: 1,
  barcodes: [{ code: '9501101020917', kind: 'each', units: 1 }],
};
const task: PickTask = {
  id: 'K1',
  tourId: 'T1',
  waveId: 'WV1',
  backorderLineId: 'O1/1',
  orderId: 'O1',
  locationId: 'L1',
  skuId: 'S1',
  qty: 3,
  sequence: 0,
  toteSlot: 0,
  status: 'open',
  pickedQty: 0,
  shortQty: 0,
};
const ctx: PickContext = {
  task,
  locationCode: 'A1-01',
  skuLabel: sku.sku,
  toteCode: 'TOTE-A',
  readItem: (text) => readItem({ sku, today: '2026-11-25' }, text),
};

// Feeds inputs from the task's start; the pick the last one recorded.
const walk = (...inputs: PickInput[]) => {
  let step: PickStep = { step: 'location', taskId: 'K1' };
  let pick: PickResult['pick'];
  for (const input of inputs) {
    const result = pickInput(ctx, step, input);
    expect(result.refusal).toBeUndefined();
    step = result.step;
    pick = result.pick;
  }
  return pick;
};

const scan = (text: string): PickInput => ({ kind: 'scan', text });
const typed = (text: string): PickInput => ({ kind: 'scan', text, entry: 'typed' });

describe('how the item of a pick was entered', () => {
  it('records a pick whose item was scanned as scanned', () => {
    expect(walk(scan('A1-01'), scan('9501101020917'), scan('TOTE-A'))).toEqual({
      pickTaskId: 'K1',
      qty: 1,
      toteCode: 'TOTE-A',
      entry: 'scan',
    });
  });

  it('accepts the SKU code typed from the screen, and records the pick as typed', () => {
    expect(walk(scan('A1-01'), typed('SKU-00031'), scan('TOTE-A'))).toEqual({
      pickTaskId: 'K1',
      qty: 1,
      toteCode: 'TOTE-A',
      entry: 'typed',
    });
  });

  it('counts one typed read among scans as typed, and a count keyed with no item read too', () => {
    expect(
      walk(scan('A1-01'), scan('9501101020917'), typed('9501101020917'), scan('TOTE-A')),
    ).toMatchObject({ qty: 2, entry: 'typed' });
    expect(walk(scan('A1-01'), { kind: 'count', units: 3 }, scan('TOTE-A'))).toMatchObject({
      qty: 3,
      entry: 'typed',
    });
    // A count keyed after the item was scanned: the item was still found by its barcode.
    expect(
      walk(scan('A1-01'), scan('9501101020917'), { kind: 'count', units: 3 }, scan('TOTE-A')),
    ).toMatchObject({ qty: 3, entry: 'scan' });
  });
});

describe('a task cut while its units are being counted', () => {
  it('refuses the tote with what to put back, and takes the count set to the new quantity', () => {
    const counted: PickStep = { step: 'count', taskId: 'K1', units: 3, label: {}, entry: 'scan' };
    const cut: PickContext = { ...ctx, task: { ...task, qty: 2 } };
    expect(pickInput(cut, counted, scan('TOTE-A'))).toEqual({
      step: counted,
      refusal: 'Only 2 are asked for now, and 3 are counted: put 1 back and set the count to 2.',
    });
    const set = pickInput(cut, counted, { kind: 'count', units: 2 });
    expect(pickInput(cut, set.step, scan('TOTE-A')).pick).toMatchObject({ qty: 2 });
  });
});

describe('location check digits (the floor setting)', () => {
  const checked: PickContext = { ...ctx, locationCheckDigits: true };
  const at = (input: PickInput, c = checked) =>
    pickInput(c, { step: 'location', taskId: 'K1' }, input);

  it('needs the two digits on the label after a typed location, with or without a space', () => {
    expect(at(typed('A1-01'))).toEqual({
      step: { step: 'location', taskId: 'K1' },
      refusal: "Type the location's check digits too: the two digits on its label, after A1-01.",
    });
    expect(at(typed('A1-01 56')).step).toEqual({ step: 'item', taskId: 'K1' });
    expect(at(typed('a1-0156')).step).toEqual({ step: 'item', taskId: 'K1' });
    expect(at(typed('A1-01 57')).refusal).toBe('Wrong location: A1-01 57. Go to A1-01.');
  });

  it('takes a scanned label as before, and the code alone while the setting is off', () => {
    expect(at(scan('A1-01')).step).toEqual({ step: 'item', taskId: 'K1' });
    expect(at(typed('A1-01'), ctx).step).toEqual({ step: 'item', taskId: 'K1' });
  });
});
