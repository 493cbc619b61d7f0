import type { Sku } from '../domain/sku';
import type { PickStep } from './pick-step';
import { shownBarcode } from './read-item';

// The code the task waits for at each step, in words, so a picker whose label will not scan
// knows what to type: the location's code (and, with check digits on, that the label's digits
// go after it: they are on the label only, never on the screen); the item's SKU code and the
// barcode number its scanner would read; then more of it (the tote is on the slot's line).
// Said after the step's prompt ("Scan the item · barcode … or SKU-00031"), so it stays short: on a
// 360 px handheld the task and its buttons share one screen.
export const expectedCode = (
  step: PickStep['step'],
  t: { locationCode: string; sku: Sku | undefined; toteCode: string | null; checkDigits: boolean },
): string => {
  if (step === 'location')
    return t.checkDigits
      ? `${t.locationCode}; typed, add the 2 check digits from its label`
      : t.locationCode;
  const barcode = t.sku ? shownBarcode(t.sku) : null;
  const item = t.sku
    ? `${barcode ? `barcode ${barcode} or ` : ''}SKU code ${t.sku.sku}`
    : 'the item (not on this device)';
  // Once counting, the tote is the slot's, shown on the line above the prompt.
  return step === 'item' || t.toteCode ? item : `${item}; no tote on the cart yet`;
};
