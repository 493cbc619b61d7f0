import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db';
import { pendingEvents } from '../../../renderer/sync/outbox';
import { PARKED_CODE } from '../../../renderer/sync/park';
import { KEYS, writeState } from '../../../renderer/sync/sync-state';
import { renderAt } from '../fixtures';

const parked = (id: string, reason: string) => ({
  id,
  type: 'backorder-line.held',
  operatorId: 'op',
  at: '2026-11-25T09:00:00.000Z',
  payload: { backorderLineId: reason, reason: 'x' },
  code: PARKED_CODE,
  message: `The server failed 3 times on this event alone (500 ${reason}).`,
  answeredAt: '2026-11-25T09:01:00.000Z',
});

describe('sync problems: events set aside', () => {
  it('offers Retry and Discard; Retry puts the event back in the outbox, Discard drops it, both logged', async () => {
    await writeState(db, KEYS.nextSeq, 7);
    await db.rejected.bulkPut([parked('e1', 'first'), parked('e2', 'second')]);
    const user = userEvent.setup();
    renderAt('/sync-problems');
    const first = (await screen.findByText(/500 first/)).closest('li')!;
    expect(
      screen.getByRole('heading', { name: 'Set aside: the server failed on these' }),
    ).toBeInTheDocument();
    expect(within(first).queryByRole('button', { name: 'Dismiss' })).toBeNull();

    await user.click(within(first).getByRole('button', { name: 'Retry' }));
    await expect.poll(() => db.rejected.get('e1')).toBeUndefined();
    expect(await pendingEvents(db)).toEqual([
      expect.objectContaining({ id: 'e1', seq: 7, status: 'pending', type: 'backorder-line.held' }),
    ]);

    const second = (await screen.findByText(/500 second/)).closest('li')!;
    await user.click(within(second).getByRole('button', { name: 'Discard' }));
    await expect.poll(() => db.rejected.count()).toBe(0);
    expect(await pendingEvents(db)).toHaveLength(1);

    const log = await screen.findByRole('list', { name: 'Sync log' });
    await expect
      .poll(() =>
        within(log)
          .queryAllByRole('listitem')
          .map((li) => li.textContent),
      )
      .toEqual([
        expect.stringMatching(/Discarded · a hold on a line/),
        expect.stringMatching(/Sent again · a hold on a line/),
      ]);
  });
});
