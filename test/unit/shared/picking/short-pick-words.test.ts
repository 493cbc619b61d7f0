import { describe, expect, it } from 'vitest';
import { oneTaskFloor } from '../../../fixtures/one-task-floor';
import { applyLocally } from '../../../../shared/event-rules/apply-locally';
import { overlay } from '../../../../shared/event-rules/tables';
import { shortPickOutcome } from '../../../../shared/picking/short-pick-words';
import { openQty, owedQty, toShipQty } from '../../../../shared/rules/line-quantities';

// K1 asks for 6 of SKU-00001 at A-01-1 (10 on hand) into tote TT1. The confirmation's words are
// checked against what the shared rule then does with the bin and the line.
const floor = () => oneTaskFloor(6);

const report = (foundQty: number) => {
  const base = floor();
  const outcome = applyLocally(base, {
    id: 'e1',
    type: 'short-pick.reported',
    operatorId: 'op-pat',
    at: '2026-11-25T09:00:00.000Z',
    payload: {
      pickTaskId: 'K1',
      foundQty,
      reason: 'not-found',
      ...(foundQty ? { toteCode: 'TT1' } : {}),
    },
  });
  if (!outcome.ok) throw new Error(outcome.reason);
  return overlay(base, outcome.changes);
};
const facts = { left: 6, skuLabel: 'SKU-00001', locationCode: 'A-01-1', toteCode: 'TT1' };

describe('the words of a short pick', () => {
  it('says the found units go into the tote, the bin is counted to what was found and left at 0, and the rest go back to owed', () => {
    const said = shortPickOutcome({ ...facts, found: 2 });
    expect(said).toBe(
      '2 × SKU-00001 go into tote TT1. The bin at A-01-1 is counted to 2, all taken: it is left at 0 ' +
        'and flagged for a recount; other picks of this item there come off their tours. 4 go back to owed, to be planned again.',
    );
    // What the rule does: exactly that.
    const after = report(2);
    const line = after.get('backorderLine', 'SO-1/1')!;
    expect(toShipQty(line)).toBe(2);
    expect(openQty(line)).toBe(4);
    expect(owedQty(line)).toBe(6);
    expect(after.get('stock', 'L1|S1')!.onHand).toBe(0);
    expect(after.get('location', 'L1')!.countRequired).toBe(true);
  });

  it('says nothing goes into the tote when none was found, and counts one unit as one', () => {
    expect(shortPickOutcome({ ...facts, left: 1, found: 0 })).toBe(
      'Nothing goes into the tote. The bin at A-01-1 is counted to 0 and flagged for a recount; ' +
        'other picks of this item there come off their tours. 1 goes back to owed, to be planned again.',
    );
    const line = report(0).get('backorderLine', 'SO-1/1')!;
    expect(openQty(line)).toBe(6);
    expect(shortPickOutcome({ ...facts, found: 1 })).toMatch(
      /^1 × SKU-00001 goes into tote TT1\. /,
    );
  });
});
