import { readItem } from '../picking/read-item';
import type { Result } from '../result';
import type { PackLine, PackOrder } from './pack-order';

// Units the packer has verified, per backorder line id, for the tote in hand.
export type Verified = Readonly<Record<string, number>>;

export const verifiedOf = (v: Verified, lineId: string) => v[lineId] ?? 0;

const skuLabel = (l: PackLine) => l.sku?.sku ?? l.line.skuId;

export interface Counted {
  line: PackLine;
  units: number;
  verified: Verified;
}

// One scan of an item at the pack station: it counts its units (1 for an each, 6 for a case of
// 6) on the first line of that SKU in the tote with room for them. A code of no line in the tote
// is a wrong item; more than the tote holds to ship is refused; neither counts anything.
export const verifyScan = (
  order: PackOrder,
  verified: Verified,
  text: string,
  today: string,
): Result<Counted> => {
  const code = text.trim();
  let labelProblem: string | null = null;
  const matches: { line: PackLine; units: number }[] = [];
  for (const line of order.lines) {
    if (!line.sku) continue;
    const read = readItem({ sku: line.sku, today }, code);
    if (read.ok) matches.push({ line, units: read.units });
    else if (!read.reason.startsWith('Wrong item')) labelProblem ??= read.reason;
  }
  const live = matches.filter((m) => !m.line.cancelled);
  if (live.length === 0) {
    if (matches.length > 0)
      return {
        ok: false,
        reason: `${code} is ${skuLabel(matches[0]!.line)} of line ${matches[0]!.line.line.lineNo}, which the customer cancelled: it does not ship; put it back as the return says.`,
      };
    return { ok: false, reason: labelProblem ?? `Wrong item: ${code} is not in this tote.` };
  }
  const room = live.find((m) => verifiedOf(verified, m.line.line.id) + m.units <= m.line.shippable);
  if (!room) {
    const first = live[0]!;
    const shippable = live.reduce((s, m) => s + m.line.shippable, 0);
    const counted = live.reduce((s, m) => s + verifiedOf(verified, m.line.line.id), 0);
    return {
      ok: false,
      reason: `That makes ${counted + first.units} of ${skuLabel(first.line)}; only ${shippable} ${shippable === 1 ? 'is' : 'are'} in this tote to ship.`,
    };
  }
  const id = room.line.line.id;
  return {
    ok: true,
    value: {
      line: room.line,
      units: room.units,
      verified: { ...verified, [id]: verifiedOf(verified, id) + room.units },
    },
  };
};

// "Confirm counts" stations: the packer counts a line and confirms the number.
export const confirmCount = (
  order: PackOrder,
  verified: Verified,
  lineId: string,
  count: number,
): Result<Verified> => {
  const line = order.lines.find((l) => l.line.id === lineId);
  if (!line) return { ok: false, reason: 'That line is not in this tote.' };
  if (line.cancelled)
    return { ok: false, reason: `Line ${line.line.lineNo} was cancelled: it does not ship.` };
  if (!Number.isInteger(count) || count < 0)
    return { ok: false, reason: 'The count is a whole number of units, 0 or more.' };
  if (count > line.shippable)
    return {
      ok: false,
      reason: `Line ${line.line.lineNo} has ${line.shippable} of ${skuLabel(line)} to ship from this tote; ${count} cannot be confirmed.`,
    };
  return { ok: true, value: { ...verified, [lineId]: count } };
};

// What the shipment carries: each verified line once, with its verified units.
export const shipmentLines = (order: PackOrder, verified: Verified) =>
  order.lines
    .filter((l) => !l.cancelled && verifiedOf(verified, l.line.id) > 0)
    .map((l) => ({ backorderLineId: l.line.id, qty: verifiedOf(verified, l.line.id) }));

// What the order still owes once this shipment leaves, line by line.
export const owedAfter = (order: PackOrder, verified: Verified) =>
  order.owed
    .map((o) => ({ ...o, after: o.owed - verifiedOf(verified, o.line.id) }))
    .filter((o) => o.after > 0);

// Why "Confirm shipment" cannot go yet, or null. A ship-complete order ships every owed unit of
// every live line at once (the rule refuses anything less: shared/event-rules/packing.ts).
export const shipBlocker = (order: PackOrder, verified: Verified): string | null => {
  if (shipmentLines(order, verified).length === 0)
    return 'Verify the items first: nothing is counted for this shipment yet.';
  if (!order.shipComplete) return null;
  const left = owedAfter(order, verified)[0];
  if (!left) return null;
  return `Order ${order.orderId} ships complete: line ${left.line.lineNo} (${left.sku?.sku ?? left.line.skuId}) has ${left.owed - left.after} of ${left.owed} here, so it cannot ship until all of it is here.`;
};

// Verified counts as they still hold: an item taken out since lowers what a line can ship, and
// its count with it.
export const clampVerified = (order: PackOrder, verified: Verified): Verified => {
  const out: Record<string, number> = {};
  for (const l of order.lines) {
    const v = Math.min(verifiedOf(verified, l.line.id), l.cancelled ? 0 : l.shippable);
    if (v > 0) out[l.line.id] = v;
  }
  return out;
};
