import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db';
import { enrollLocally, renderAt } from '../fixtures';

describe('sync status', () => {
  it('says how many sent events the device keeps, since when, and why', async () => {
    await enrollLocally();
    const hoursAgo = (h: number) => new Date(Date.now() - h * 60 * 60 * 1000).toISOString();
    await db.sent.bulkPut(
      [50, 30, 2].map((h, i) => ({
        localId: i + 1,
        id: `e${i + 1}`,
        seq: i + 1,
        type: 'backorder-line.held',
        operatorId: 'op',
        at: hoursAgo(h),
        payload: {},
        settledAt: hoursAgo(h),
        bytes: 100,
      })),
    );
    renderAt('/queue');
    const badge = await screen.findByTestId('sent-kept');
    expect(badge).toHaveTextContent('3 sent events kept, the oldest from 2 days ago');
    expect(badge).toHaveAttribute(
      'title',
      'Events the server accepted are kept 7 days (at most 20,000), to send again if the server is restored from a backup.',
    );
  });

  it('says nothing about them while there are none', async () => {
    await enrollLocally();
    renderAt('/queue');
    await screen.findByTestId('waiting');
    expect(screen.queryByTestId('sent-kept')).toBeNull();
  });
});
