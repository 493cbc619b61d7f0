import type { Table } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { BackorderLine } from '../../../shared/domain/backorder-line';
import type { Location } from '../../../shared/domain/location';
import type { Pick } from '../../../shared/domain/pick';
import type { PickTask } from '../../../shared/domain/pick-task';
import type { ReturnInstruction } from '../../../shared/domain/return-instruction';
import type { Sku } from '../../../shared/domain/sku';
import type { Tote } from '../../../shared/domain/tote';
import type { Tour } from '../../../shared/domain/tour';
import type { Wave } from '../../../shared/domain/wave';
import { buildPackOrder, type PackOrder } from '../../../shared/packing/pack-order';
import { tourName } from '../../../shared/picking/tour-name';
import { businessDateIn } from '../../../shared/time/business-date';
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from '../../../shared/time/time-zone';
import { withPending } from '../../sync/pending-view';
import { KEYS, readState } from '../../sync/sync-state';
import { db } from '../db';
import { usePendingView } from './pending';

// The synced tables hold rows checked against these schemas when they were pulled.
const totes = db.totes as unknown as Table<Tote, string>;
const tours = db.tours as unknown as Table<Tour, string>;
const waves = db.waves as unknown as Table<Wave, string>;
const picks = db.picks as unknown as Table<Pick, string>;
const pickTasks = db.pickTasks as unknown as Table<PickTask, string>;
const skus = db.skus as unknown as Table<Sku, string>;
const locations = db.locations as unknown as Table<Location, string>;
const returnInstructions = db.returnInstructions as unknown as Table<ReturnInstruction, string>;

const present = <T>(rows: (T | undefined)[]): T[] => rows.filter((r): r is T => !!r);

// A tote waiting at packing, for the station's list.
export interface DroppedTote {
  tote: Tote;
  tourName: string;
  // Lines picked into it (not undone) and their units.
  lines: number;
  units: number;
}

const byCode = (a: DroppedTote, b: DroppedTote) =>
  a.tote.toteCode < b.tote.toteCode ? -1 : a.tote.toteCode > b.tote.toteCode ? 1 : 0;

// Every tote dropped at a pack station and not shipped, as the device shows it.
export const useDroppedTotes = (): DroppedTote[] | undefined => {
  const pulled = useLiveQuery(async () => {
    const toteRows = await totes.where('status').equals('dropped').toArray();
    const tourIds = [...new Set(toteRows.map((t) => t.tourId))];
    const [tourRows, pickRows] = await Promise.all([
      tours.bulkGet(tourIds),
      picks.where('tourId').anyOf(tourIds).toArray(),
    ]);
    const waveRows = await waves.bulkGet([...new Set(present(tourRows).map((t) => t.waveId))]);
    return { toteRows, tourRows: present(tourRows), pickRows, waveRows: present(waveRows) };
  }, []);
  const view = usePendingView();
  if (!pulled || !view) return undefined;
  const tourById = new Map(withPending('tour', pulled.tourRows, view).map((t) => [t.id, t]));
  const waveName = new Map(pulled.waveRows.map((w) => [w.id, w.name]));
  const contents = new Map<string, { lines: Set<string>; units: number }>();
  for (const p of withPending('pick', pulled.pickRows, view)) {
    if (p.undone) continue;
    const key = `${p.tourId}|${p.toteCode}`;
    const c = contents.get(key) ?? { lines: new Set<string>(), units: 0 };
    c.lines.add(p.backorderLineId);
    c.units += p.qty;
    contents.set(key, c);
  }
  return withPending('tote', pulled.toteRows, view)
    .filter((t) => t.status === 'dropped')
    .map((tote) => {
      const tour = tourById.get(tote.tourId);
      const c = contents.get(`${tote.tourId}|${tote.toteCode}`);
      return {
        tote,
        tourName: tour ? tourName(tour, waveName.get(tour.waveId)) : 'A tour not on this device',
        lines: c?.lines.size ?? 0,
        units: c?.units ?? 0,
      };
    })
    .sort(byCode);
};

// Why a scanned tote code is not one to pack, in words; read only when the scan found no tote
// in the list.
export const whyNotPackable = async (code: string): Promise<string> => {
  const rows = await totes.where('toteCode').equalsIgnoreCase(code.trim()).toArray();
  if (rows.some((t) => t.status === 'picking'))
    return `Tote ${code} is still on a picker's cart: it has not been dropped at packing.`;
  if (rows.some((t) => t.status === 'shipped')) return `Tote ${code} has shipped already.`;
  return `Tote ${code} is not at packing: check the label and scan again.`;
};

// One tote's order as the packer should see it: the pulled rows with the waiting events laid
// over (a removal or shipment just confirmed shows at once, network or not).
export const usePackOrder = (toteId: string | null): PackOrder | null | undefined => {
  const pulled = useLiveQuery(async () => {
    if (!toteId) return { toteId, found: null };
    const tote = await totes.get(toteId);
    if (!tote) return { toteId, found: null };
    const [tour, pickRows, taskRows, lineRows] = await Promise.all([
      tours.get(tote.tourId),
      picks.where('tourId').equals(tote.tourId).toArray(),
      pickTasks.where('tourId').equals(tote.tourId).toArray(),
      db.backorderLines.where('orderId').equals(tote.orderId).toArray(),
    ]);
    const lineIds = lineRows.map((l) => l.id);
    const [wave, riRows] = await Promise.all([
      tour ? waves.get(tour.waveId) : undefined,
      returnInstructions.where('backorderLineId').anyOf(lineIds).toArray(),
    ]);
    const skuIds = new Set([...lineRows.map((l) => l.skuId), ...riRows.map((r) => r.skuId)]);
    const locationIds = new Set([
      ...taskRows.map((t) => t.locationId),
      ...riRows.map((r) => r.locationId),
    ]);
    const [skuRows, locationRows] = await Promise.all([
      skus.bulkGet([...skuIds]),
      locations.bulkGet([...locationIds]),
    ]);
    const found = {
      tote,
      tour,
      waveName: wave?.name ?? null,
      pickRows,
      taskRows,
      lineRows,
      riRows,
      skuRows: present(skuRows),
      locationRows: present(locationRows),
    };
    return { toteId, found };
  }, [toteId]);
  const view = usePendingView();
  // A live query keeps its last answer while the next runs: another tote's is no answer yet.
  if (pulled === undefined || pulled.toteId !== toteId || !view) return undefined;
  const found = pulled.found;
  if (found === null) return null;
  const tote = withPending('tote', [found.tote], view)[0];
  if (!tote) return null;
  const tour = found.tour ? withPending('tour', [found.tour], view)[0] : undefined;
  const lines = withPending<BackorderLine>('backorderLine', found.lineRows, view);
  return buildPackOrder({
    tote,
    tourName: tour ? tourName(tour, found.waveName) : 'A tour not on this device',
    picks: withPending('pick', found.pickRows, view),
    tasks: withPending('pickTask', found.taskRows, view),
    lines,
    returnInstructions: withPending('returnInstruction', found.riRows, view),
    skus: new Map(found.skuRows.map((s) => [s.id, s])),
    locations: new Map(found.locationRows.map((l) => [l.id, l])),
  });
};

// What a packing slip says besides the shipment: the warehouse's name (its layout's) and the
// business day in the warehouse's zone, as the shipment's date.
export const useSlipFacts = () =>
  useLiveQuery(async () => {
    const [layout, zone] = await Promise.all([
      db.warehouseLayouts.toCollection().first(),
      readState<string>(db, KEYS.timeZone),
    ]);
    const name = (layout as { name?: unknown } | undefined)?.name;
    return {
      warehouse: typeof name === 'string' ? name : 'Warehouse',
      dateOf: businessDateIn(canonicalTimeZone(zone ?? DEFAULT_TIME_ZONE) ?? DEFAULT_TIME_ZONE),
    };
  }, []);
