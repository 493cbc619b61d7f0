import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SENT_POLICY,
  describeSent,
  describeSentWindow,
  sentToDrop,
  type SentEntry,
} from '../../../../shared/sync/sent-retention';

const NOW = new Date('2026-12-01T12:00:00Z');
const HOUR = 60 * 60 * 1000;
const entry = (localId: number, hoursAgo: number, bytes = 100): SentEntry => ({
  localId,
  settledAt: new Date(NOW.getTime() - hoursAgo * HOUR).toISOString(),
  bytes,
});

describe('how long sent events are kept', () => {
  it('keeps 7 days by default and drops what is older', () => {
    expect(DEFAULT_SENT_POLICY.keepDays).toBe(7);
    const entries = [entry(1, 24 * 8), entry(2, 24 * 7 + 1), entry(3, 24 * 6), entry(4, 1)];
    expect(sentToDrop(entries, NOW).sort()).toEqual([1, 2]);
  });

  it('keeps at most the budget in events, newest first', () => {
    const entries = Array.from({ length: 10 }, (_, i) => entry(i + 1, 10 - i));
    const drop = sentToDrop(entries, NOW, { keepDays: 7, maxEvents: 4, maxBytes: 1e9 });
    expect(drop.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps at most the budget in bytes, and one unbroken stretch', () => {
    // Newest is 10; 10+9+8 = 600 bytes fit in 650; 7 (500 bytes) does not; 6 (10 bytes) would,
    // but keeping it would leave a hole where 7 was.
    const entries = [
      entry(6, 5, 10),
      entry(7, 4, 500),
      entry(8, 3, 200),
      entry(9, 2, 200),
      entry(10, 1, 200),
    ];
    const drop = sentToDrop(entries, NOW, { keepDays: 7, maxEvents: 100, maxBytes: 650 });
    expect(drop.sort((a, b) => a - b)).toEqual([6, 7]);
  });

  it('drops nothing inside the window and the budget', () => {
    expect(sentToDrop([entry(1, 2), entry(2, 1)], NOW)).toEqual([]);
    expect(sentToDrop([], NOW)).toEqual([]);
  });
});

describe('what sync status says about them', () => {
  it('in people words: how many, since when, and why', () => {
    expect(describeSent(0, null, NOW)).toBe('No sent events kept');
    expect(describeSent(1, new Date(NOW.getTime() - 10 * 60 * 1000).toISOString(), NOW)).toBe(
      '1 sent event kept, the oldest from less than an hour ago',
    );
    expect(describeSent(5000, new Date(NOW.getTime() - 3 * HOUR).toISOString(), NOW)).toBe(
      '5,000 sent events kept, the oldest from 3 hours ago',
    );
    expect(describeSent(12, new Date(NOW.getTime() - 80 * HOUR).toISOString(), NOW)).toBe(
      '12 sent events kept, the oldest from 3 days ago',
    );
    expect(describeSentWindow()).toBe(
      'Events the server accepted are kept 7 days (at most 20,000), to send again if the server is restored from a backup.',
    );
  });
});
