import { describe, expect, it } from 'vitest';
import { businessDate, businessDateIn } from '../../../../shared/time/business-date';
import {
  CLOCK_AHEAD_LIMIT_MS,
  describeClockAhead,
  effectiveAt,
} from '../../../../shared/time/business-time';
import {
  canonicalTimeZone,
  TimeZoneSchema,
  timeZoneProblem,
} from '../../../../shared/time/time-zone';

describe('business date', () => {
  it('keeps 23:30 in New York (UTC-5 in winter) on that day, though UTC is on the next', () => {
    // 2026-01-14 23:30 EST = 2026-01-15 04:30Z
    expect(businessDate('2026-01-15T04:30:00Z', 'America/New_York')).toBe('2026-01-14');
    expect(businessDate('2026-01-15T04:30:00Z', 'UTC')).toBe('2026-01-15');
  });

  it('keeps 23:30 in Tokyo (UTC+9) on that day, which in UTC is still mid-afternoon', () => {
    // 2026-01-14 23:30 JST = 2026-01-14 14:30Z; 00:30 JST the next day is 15:30Z the same UTC day
    expect(businessDate('2026-01-14T14:30:00Z', 'Asia/Tokyo')).toBe('2026-01-14');
    expect(businessDate('2026-01-14T15:30:00Z', 'Asia/Tokyo')).toBe('2026-01-15');
    expect(businessDate('2026-01-14T15:30:00Z', 'UTC')).toBe('2026-01-14');
  });

  it('gives one instant different dates in UTC-5 and UTC+9', () => {
    const at = '2026-11-25T14:45:00Z'; // 09:45 in New York, 23:45 in Tokyo
    expect(businessDate(at, 'America/New_York')).toBe('2026-11-25');
    expect(businessDate(at, 'Asia/Tokyo')).toBe('2026-11-25');
    const late = '2026-11-26T04:30:00Z'; // 23:30 in New York, 13:30 the next day in Tokyo
    expect(businessDate(late, 'America/New_York')).toBe('2026-11-25');
    expect(businessDate(late, 'Asia/Tokyo')).toBe('2026-11-26');
  });

  it('reads a timestamp with an offset as the same instant', () => {
    expect(businessDate('2026-01-14T23:30:00-05:00', 'America/New_York')).toBe('2026-01-14');
    expect(businessDate('2026-01-14T23:30:00+09:00', 'America/New_York')).toBe('2026-01-14');
    expect(businessDate('2026-01-14T23:30:00+09:00', 'UTC')).toBe('2026-01-14');
  });

  it('follows daylight saving time at its edges', () => {
    const ny = businessDateIn('America/New_York');
    // Spring forward, 2026-03-08 02:00 EST -> 03:00 EDT: 23:30 the night before is EST (04:30Z),
    // 23:30 that evening is EDT (03:30Z the next day).
    expect(ny('2026-03-08T04:30:00Z')).toBe('2026-03-07');
    expect(ny('2026-03-08T04:59:59Z')).toBe('2026-03-07');
    expect(ny('2026-03-08T05:00:00Z')).toBe('2026-03-08');
    expect(ny('2026-03-09T03:30:00Z')).toBe('2026-03-08');
    expect(ny('2026-03-09T04:00:00Z')).toBe('2026-03-09');
    // Fall back, 2026-11-01 02:00 EDT -> 01:00 EST: midnight is 04:00Z that day, 05:00Z the next.
    expect(ny('2026-11-01T03:59:59Z')).toBe('2026-10-31');
    expect(ny('2026-11-01T04:00:00Z')).toBe('2026-11-01');
    expect(ny('2026-11-01T05:30:00Z')).toBe('2026-11-01'); // 01:30 EDT
    expect(ny('2026-11-01T06:30:00Z')).toBe('2026-11-01'); // 01:30 EST, the same hour again
    expect(ny('2026-11-02T04:59:59Z')).toBe('2026-11-01');
    expect(ny('2026-11-02T05:00:00Z')).toBe('2026-11-02');
  });

  it('handles a fixed offset zone and the first and last instants of a day', () => {
    const minus5 = businessDateIn('Etc/GMT+5'); // POSIX sign: GMT+5 is UTC-5
    expect(minus5('2026-07-15T04:30:00Z')).toBe('2026-07-14');
    expect(minus5('2026-07-15T05:00:00Z')).toBe('2026-07-15');
    expect(businessDate('2026-12-31T23:59:59.999Z', 'UTC')).toBe('2026-12-31');
    expect(businessDate('2027-01-01T00:00:00Z', 'UTC')).toBe('2027-01-01');
    expect(businessDate('2026-12-31T15:00:00Z', 'Asia/Tokyo')).toBe('2027-01-01');
  });
});

describe('time zone names', () => {
  it('takes IANA names in their canonical spelling', () => {
    expect(canonicalTimeZone('America/New_York')).toBe('America/New_York');
    expect(canonicalTimeZone('asia/tokyo')).toBe('Asia/Tokyo');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(TimeZoneSchema.parse(' Europe/Berlin ')).toBe('Europe/Berlin');
  });

  it('refuses an unknown zone, a bare offset and junk with a sentence', () => {
    for (const name of [
      'Mars/Olympus_Mons',
      '+05:00',
      '',
      'America/New_York; DROP',
      'x'.repeat(300),
    ])
      expect(canonicalTimeZone(name)).toBeNull();
    const parsed = TimeZoneSchema.safeParse('Mars/Olympus_Mons');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(timeZoneProblem('Mars/Olympus_Mons'));
    expect(timeZoneProblem('Mars/Olympus_Mons')).toMatch(
      /^"Mars\/Olympus_Mons" is not a time zone/,
    );
  });
});

describe('effective at', () => {
  const received = '2026-11-26T10:00:00.000Z';
  it('keeps a device time in the past, however old (work done offline yesterday)', () => {
    expect(effectiveAt('2026-11-25T16:00:00.000Z', received)).toEqual({
      at: '2026-11-25T16:00:00.000Z',
      deviceAt: null,
      clockAheadMs: null,
    });
  });

  it('keeps a device time up to five minutes ahead of the receipt (drift)', () => {
    const ahead = new Date(Date.parse(received) + CLOCK_AHEAD_LIMIT_MS).toISOString();
    expect(effectiveAt(ahead, received)).toMatchObject({ at: ahead, deviceAt: null });
  });

  it('clamps a device time more than five minutes ahead to the receipt, keeping the original', () => {
    const ahead = '2026-11-26T10:10:00.000Z';
    expect(effectiveAt(ahead, received)).toEqual({
      at: received,
      deviceAt: ahead,
      clockAheadMs: 10 * 60 * 1000,
    });
  });
});

describe('the clock flag, in words', () => {
  it('says how far ahead in minutes, hours or days, and what to do', () => {
    expect(describeClockAhead(10 * 60 * 1000)).toBe(
      "This device's clock is 10 minutes ahead: check its time and time zone. Work done meanwhile is recorded at the time the server received it.",
    );
    expect(describeClockAhead(5 * 3600 * 1000)).toMatch(/^This device's clock is 5 hours ahead/);
    expect(describeClockAhead(3 * 86400 * 1000)).toMatch(/^This device's clock is 3 days ahead/);
  });
});
