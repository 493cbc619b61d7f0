import { INT4_MAX } from '../domain/common';
import { stockId } from '../domain/stock';
import { locationName, skuName } from './names';
import { stockKeptByOms } from './oms-stock';
import { accepted, defineRule, refuse } from './rule';

// Stock a lead received: each line adds to what is on hand at its location (the stock row is
// made if the SKU was never there). Nothing is reserved: allocation decides who gets it, by the
// rules. A location waiting for a count takes the stock (it is on the shelf), and allocation
// leaves it alone until the count, as it does the rest of that location's stock.
export const stockReceived = defineRule({
  type: 'stock.received',
  apply: (d, { lines, expectedReceiptId }) => {
    const kept = stockKeptByOms(d, 'receive');
    if (kept) return kept;
    for (const { skuId, locationId } of lines) {
      if (!d.get('sku', skuId))
        return refuse(
          'unknown-sku',
          `The item ${skuId} is not known here: scan its barcode or type its SKU code again.`,
        );
      if (!d.get('location', locationId))
        return refuse(
          'unknown-location',
          `The location ${locationId} is not known here: scan its label or type its code again.`,
        );
    }
    const expected = expectedReceiptId ? d.get('expectedReceipt', expectedReceiptId) : null;
    if (expectedReceiptId && !expected)
      return refuse(
        'unknown-expected-receipt',
        'That expected receipt is no longer expected: it was received already or the OMS withdrew it. Receive the stock without it.',
      );
    const againstExpected = expected ? lines.filter((l) => l.skuId === expected.skuId) : [];
    if (expected && againstExpected.length === 0)
      return refuse(
        'expected-receipt-other-sku',
        `The expected receipt is for ${skuName(d, expected.skuId)}, and this receipt has none of it.`,
      );

    for (const { skuId, locationId, qty } of lines) {
      const id = stockId(locationId, skuId);
      const stock = d.get('stock', id);
      const onHand = (stock?.onHand ?? 0) + qty;
      // The column is 32-bit: a sum past it would fail on the server rather than be refused.
      if (onHand > INT4_MAX)
        return refuse(
          'stock-too-large',
          `${locationName(d, locationId)} would hold more ${skuName(d, skuId)} than can be counted; check the quantity.`,
        );
      d.put('stock', stock ? { ...stock, onHand } : { id, locationId, skuId, onHand, reserved: 0 });
    }

    // An expected receipt says what is still to come. What arrived is no longer expected: its
    // quantity goes down, and the row goes once all of it is here (a row of 0 expected would
    // tell the lead stock is coming that is not; the OMS records it again if more is on its way).
    // Received over the expected quantity is fine: suppliers over-deliver.
    if (expected) {
      const received = againstExpected.reduce((s, l) => s + l.qty, 0);
      if (received >= expected.qty) d.remove('expectedReceipt', expected.id);
      else d.put('expectedReceipt', { ...expected, qty: expected.qty - received });
    }
    return accepted;
  },
});
