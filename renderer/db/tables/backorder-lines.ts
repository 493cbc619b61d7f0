import { useLiveQuery } from 'dexie-react-hooks';
import type { BackorderLine } from '../../../shared/domain/backorder-line';
import { withPending } from '../../sync/pending-view';
import { db } from '../db';
import { usePendingView } from './pending';

const byPromise = (a: BackorderLine, b: BackorderLine) =>
  a.promisedBy < b.promisedBy
    ? -1
    : a.promisedBy > b.promisedBy
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;

// The lead's queue: open and held lines as the person should see them (what they did and the
// server has not answered yet included), soonest promise first.
export const useQueueLines = (): BackorderLine[] | undefined => {
  const pulled = useLiveQuery(
    () => db.backorderLines.where('status').anyOf(['open', 'held']).toArray(),
    [],
  );
  const view = usePendingView();
  if (!pulled || !view) return undefined;
  return withPending('backorderLine', pulled, view)
    .filter((l) => l.status === 'open' || l.status === 'held')
    .sort(byPromise);
};

// The SKU codes people know the lines' items by, by SKU id.
export const useSkuCodes = (lines: BackorderLine[] | undefined): Map<string, string> => {
  const ids = [...new Set((lines ?? []).map((l) => l.skuId))].sort();
  const key = ids.join('\n');
  const rows = useLiveQuery(() => db.skus.bulkGet(ids), [key]);
  return new Map(
    (rows ?? []).filter((s) => s !== undefined).map((s) => [s.id as string, s.sku as string]),
  );
};
