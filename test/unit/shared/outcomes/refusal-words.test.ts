import { describe, expect, it } from 'vitest';
import { refusalSubject, tourName } from '../../../../shared/outcomes/refusal-subject';
import { describeRefusal, refusedCount } from '../../../../shared/outcomes/refusal-words';

const WAVE = 'Wave 1 · cut-off 16:00 · 2 tours';

describe('a refusal in the words of the person who acted', () => {
  it("names the lead's lost wave, keeps the server's sentence, and says to plan again", () => {
    const notice = describeRefusal(
      {
        type: 'wave.released',
        code: 'over-allocated',
        message: `Wave ${WAVE} was not released: Backorder line SO-7/1 has 0 left to allocate; 3 is too many.`,
      },
      { actor: 'Kim (lead 2)', wave: WAVE },
    );
    expect(notice).toEqual({
      step: 're-plan',
      screen: 'plan',
      headline: `${WAVE} was not released: its lines were already allocated by another release.`,
      detail: `Wave ${WAVE} was not released: Backorder line SO-7/1 has 0 left to allocate; 3 is too many.`,
      next: 'Plan the waves again: the new plan uses only the stock that is still free.',
      action: { label: 'Plan waves again', path: '/plan' },
    });
  });

  it("names a refused receipt's item and location, and sends the lead back to receiving", () => {
    expect(
      refusalSubject({
        receiptId: 'R1',
        lines: [{ skuId: 'S1', locationId: 'L9', qty: 4 }],
      }),
    ).toEqual({ skuId: 'S1', locationId: 'L9' });
    // A receipt of several lines names no one item.
    expect(
      refusalSubject({
        lines: [
          { skuId: 'S1', locationId: 'L1', qty: 1 },
          { skuId: 'S2', locationId: 'L1', qty: 1 },
        ],
      }),
    ).toEqual({});
    const notice = describeRefusal(
      {
        type: 'stock.received',
        code: 'unknown-location',
        message: 'The location L9 is not known here: scan its label or type its code again.',
      },
      { sku: 'SKU-00001', location: 'L9' },
    );
    expect(notice.headline).toBe(
      'Your receipt of SKU-00001 at L9 was not recorded: the server does not know the location.',
    );
    expect(notice.screen).toBe('receive');
    expect(notice.action).toEqual({ label: 'Open receiving', path: '/receive' });
  });

  it('names the one line of an allocation the server refused while it committed the rest', () => {
    const message = 'Only 0 of NUT-10 are free at A-01; line 1 of order SO-6 needs 3.';
    const part = { type: 'allocation.committed', code: 'stock-gone', message };
    expect(describeRefusal(part, { line: 'SO-6/1' }).headline).toBe(
      'Line SO-6/1 was not allocated: its stock went to another release first.',
    );
    expect(describeRefusal({ ...part, code: 'nothing-allocated' }, {}).headline).toBe(
      'Your allocation was not committed: its stock went to another release first.',
    );
  });

  it('names a lost tour by its wave and number, never by its id', () => {
    const notice = describeRefusal(
      { type: 'tour.claimed', code: 'tour-taken', message: 'Tour t-9f3 is held by Pat Picker.' },
      { tour: tourName(WAVE, 1) },
    );
    expect(notice.headline).toBe(`Tour 2 of ${WAVE} went to another picker first.`);
    expect(notice.next).toBe('Take another tour: this one is not yours.');
    expect(notice.action?.label).toBe('Take another tour');
  });

  it('says "the tour" when the device no longer knows which', () => {
    const notice = describeRefusal(
      { type: 'pick.confirmed', code: 'task-closed', message: 'Task closed.' },
      {},
      'T1',
    );
    expect(notice.headline).toBe(
      'Your pick on the tour was not recorded: the task was already closed.',
    );
    expect(notice.action).toEqual({ label: 'Open the tour', path: '/pick/T1' });
  });

  it('asks for a recount of a refused count, by location code and SKU', () => {
    const notice = describeRefusal(
      { type: 'location.counted', code: 'unknown-sku', message: 'There is no SKU s-1.' },
      { location: 'A-01-02', sku: 'SKU-00031' },
    );
    expect(notice.headline).toBe(
      'Your count of SKU-00031 at A-01-02 was refused: the server does not know the item.',
    );
    expect(notice.step).toBe('recount');
    expect(notice.action).toBeNull();
  });

  it("falls back to the server's refusal for a code it has no words for", () => {
    const notice = describeRefusal(
      { type: 'backorder-line.held', code: 'brand-new', message: 'Something new.' },
      { line: 'SO-3/1' },
    );
    expect(notice.headline).toBe('Line SO-3/1 was not put on hold: the server refused it.');
    expect(notice.detail).toBe('Something new.');
  });

  it("names the badge a lead's unlock missed, and sends the lead back to the floor", () => {
    expect(refusalSubject({ operatorId: 'op-pat' })).toEqual({ pickerId: 'op-pat' });
    expect(
      describeRefusal(
        {
          type: 'operator.unlocked',
          code: 'not-locked',
          message: 'Pat Picker is not locked out: they can sign in with their PIN.',
        },
        { picker: 'Pat Picker' },
      ),
    ).toMatchObject({
      step: 'check-locks',
      screen: 'floor',
      headline: 'Pat Picker was not unlocked: the badge was not locked.',
      next: 'Open the floor to see who is still locked out of signing in.',
      action: { label: 'Open the floor', path: '/floor' },
    });
  });

  it('counts for the status bar', () => {
    expect(refusedCount(1)).toBe('1 refused');
  });
});

describe('what a refused event was about', () => {
  it('takes the ids it names, and the name a released wave carries', () => {
    expect(refusalSubject({ waveId: 'w1', name: WAVE, tours: [], allocation: [{ x: 1 }] })).toEqual(
      { waveId: 'w1', waveName: WAVE },
    );
    expect(refusalSubject({ tourId: 't1', pickerId: 'op-1' })).toEqual({
      tourId: 't1',
      pickerId: 'op-1',
    });
  });

  it('takes nothing from a payload that is not an object, or fields that are not text', () => {
    expect(refusalSubject(null)).toEqual({});
    expect(refusalSubject(['tourId'])).toEqual({});
    expect(refusalSubject({ tourId: 7, name: 'x' })).toEqual({});
  });
});
