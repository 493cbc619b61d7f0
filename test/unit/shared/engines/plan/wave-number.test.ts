import { describe, expect, it } from 'vitest';
import { dayWords, nextWaveNumber, onDayOf } from '../../../../../shared/engines/plan/wave-number';

describe('nextWaveNumber', () => {
  const today = (at: string) => at.startsWith('2026-12-01');

  it('numbers on from the highest wave released that day, whatever its name’s form', () => {
    expect(
      nextWaveNumber(
        [
          { name: '1 Dec · 16:00 cut-off · Wave 2', releasedAt: '2026-12-01T08:00:00Z' },
          { name: 'Wave 3.2 · 17:00 cut-off · 200 tours', releasedAt: '2026-12-01T09:00:00Z' },
          { name: '30 Nov · no cut-off · Wave 9', releasedAt: '2026-11-30T15:00:00Z' },
        ],
        today,
      ),
    ).toBe(4);
  });

  it('starts at 1 on a day with no wave yet', () => {
    expect(nextWaveNumber([], today)).toBe(1);
  });
});

describe('dayWords and onDayOf', () => {
  it('says the day as people do, and finds the times on it', () => {
    const now = new Date(2026, 11, 1, 7, 30);
    expect(dayWords(now)).toBe('1 Dec');
    expect(onDayOf(now)(new Date(2026, 11, 1, 23, 59).toISOString())).toBe(true);
    expect(onDayOf(now)(new Date(2026, 11, 2, 0, 1).toISOString())).toBe(false);
  });
});
