import { compareText } from '../../compare';
import type { EventRecord } from '../../domain/event-record';
import { PickConfirmedSchema } from '../../sync-api/events/picker';
import { inWindow, parseTime, type KpiWindow } from './window';

// How often each picker typed an item's code instead of scanning it (a damaged label, a scanner
// that will not read, or a habit to coach). Every pick.confirmed in the window counts where it
// happened, undone or not: the typing happened either way. Picks recorded before the device kept
// how the item was entered say nothing, and are counted apart rather than as scans.
export interface TypedEntries {
  pickerId: string;
  picks: number;
  typed: number;
  // Picks with no `entry` (recorded by an older app).
  unrecorded: number;
}

export const typedEntriesByPicker = (
  events: readonly EventRecord[],
  w: KpiWindow,
): TypedEntries[] => {
  const byPicker = new Map<string, TypedEntries>();
  for (const e of events) {
    if (e.type !== 'pick.confirmed' || e.operatorId === null) continue;
    const atMs = parseTime(e.at);
    if (atMs === null || !inWindow(w, atMs)) continue;
    const payload = PickConfirmedSchema.safeParse(e.payload);
    // A malformed pick is the full KPI computation's to report (read-log.ts); not a count here.
    if (!payload.success) continue;
    const row = byPicker.get(e.operatorId) ?? {
      pickerId: e.operatorId,
      picks: 0,
      typed: 0,
      unrecorded: 0,
    };
    row.picks++;
    if (payload.data.entry === 'typed') row.typed++;
    else if (payload.data.entry === undefined) row.unrecorded++;
    byPicker.set(e.operatorId, row);
  }
  return [...byPicker.values()].sort((a, b) => compareText(a.pickerId, b.pickerId));
};
