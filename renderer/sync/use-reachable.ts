import { useEffect, useState } from 'react';
import { useOnline } from '../platform/use-online';
import { useAppStore } from '../stores/app-store';

// "Offline" is a recent failure: a request that got no answer within this long. The loop probes
// every few seconds while the server is silent, so a real outage keeps it fresh; an old failure
// (the loop stopped, another tab took over) does not keep the header saying Offline.
export const OFFLINE_FRESH_MS = 10_000;

export const serverOffline = (
  s: { reachable: boolean | null; failedAt: number | null },
  now: number,
): boolean =>
  s.reachable === false && (s.failedAt === null || now - s.failedAt <= OFFLINE_FRESH_MS);

// Whether the server answers, as the status area and screens show it: a network attached and no
// recent failure. Renders again when a failure grows old.
export const useReachable = (): boolean => {
  const networkUp = useOnline();
  const reachable = useAppStore((s) => s.reachable);
  const failedAt = useAppStore((s) => s.failedAt);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (reachable !== false || failedAt === null) return;
    const timer = setTimeout(
      () => setNow(Date.now()),
      Math.max(0, failedAt + OFFLINE_FRESH_MS + 1 - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [reachable, failedAt, now]);
  return networkUp && !serverOffline({ reachable, failedAt }, now);
};
