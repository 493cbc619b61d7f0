// When the OMS owns a site's stock (docs/oms.md "One owner of stock per site"), Fillwave's bins
// follow the OMS's on-hand figure of each SKU. The OMS counts a SKU as one number; Fillwave
// holds it per bin. This is the mapping, pure: the runner (server/oms/runner.ts) decides the
// change and where it lands, the event's rule (shared/event-rules/oms-stock.ts) applies it.

export interface BinStock {
  locationId: string;
  onHand: number;
  reserved: number;
}

// What Fillwave holds of a SKU as the OMS counts it: units in bins, units picked and waiting at
// packing, picked units of cancelled lines waiting to go back to a bin, and units shipped by
// events the OMS has not been told of yet. The same sum the Fillwave-owner export sets the OMS's
// figure to (server/oms/stock-levels.ts computes it in SQL).
export interface FillwaveHolding {
  inBins: number;
  atPacking: number;
  toReturn: number;
  shippedUntold: number;
}

export const heldAsOmsCounts = (h: FillwaveHolding): number =>
  h.inBins + h.atPacking + h.toReturn + h.shippedUntold;

// Units the bins gain (+) or lose (-) so that Fillwave holds what the OMS says.
export const changeToFollow = (omsOnHand: number, h: FillwaveHolding): number =>
  omsOnHand - heldAsOmsCounts(h);

// Where a SKU's change lands: its home bin, the one holding most of it (ties: the lowest
// location id), or the site's receiving location if no bin holds any. A bin flagged for a count
// (a short pick: what it holds is in doubt) is no one's home while another will do.
export const homeOf = (
  bins: readonly BinStock[],
  receivingLocationId: string,
  flagged: ReadonlySet<string> = new Set(),
): string => {
  const held = bins.filter((b) => b.onHand > 0 && !flagged.has(b.locationId));
  if (held.length === 0) return receivingLocationId;
  return [...held].sort((a, b) => b.onHand - a.onHand || (a.locationId < b.locationId ? -1 : 1))[0]!
    .locationId;
};

// The site's receiving location when it has none of its own: the first location by id not
// flagged for a count (the first of all if every one is), so the choice is the same on every run.
export const receivingLocationOf = (
  locationIds: readonly string[],
  flagged: ReadonlySet<string> = new Set(),
): string | null => {
  const sorted = [...locationIds].sort();
  return sorted.find((id) => !flagged.has(id)) ?? sorted[0] ?? null;
};

// The bins a SKU was found short at: a short pick sets the SKU's stock there to 0 and flags the
// location (which may hold other SKUs, whose counts this SKU's figure does not answer).
export const foundShortAt = (bins: readonly BinStock[], flagged: ReadonlySet<string>): string[] =>
  bins.filter((b) => b.onHand === 0 && flagged.has(b.locationId)).map((b) => b.locationId);

// A short pick flags its bin for a count. When the OMS owns the stock the count is made there
// (its figure is the truth), so the flag means "count this SKU in the OMS", and the OMS's figure
// answers it:
// - while the OMS still has more of the SKU than Fillwave holds, the extra units are taken to be
//   the ones the picker did not find: they land nowhere ('wait'), or they would be sent for again;
// - once its figure is at or below Fillwave's, the count is answered: the change is followed and
//   the SKU's flags clear ('follow', even a change of none);
// - a SKU with no flag follows any change that moves a bin, and nothing else ('nothing').
export type FollowStep = 'follow' | 'wait' | 'nothing';
export const followStep = (change: number, flagged: boolean, movesBins: boolean): FollowStep => {
  if (flagged) return change > 0 ? 'wait' : 'follow';
  return change !== 0 && movesBins ? 'follow' : 'nothing';
};

export interface FollowPlan {
  // Each bin whose on-hand figure changes, with its new figure.
  bins: { locationId: string; onHand: number }[];
  // Units the OMS has fewer of than Fillwave's bins can give up (they are at packing, or shipped
  // and not yet told): left as they are, to be settled when the OMS hears of them.
  notTaken: number;
}

// How a change lands on the bins. Units come in at the home bin. Units go out unreserved first,
// the home bin's before the others' (most unreserved first, then by location id), and only then
// reserved ones (home first, then by location id): a bin left with fewer than it has reserved
// gives up its reservations, as after a count.
export const followPlan = (bins: readonly BinStock[], change: number, home: string): FollowPlan => {
  const next = new Map(bins.map((b) => [b.locationId, b.onHand]));
  if (change >= 0) {
    if (change > 0) next.set(home, (next.get(home) ?? 0) + change);
  } else {
    let left = -change;
    const take = (locationId: string, most: number) => {
      const n = Math.min(left, Math.max(0, most));
      if (n === 0) return;
      next.set(locationId, next.get(locationId)! - n);
      left -= n;
    };
    const others = bins
      .filter((b) => b.locationId !== home)
      .sort(
        (a, b) =>
          b.onHand - b.reserved - (a.onHand - a.reserved) || (a.locationId < b.locationId ? -1 : 1),
      );
    const homeBin = bins.find((b) => b.locationId === home);
    const ordered = homeBin ? [homeBin, ...others] : others;
    for (const b of ordered) take(b.locationId, b.onHand - b.reserved);
    const byId = [...ordered].sort((a, b) =>
      a === homeBin ? -1 : b === homeBin ? 1 : a.locationId < b.locationId ? -1 : 1,
    );
    for (const b of byId) take(b.locationId, next.get(b.locationId)!);
    return { bins: changed(bins, next), notTaken: left };
  }
  return { bins: changed(bins, next), notTaken: 0 };
};

const changed = (bins: readonly BinStock[], next: Map<string, number>) =>
  [...next]
    .filter(([id, onHand]) => bins.find((b) => b.locationId === id)?.onHand !== onHand)
    .map(([locationId, onHand]) => ({ locationId, onHand }))
    .sort((a, b) => (a.locationId < b.locationId ? -1 : 1));
