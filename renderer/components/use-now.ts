import { useEffect, useState } from 'react';

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

// The time a screen shows figures for, read from `clock` again every `everyMs`: a screen takes
// the clock as a prop, so a test can set the time (a stalled tour) without waiting for it.
export const useNow = (clock: Clock = systemClock, everyMs = 30_000): Date => {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), everyMs);
    return () => clearInterval(timer);
  }, [clock, everyMs]);
  return now;
};
