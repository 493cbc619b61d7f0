import { useLiveQuery } from 'dexie-react-hooks';
import type { BackorderLine } from '../../../shared/domain/backorder-line';
import {
  activePriority,
  DEFAULT_FLOOR_SETTINGS,
  type FloorSettings,
} from '../../../shared/domain/floor-settings';
import type { Location } from '../../../shared/domain/location';
import type { Operator } from '../../../shared/domain/operator';
import type { PickTask } from '../../../shared/domain/pick-task';
import type { Reservation } from '../../../shared/domain/reservation';
import type { Sku } from '../../../shared/domain/sku';
import type { Stock } from '../../../shared/domain/stock';
import type { Tour } from '../../../shared/domain/tour';
import type { WarehouseLayout } from '../../../shared/domain/warehouse-layout';
import type { Wave } from '../../../shared/domain/wave';
import { compareText } from '../../../shared/compare';
import { byRelease } from '../../../shared/picking/tour-order';
import {
  planShiftFrom,
  type Figures,
  type PlanPreview,
  type ShiftSite,
} from '../../../shared/engines/plan/shift';
import type { Result } from '../../../shared/result';
import { computePendingView, withPending } from '../../sync/pending-view';
import { db } from '../db';
import { useLiveWithPending } from './pending';

export type {
  Figures,
  LeftWhy,
  PlanPreview,
  PreviewWave,
} from '../../../shared/engines/plan/shift';

const LIVE: BackorderLine['status'][] = ['open', 'allocated', 'in_wave', 'held'];

// Pulled rows were checked against their schema on the way in (renderer/sync/pull.ts).
const tableRows = async <T>(name: string) => (await db.table(name).toArray()) as T[];

// What the planner reads, as the lead should see it (their unanswered events laid over), in one
// read transaction so stock and reservations agree with each other.
export const readSite = (): Promise<ShiftSite> =>
  db.transaction('r', db.tables, async () => {
    const view = await computePendingView(db);
    // One range read per status: anyOf walks the index with a cursor, and with 100,000 lines in
    // Chromium that took 1.9 s where these took 1.2 s (npm run bench -- allocate.preview).
    const pulledLines = (
      await Promise.all(LIVE.map((s) => db.backorderLines.where('status').equals(s).toArray()))
    ).flat();
    return {
      layouts: withPending(
        'warehouseLayout',
        await tableRows<WarehouseLayout>('warehouseLayouts'),
        view,
      ),
      locations: withPending('location', await tableRows<Location>('locations'), view),
      skus: withPending('sku', await tableRows<Sku>('skus'), view),
      stock: withPending('stock', await tableRows<Stock>('stock'), view),
      reservations: withPending('reservation', await tableRows<Reservation>('reservations'), view),
      lines: withPending('backorderLine', pulledLines, view).filter((l) => LIVE.includes(l.status)),
      // The lead's saved rules, a change still waiting to be sent included.
      rules: activePriority(
        withPending('floorSettings', await tableRows<FloorSettings>('floorSettings'), view)[0] ??
          DEFAULT_FLOOR_SETTINGS,
      ),
    };
  });

// Plans the shift on what this device shows now (shared/engines/plan/shift.ts).
export const planShift = async (newId: () => string): Promise<Result<PlanPreview>> =>
  planShiftFrom(await readSite(), newId);

export interface OpenTour extends Figures {
  id: string;
  waveId: string;
  waveName: string;
  sequence: number;
  status: 'released' | 'assigned';
  pickerId: string | null;
}

const OPEN: Tour['status'][] = ['released', 'assigned'];

// Released tours no picker has claimed yet (assigned ones included, to show who has them),
// wave by wave in release order, each wave's tours in sequence.
export const useOpenTours = (): OpenTour[] | undefined => {
  // One read with the waiting events (pending.ts): a sync that brought a released tour's row
  // otherwise dropped the tour for a render, and the picker a lead had chosen for it.
  const read = useLiveWithPending(async () => {
    const tours = (await db.tours.where('status').anyOf(OPEN).toArray()) as Tour[];
    const ids = tours.map((t) => t.id);
    const tasks = (await db.pickTasks.where('tourId').anyOf(ids).toArray()) as PickTask[];
    const waveIds = [...new Set(tours.map((t) => t.waveId))];
    const waves = (await db.waves.where('id').anyOf(waveIds).toArray()) as Wave[];
    return { tours, tasks, waves };
  }, []);
  if (!read) return undefined;
  const { pulled, view } = read;
  const waves = new Map(withPending('wave', pulled.waves, view).map((w) => [w.id, w]));
  const tasks = new Map<string, PickTask[]>();
  for (const t of withPending('pickTask', pulled.tasks, view)) {
    if (t.status === 'cancelled') continue;
    const list = tasks.get(t.tourId);
    if (list) list.push(t);
    else tasks.set(t.tourId, [t]);
  }
  const releasedAt = new Map([...waves.values()].map((w) => [w.id, w.releasedAt]));
  return withPending('tour', pulled.tours, view)
    .filter((t) => OPEN.includes(t.status))
    .sort(byRelease(releasedAt))
    .map((t) => {
      const own = tasks.get(t.id) ?? [];
      return {
        id: t.id,
        waveId: t.waveId,
        waveName: waves.get(t.waveId)?.name ?? t.waveId,
        sequence: t.sequence,
        routeLengthM: t.routeLengthM,
        status: t.status as OpenTour['status'],
        pickerId: t.pickerId,
        orders: new Set(own.map((k) => k.orderId)).size,
        lines: new Set(own.map((k) => k.backorderLineId)).size,
        units: own.reduce((s, k) => s + k.qty, 0),
      };
    });
};

// Who a tour can be assigned to: active pickers, by name.
export const usePickers = (): Operator[] | undefined =>
  useLiveQuery(async () => {
    const pickers = await db.operators.filter((o) => o.role === 'picker' && o.active).toArray();
    return pickers.sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
  }, []);
