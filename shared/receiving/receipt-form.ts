import type { ExpectedReceipt } from '../domain/expected-receipt';
import type { Location } from '../domain/location';
import type { Sku } from '../domain/sku';
import { RECEIPT_LINE_MAX_QTY, type StockReceivedByLead } from '../sync-api/events/receiving';
import { findLocation, findSku, type ReceivingCatalog } from './receipt-scan';

// The receiving form as typed or scanned: codes as text, the quantity as text.
export interface ReceiptForm {
  skuCode: string;
  qty: string;
  locationCode: string;
  // '' for none.
  expectedReceiptId: string;
}

export type ReceiptField = 'sku' | 'qty' | 'location' | 'expectedReceipt';
export type ReceiptErrors = Partial<Record<ReceiptField, string>>;

export type CheckedReceipt =
  | {
      ok: true;
      sku: Sku;
      location: Location;
      qty: number;
      payload: Omit<StockReceivedByLead, 'receiptId'>;
    }
  | { ok: false; errors: ReceiptErrors };

// One receipt line checked field by field, each problem in a sentence naming what to do; only a
// form with none becomes the event's payload. `expected` is the device's expected receipts.
export const checkReceipt = (
  c: ReceivingCatalog,
  expected: readonly ExpectedReceipt[],
  form: ReceiptForm,
): CheckedReceipt => {
  const errors: ReceiptErrors = {};
  const skuCode = form.skuCode.trim();
  const sku = skuCode ? findSku(c, skuCode) : undefined;
  if (!skuCode) errors.sku = 'Scan the item, or type its SKU code.';
  else if (!sku)
    errors.sku = `No item has the code ${skuCode} on this device: scan its barcode or check the SKU code.`;

  const qtyText = form.qty.trim().replace(/[,\s]/g, '');
  const qty = /^\d+$/.test(qtyText) ? Number(qtyText) : NaN;
  if (!qtyText) errors.qty = 'Type how many arrived.';
  else if (!Number.isInteger(qty))
    errors.qty = `${form.qty.trim()} is not a number of units: type a whole number, such as 12.`;
  else if (qty === 0) errors.qty = 'Nothing to receive: type how many arrived, at least 1.';
  else if (qty > RECEIPT_LINE_MAX_QTY)
    errors.qty = `${qty.toLocaleString('en')} is more than one receipt line takes (${RECEIPT_LINE_MAX_QTY.toLocaleString('en')}): check it, or receive the delivery in parts.`;

  const locationCode = form.locationCode.trim();
  const location = locationCode ? findLocation(c, locationCode) : undefined;
  if (!locationCode) errors.location = "Scan the location's label, or type its code.";
  else if (!location)
    errors.location = `No location has the code ${locationCode} on this device: scan its label or check the code.`;

  const er = form.expectedReceiptId
    ? expected.find((e) => e.id === form.expectedReceiptId)
    : undefined;
  if (form.expectedReceiptId && !er)
    errors.expectedReceipt =
      'That expected receipt is no longer expected: choose another, or none.';
  else if (er && sku && er.skuId !== sku.id)
    errors.expectedReceipt = `That expected receipt is for another item, not ${sku.sku}: choose another, or none.`;

  if (Object.keys(errors).length > 0 || !sku || !location) return { ok: false, errors };
  return {
    ok: true,
    sku,
    location,
    qty,
    payload: {
      lines: [{ skuId: sku.id, locationId: location.id, qty }],
      ...(er ? { expectedReceiptId: er.id } : {}),
    },
  };
};
