import { useLiveQuery } from 'dexie-react-hooks';
import type { BackorderLine } from '../../../shared/domain/backorder-line';
import {
  activePriority,
  DEFAULT_FLOOR_SETTINGS,
  type FloorSettings,
} from '../../../shared/domain/floor-settings';
import type { Location } from '../../../shared/domain/location';
import type { Operator } from '../../../shared/domain/operator';
import type { Reservation } from '../../../shared/domain/reservation';
import type { Sku } from '../../../shared/domain/sku';
import type { Stock } from '../../../shared/domain/stock';
import type { WarehouseLayout } from '../../../shared/domain/warehouse-layout';
import type { Wave } from '../../../shared/domain/wave';
import { compareText } from '../../../shared/compare';
import {
  planShiftFrom,
  type PlanPreview,
  type ShiftSite,
} from '../../../shared/engines/plan/shift';
import { dayWords, nextWaveNumber, onDayOf } from '../../../shared/engines/plan/wave-number';
import type { NamedTemplate } from '../../../shared/planning/wave-templates';
import type { Result } from '../../../shared/result';
import { computePendingView, withPending } from '../../sync/pending-view';
import { db } from '../db';

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

// The waves this device knows of (its own releases not yet answered included), for numbering.
const readWaves = async (): Promise<Wave[]> => {
  const view = await computePendingView(db);
  return withPending('wave', await tableRows<Wave>('waves'), view);
};

// Plans the shift on what this device shows now (shared/engines/plan/shift.ts), by the lead's
// template; the waves are named for today and numbered on from today's released waves.
export const planShift = async (
  newId: () => string,
  template?: NamedTemplate,
  now: Date = new Date(),
): Promise<Result<PlanPreview>> => {
  const [site, waves] = await Promise.all([readSite(), readWaves()]);
  return planShiftFrom(site, newId, {
    template,
    day: dayWords(now),
    firstNumber: nextWaveNumber(waves, onDayOf(now)),
  });
};

// Who a tour can be assigned to: active pickers, by name.
export const usePickers = (): Operator[] | undefined =>
  useLiveQuery(async () => {
    const pickers = await db.operators.filter((o) => o.role === 'picker' && o.active).toArray();
    return pickers.sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
  }, []);

// The item and location codes people read for the ids an order's planned lines name; an id
// stays only for a row this device does not hold.
export interface PlannedCodes {
  skus: ReadonlyMap<string, string>;
  locations: ReadonlyMap<string, string>;
}

export const usePlannedCodes = (
  tasks: readonly { skuId: string; locationId: string }[],
): PlannedCodes | undefined => {
  const skuIds = [...new Set(tasks.map((t) => t.skuId))].sort();
  const locationIds = [...new Set(tasks.map((t) => t.locationId))].sort();
  return useLiveQuery(async () => {
    const [skus, locations] = await Promise.all([
      db.skus.bulkGet(skuIds),
      db.locations.bulkGet(locationIds),
    ]);
    return {
      skus: new Map((skus as (Sku | undefined)[]).flatMap((s) => (s ? [[s.id, s.sku]] : []))),
      locations: new Map(
        (locations as (Location | undefined)[]).flatMap((l) => (l ? [[l.id, l.code]] : [])),
      ),
    };
  }, [skuIds.join('\n'), locationIds.join('\n')]);
};
