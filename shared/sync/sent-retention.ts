// How long a device keeps the events the server accepted and a pull brought back ("sent"):
// long enough to push them again to a server restored from a backup up to that old, and no
// more than a storage budget, so a busy device never fills its disk with them.
export interface SentPolicy {
  keepDays: number;
  maxEvents: number;
  maxBytes: number;
}

export const DEFAULT_SENT_POLICY: SentPolicy = {
  keepDays: 7,
  maxEvents: 20_000,
  maxBytes: 20 * 1024 * 1024,
};

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SentEntry {
  localId: number;
  settledAt: string;
  bytes: number;
}

// The entries to drop, given all of them: older than the window, then the oldest beyond the
// budget (newest kept first). Pure: the caller reads and deletes.
export const sentToDrop = (
  entries: readonly SentEntry[],
  now: Date,
  policy: SentPolicy = DEFAULT_SENT_POLICY,
): number[] => {
  const cutoff = now.getTime() - policy.keepDays * DAY_MS;
  const newestFirst = [...entries].sort((a, b) => b.localId - a.localId);
  const drop: number[] = [];
  let count = 0;
  let bytes = 0;
  // Once one is dropped, every older one goes too: what is kept is one unbroken stretch, so a
  // push of it again never skips an event between two kept ones.
  let full = false;
  for (const e of newestFirst) {
    full ||=
      Date.parse(e.settledAt) < cutoff ||
      count + 1 > policy.maxEvents ||
      bytes + e.bytes > policy.maxBytes;
    if (full) {
      drop.push(e.localId);
      continue;
    }
    count++;
    bytes += e.bytes;
  }
  return drop;
};

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

// Why they are kept and for how long, in people's words.
export const describeSentWindow = (policy: SentPolicy = DEFAULT_SENT_POLICY): string =>
  `Events the server accepted are kept ${policy.keepDays} days (at most ${policy.maxEvents.toLocaleString('en')}), to send again if the server is restored from a backup.`;

// What the sync status says about the kept events, in people's words.
export const describeSent = (count: number, oldest: string | null, now: Date): string => {
  if (count === 0 || oldest === null) return 'No sent events kept';
  const hours = Math.max(0, Math.floor((now.getTime() - Date.parse(oldest)) / (60 * 60 * 1000)));
  const age =
    hours < 1
      ? 'less than an hour ago'
      : hours < 48
        ? `${plural(hours, 'hour', 'hours')} ago`
        : `${plural(Math.floor(hours / 24), 'day', 'days')} ago`;
  return `${plural(count, 'sent event', 'sent events')} kept, the oldest from ${age}`;
};
