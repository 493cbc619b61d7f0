// What a short pick will do, said before it is sent, in the words of the rule that applies it
// (shared/event-rules/picks.ts, shortPickReported): the units found go into the order's tote,
// the bin's stock of the item is set to 0 and flagged for a count (its other reservations are
// released, so other picks of the item there come off their tours), and the units not found go
// back to the line's owed quantity, to be planned again.
export interface ShortPickFacts {
  // Units the task still asks for (qty − picked − short).
  left: number;
  found: number;
  skuLabel: string;
  locationCode: string;
  toteCode: string | null;
}

const go = (n: number) => `${n} ${n === 1 ? 'goes' : 'go'}`;

export const shortPickOutcome = (f: ShortPickFacts): string => {
  const into =
    f.found > 0
      ? `${f.found} × ${f.skuLabel} ${f.found === 1 ? 'goes' : 'go'} into ${f.toteCode ? `tote ${f.toteCode}` : "the order's tote"}.`
      : 'Nothing goes into the tote.';
  // The picker's found figure is the bin's count: what it held of the item, all taken.
  const bin =
    f.found > 0
      ? `The bin at ${f.locationCode} is counted to ${f.found}, all taken: it is left at 0`
      : `The bin at ${f.locationCode} is counted to 0`;
  return (
    `${into} ${bin} and flagged for a recount; other picks of this item there come off their ` +
    `tours. ${go(f.left - f.found)} back to owed, to be planned again.`
  );
};
