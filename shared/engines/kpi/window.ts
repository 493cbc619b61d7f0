import { TimestampSchema } from '../../domain/common';
import { fail, ok, type Result } from '../../result';

// The time window the KPIs cover, in epoch milliseconds: [fromMs, toMs). asOfMs is the moment
// open backorders are aged at: `to`, or `now` when the window reaches into the future (a window
// for today ends at midnight, and hours that have not passed yet must not age anything).
export interface KpiWindow {
  fromMs: number;
  toMs: number;
  asOfMs: number;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export const parseTime = (value: unknown): number | null =>
  TimestampSchema.safeParse(value).success ? Date.parse(value as string) : null;

export const parseWindow = (from: string, to: string, now: string): Result<KpiWindow> => {
  const fromMs = parseTime(from);
  const toMs = parseTime(to);
  const nowMs = parseTime(now);
  if (fromMs === null) return fail(`window: from "${from}" is not a timestamp with an offset`);
  if (toMs === null) return fail(`window: to "${to}" is not a timestamp with an offset`);
  if (nowMs === null) return fail(`window: now "${now}" is not a timestamp with an offset`);
  if (fromMs >= toMs) return fail(`window: from ${from} is not before to ${to}`);
  return ok({ fromMs, toMs, asOfMs: Math.min(toMs, nowMs) });
};

// Half-open, so an event exactly at `to` belongs to the next window, and two windows that meet
// count every event once.
export const inWindow = (w: KpiWindow, ms: number): boolean => ms >= w.fromMs && ms < w.toMs;

// A share with what it is made of, so a screen can say "3 of 40". No denominator, no value: a
// window without data shows "no data", not NaN or 0 %.
export interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}

export const ratio = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  value: denominator === 0 ? null : numerator / denominator,
});
