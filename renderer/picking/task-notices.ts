import type { Table } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { z } from 'zod';
import type { BackorderLine } from '../../shared/domain/backorder-line';
import type { Location } from '../../shared/domain/location';
import type { PickTask } from '../../shared/domain/pick-task';
import type { Tour } from '../../shared/domain/tour';
import { taskNotices, type SeenTasks, type TaskNotice } from '../../shared/picking/task-notices';
import { db } from '../db/db';

// What a pull took off the tour in hand, said until the picker dismisses it. The open tasks as
// last seen, and the notices not yet dismissed, are kept per tour in localStorage: a pull that
// lands while the picker is elsewhere is told when they come back to the tour.

const StoredSchema = z.strictObject({
  seen: z.record(
    z.string().max(200),
    z.strictObject({ qty: z.number().int().min(0), lineCancelled: z.number().int().min(0) }),
  ),
  notices: z
    .array(z.strictObject({ id: z.string().max(220), text: z.string().max(500) }))
    .max(1000),
});
type Stored = z.infer<typeof StoredSchema>;

const key = (tourId: string) => `fillwave.tour-notices.${tourId}`;

// Anyone may edit localStorage: a copy that does not fit starts over (nothing seen, no notices).
const load = (tourId: string): Stored | null => {
  try {
    const raw = localStorage.getItem(key(tourId));
    const parsed = raw === null ? null : StoredSchema.safeParse(JSON.parse(raw));
    return parsed?.success ? parsed.data : null;
  } catch {
    return null;
  }
};

const save = (tourId: string, stored: Stored) => {
  try {
    localStorage.setItem(key(tourId), JSON.stringify(stored));
  } catch {
    // Storage full or unavailable: the notices still show in this tab.
  }
};

const forget = (tourId: string) => {
  try {
    localStorage.removeItem(key(tourId));
  } catch {
    // Storage unavailable: nothing was kept.
  }
};

const tasks = db.pickTasks as unknown as Table<PickTask, string>;
const lines = db.backorderLines as unknown as Table<BackorderLine, string>;
const locations = db.locations as unknown as Table<Location, string>;
const tours = db.tours as unknown as Table<Tour, string>;

// Reads the pulled rows only, in one query: a task and its line arrive in the same pull, and the
// reason (the line's cancelled count) must be read with the task. The picker's own waiting
// events change no task in a way that needs telling. What was seen is written back here, inside
// the query, so a re-run (a second render, a later pull) finds nothing new to tell.
const noticesNow = async (tourId: string): Promise<TaskNotice[]> => {
  const [tour, rows] = await Promise.all([
    tours.get(tourId),
    tasks.where('tourId').equals(tourId).toArray(),
  ]);
  const [lineRows, locationRows] = await Promise.all([
    lines.bulkGet([...new Set(rows.map((t) => t.backorderLineId))]),
    locations.bulkGet([...new Set(rows.map((t) => t.locationId))]),
  ]);
  const codes = new Map(locationRows.filter((l) => !!l).map((l) => [l.id, l.code]));
  const kept = load(tourId);
  const fresh = taskNotices(
    kept && (kept.seen as SeenTasks),
    rows,
    new Map(lineRows.filter((l) => !!l).map((l) => [l.id, l])),
    (id) => codes.get(id) ?? id,
    tour?.status === 'cancelled',
  );
  const all = [
    ...(kept?.notices ?? []).filter((n) => !fresh.notices.some((f) => f.id === n.id)),
    ...fresh.notices,
  ];
  // Nothing open and nothing to tell (the tour is done): nothing to keep.
  if (all.length === 0 && Object.keys(fresh.seen).length === 0) forget(tourId);
  else save(tourId, { seen: fresh.seen, notices: all });
  return all;
};

export const useTaskNotices = (
  tourId: string,
): { notices: TaskNotice[]; dismiss: (id: string) => void } => {
  // Counts dismissals, so the query reads the stored notices again.
  const [dismissals, setDismissals] = useState(0);
  const notices = useLiveQuery(() => noticesNow(tourId), [tourId, dismissals]) ?? [];
  const dismiss = (id: string) => {
    const kept = load(tourId);
    if (kept) save(tourId, { ...kept, notices: kept.notices.filter((n) => n.id !== id) });
    setDismissals((n) => n + 1);
  };
  return { notices, dismiss };
};
