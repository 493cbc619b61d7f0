import { readItem } from '../picking/read-item';
import type { PackOrder } from './pack-order';
import { verifyScan, type Counted, type Verified } from './verify';

// What one scan at the pack station means, from what the station shows now.
export type PackScan =
  | { kind: 'open-tote'; toteId: string }
  // No tote is open and the code is none waiting: the screen says why (shipped, on a cart…).
  | { kind: 'not-a-tote'; code: string }
  | { kind: 'return-location'; instructionId: string }
  | { kind: 'return-item'; instructionId: string }
  | { kind: 'counted'; counted: Counted }
  | { kind: 'refused'; reason: string };

export interface PackScanState {
  // The totes waiting at packing, by id and code.
  totes: readonly { id: string; toteCode: string }[];
  order: PackOrder | null;
  verified: Verified;
  // The return whose location was scanned, waiting for its item.
  returnInHand: string | null;
  byCount: boolean;
  // YYYY-MM-DD: a GS1 label that expired before it is refused.
  today: string;
}

const same = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

// Returns first (the cancelled line's stock must go back), then the tote's items; a tote's code
// opens that tote. A code that fits nothing is refused with what was expected.
export const readPackScan = (s: PackScanState, text: string): PackScan => {
  const code = text.trim();
  const tote = s.totes.find((t) => same(t.toteCode, code));
  const { order } = s;
  if (!order) return tote ? { kind: 'open-tote', toteId: tote.id } : { kind: 'not-a-tote', code };

  const atLocation = order.returns.find((r) => r.location && same(r.location.code, code));
  if (atLocation) return { kind: 'return-location', instructionId: atLocation.instruction.id };
  const inHand = order.returns.find((r) => r.instruction.id === s.returnInHand);
  if (inHand) {
    const read = inHand.sku ? readItem({ sku: inHand.sku, today: s.today }, code) : null;
    if (read?.ok) return { kind: 'return-item', instructionId: inHand.instruction.id };
    const what = inHand.sku?.sku ?? inHand.instruction.skuId;
    return {
      kind: 'refused',
      reason:
        read && !read.reason.startsWith('Wrong item')
          ? read.reason
          : `Wrong item: ${code} is not ${what}; scan ${what} to put it back at ${inHand.location?.code ?? inHand.instruction.locationId}.`,
    };
  }

  if (tote) return { kind: 'open-tote', toteId: tote.id };
  if (order.tote.status !== 'dropped')
    return {
      kind: 'refused',
      reason: `Tote ${order.tote.toteCode} has shipped: scan the next tote.`,
    };
  if (s.byCount)
    return {
      kind: 'refused',
      reason:
        "This station confirms counts: type each line's count, or set the station to scan each item.",
    };
  const counted = verifyScan(order, s.verified, code, s.today);
  return counted.ok
    ? { kind: 'counted', counted: counted.value }
    : { kind: 'refused', reason: counted.reason };
};
