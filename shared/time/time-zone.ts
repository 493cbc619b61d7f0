import { z } from 'zod';

// The warehouse's time zone when none was set: UTC, what every date rule used before it existed.
export const DEFAULT_TIME_ZONE = 'UTC';

// A region name as the IANA time zone database spells it (America/New_York, Asia/Tokyo, UTC,
// Etc/GMT+5). Bare offsets (+05:00) are refused: they never change for daylight saving time, so
// a warehouse that does would have its dates wrong half the year.
const NAME = /^[A-Za-z][A-Za-z0-9_+\-/]{0,99}$/;

// The zone's canonical spelling (asia/tokyo -> Asia/Tokyo), or null when this runtime does not
// know it.
export const canonicalTimeZone = (name: string): string | null => {
  if (!NAME.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
};

export const timeZoneProblem = (name: string): string =>
  `"${name.slice(0, 100)}" is not a time zone name this server knows: use an IANA name such as America/New_York, Europe/Berlin, Asia/Tokyo or UTC`;

// Parses to the canonical name, so the log and every device hold one spelling.
export const TimeZoneSchema = z.string().transform((name, ctx) => {
  const zone = canonicalTimeZone(name.trim());
  if (zone) return zone;
  ctx.issues.push({ code: 'custom', message: timeZoneProblem(name.trim()), input: name });
  return z.NEVER;
});
