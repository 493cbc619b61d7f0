import { FLOOR_SETTINGS_ID } from '../domain/floor-settings';
import { stockId } from '../domain/stock';
import { followPlan, foundShortAt } from '../stock/follow-oms';
import type { StockLevelFollowed, StockOwnerSet } from '../sync-api/events/oms';
import type { Draft } from './draft';
import { floorSettingsOf } from './floor-settings';
import { releaseReservations, refreshLines, reservedAt } from './reservations';
import { accepted, refuse, type RuleOutcome } from './rule';

// The OMS connector's stock events (docs/oms.md "One owner of stock per site"), as rules over a
// draft: the server runs them over locked rows (server/apply/oms-stock.ts).

// Who keeps the stock figures goes into the floor settings every device pulls.
export const setStockOwner = (d: Draft, p: StockOwnerSet): RuleOutcome => {
  d.put('floorSettings', {
    ...floorSettingsOf(d),
    id: FLOOR_SETTINGS_ID,
    stockOwner: p.stockOwner,
    omsName: p.omsName,
  });
  return accepted;
};

// The OMS's figure of a SKU, as a change to its bins (shared/stock/follow-oms.ts). A bin left with
// fewer units than it has reserved gives its reservations up, and their lines go back to be
// planned, as after a count. The figure is the OMS's count of the SKU: the bins it was found
// short at are counted now (the connector records one only when it answers the count).
export const followOmsStock = (d: Draft, p: StockLevelFollowed): RuleOutcome => {
  if (!d.get('sku', p.skuId))
    return refuse('unknown-sku', `The OMS's stock names SKU ${p.skuId}, which is not known here.`);
  if (!d.get('location', p.locationId))
    return refuse(
      'unknown-location',
      `The OMS's stock of ${p.skuId} was to land at location ${p.locationId}, which is not known here.`,
    );
  const bins = d.where('stock', 'skuId', p.skuId);
  const flagged = new Set(
    bins.filter((b) => d.get('location', b.locationId)?.countRequired).map((b) => b.locationId),
  );
  const short = foundShortAt(bins, flagged);
  const plan = followPlan(bins, p.change, p.locationId);
  const touched: string[] = [];
  for (const bin of plan.bins) {
    const id = stockId(bin.locationId, p.skuId);
    const before = d.get('stock', id);
    if (before && before.reserved > bin.onHand)
      touched.push(...releaseReservations(d, reservedAt(d, bin.locationId, p.skuId)));
    const now = d.get('stock', id);
    d.put(
      'stock',
      now
        ? { ...now, onHand: bin.onHand }
        : { id, locationId: bin.locationId, skuId: p.skuId, onHand: bin.onHand, reserved: 0 },
    );
  }
  for (const locationId of short) d.update('location', locationId, { countRequired: false });
  refreshLines(d, touched);
  return accepted;
};

// "Count SKU-1 at A1-01 in Vendure: found short": a bin flagged for a count when the OMS keeps
// the stock, as the lead's screens say it.
export const countInOmsWords = (
  skuCode: string,
  locationCode: string,
  omsName: string | null,
): string =>
  `Count ${skuCode} at ${locationCode} in ${omsName ?? "the shop's system"}: found short`;

// When the OMS keeps the stock figures, a receipt or a count is made there, not on a device:
// Fillwave's bins follow the OMS's figures. Null when Fillwave keeps them.
export const stockKeptByOms = (d: Draft, doing: 'receive' | 'count'): RuleOutcome | null => {
  const settings = floorSettingsOf(d);
  if (settings.stockOwner !== 'oms') return null;
  return refuse('stock-kept-by-oms', stockKeptWords(settings.omsName, doing));
};

// The sentence, the same on a refusal and on the Receive screen.
export const stockKeptWords = (omsName: string | null, doing: 'receive' | 'count'): string =>
  `Stock is kept by the shop's system${omsName ? ` (${omsName})` : ''} at this site: ${doing} it there; Fillwave follows its figures.`;
