import type { Location } from '../../../shared/domain/location';
import type { Operator } from '../../../shared/domain/operator';
import type { PickTask } from '../../../shared/domain/pick-task';
import type { Sku } from '../../../shared/domain/sku';
import type { Tour } from '../../../shared/domain/tour';
import type { Wave } from '../../../shared/domain/wave';
import type { FloorRows } from '../../../shared/floor/floor-view';
import { pickListOf, type PickList } from '../../../shared/floor/pick-list';
import { FLOOR_EVENT_TYPES } from '../../../shared/floor/progress';
import {
  DEFAULT_FLOOR_SETTINGS,
  FLOOR_SETTINGS_ID,
  FloorSettingsSchema,
  type FloorSettings,
} from '../../../shared/domain/floor-settings';
import { computePendingView, withPending } from '../../sync/pending-view';
import { db } from '../db';
import { useLiveWithPending } from './pending';

const LIVE: Wave['status'][] = ['released', 'picking'];
const TYPES = new Set(FLOOR_EVENT_TYPES);

// What the floor view reads: live waves, their tours and tasks, the people, and the log's tour
// events since `since` (when things happened on each tour), with the lead's own waiting events
// laid over, so a tour taken back shows as released at once.
export const useFloorRows = (since: string): FloorRows | undefined => {
  // One read with the waiting events (pending.ts): a pull never shows the rows without them.
  const read = useLiveWithPending(async () => {
    const waves = (await db.waves.where('status').anyOf(LIVE).toArray()) as Wave[];
    const ids = waves.map((w) => w.id);
    // Pulled rows were checked against their schema on the way in (renderer/sync/pull.ts).
    const [tours, tasks, operators, events] = await Promise.all([
      db.tours.where('waveId').anyOf(ids).toArray(),
      db.pickTasks.where('waveId').anyOf(ids).toArray(),
      db.operators.toArray(),
      db.events.where('at').above(since).toArray(),
    ]);
    return {
      waves,
      tours: tours as unknown as Tour[],
      tasks: tasks as unknown as PickTask[],
      operators: operators as unknown as Operator[],
      events: events.filter((e) => TYPES.has(e.type)),
    };
  }, [since]);
  if (!read) return undefined;
  const { pulled, view } = read;
  const waves = withPending('wave', pulled.waves, view);
  const live = new Set(waves.filter((w) => LIVE.includes(w.status)).map((w) => w.id));
  return {
    waves,
    tours: withPending('tour', pulled.tours, view).filter((t) => live.has(t.waveId)),
    tasks: withPending('pickTask', pulled.tasks, view).filter((t) => live.has(t.waveId)),
    operators: pulled.operators,
    events: pulled.events,
  };
};

// The warehouse's floor settings as this station has them (a lead's waiting change laid over);
// the defaults until a lead changes one.
export const useFloorSettings = (): FloorSettings => {
  const read = useLiveWithPending(() => db.floorSettings.get(FLOOR_SETTINGS_ID), []);
  const pulled = read?.pulled ? [read.pulled as unknown as FloorSettings] : [];
  const row = read && withPending('floorSettings', pulled, read.view)[0];
  const checked = row && FloorSettingsSchema.safeParse(row);
  return checked?.success ? checked.data : DEFAULT_FLOOR_SETTINGS;
};

// A tour's pick list as it stands on this device (its waiting events laid over), for printing.
export const loadPickList = async (tourId: string): Promise<PickList> =>
  db.transaction('r', db.tables, async () => {
    const view = await computePendingView(db);
    const pulled = (await db.pickTasks.where('tourId').equals(tourId).toArray()) as PickTask[];
    const tasks = withPending('pickTask', pulled, view).filter((t) => t.tourId === tourId);
    const [locations, skus] = await Promise.all([
      db.locations.bulkGet([...new Set(tasks.map((t) => t.locationId))]),
      db.skus.bulkGet([...new Set(tasks.map((t) => t.skuId))]),
    ]);
    const byId = <T extends { id: string }>(rows: (T | undefined)[]) =>
      new Map(rows.filter((r): r is T => !!r).map((r) => [r.id, r]));
    return pickListOf(tasks, byId(locations as Location[]), byId(skus as Sku[]));
  });
