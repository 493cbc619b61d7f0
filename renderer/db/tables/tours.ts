import type { Table } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Location } from '../../../shared/domain/location';
import type { Pick } from '../../../shared/domain/pick';
import type { PickTask } from '../../../shared/domain/pick-task';
import type { Sku } from '../../../shared/domain/sku';
import type { Tote } from '../../../shared/domain/tote';
import type { Tour } from '../../../shared/domain/tour';
import type { Wave } from '../../../shared/domain/wave';
import { tourName } from '../../../shared/picking/tour-name';
import { byRelease } from '../../../shared/picking/tour-order';
import { withPending } from '../../sync/pending-view';
import { db } from '../db';
import { useLiveWithPending, usePendingView } from './pending';

// The synced tables hold rows checked against these schemas when they were pulled.
export const tours = db.tours as unknown as Table<Tour, string>;
const waves = db.waves as unknown as Table<Wave, string>;
const pickTasks = db.pickTasks as unknown as Table<PickTask, string>;
const totes = db.totes as unknown as Table<Tote, string>;
const picks = db.picks as unknown as Table<Pick, string>;
const skus = db.skus as unknown as Table<Sku, string>;
const locations = db.locations as unknown as Table<Location, string>;

const HELD: Tour['status'][] = ['assigned', 'claimed', 'picking'];

// A tour is the picker's to walk when the server says so: its pulled row names them. A claim
// still waiting for the server does not count (a claim needs the network at that moment).
export const heldBy = (tour: Tour | undefined, operatorId: string) =>
  !!tour && tour.pickerId === operatorId && HELD.includes(tour.status);

export interface MyTours {
  // Tours the server gave this picker, assigned ahead or claimed, not yet completed.
  mine: Tour[];
  // Released tours nobody holds, the next to claim first.
  waiting: Tour[];
  // Completed tours whose totes are still on the cart.
  toDrop: Tour[];
  // Each tour's name for people ("Tour 2 of Wave 3"), by id.
  names: ReadonlyMap<string, string>;
}

// Read with the picker's waiting events laid over (pending.ts): a tour completed or dropped
// offline is offered for its drop, or not at all, before those events reach the server. A tour is
// still only theirs to start when the pulled row says so (heldBy).
export const useMyTours = (operatorId: string): MyTours | undefined => {
  const read = useLiveWithPending(async () => {
    const [mine, released, allWaves] = await Promise.all([
      tours.where('pickerId').equals(operatorId).toArray(),
      tours.where('status').equals('released').toArray(),
      waves.toArray(),
    ]);
    return { mine, released, allWaves };
  }, [operatorId]);
  if (!read) return undefined;
  const { mine, released, allWaves } = read.pulled;
  const releasedAt = new Map(allWaves.map((w) => [w.id, w.releasedAt]));
  const waveNames = new Map(allWaves.map((w) => [w.id, w.name]));
  const inOrder = byRelease(releasedAt);
  const pulled = new Map([...mine, ...released].map((t) => [t.id, t]));
  const shown = withPending('tour', [...pulled.values()], read.view).filter((t) =>
    pulled.has(t.id),
  );
  const ours = shown.filter((t) => t.pickerId === operatorId);
  return {
    names: new Map([...pulled.values()].map((t) => [t.id, tourName(t, waveNames.get(t.waveId))])),
    mine: ours
      .filter((t) => HELD.includes(t.status) && heldBy(pulled.get(t.id), operatorId))
      .sort(inOrder),
    waiting: shown.filter((t) => t.status === 'released' && !t.pickerId).sort(inOrder),
    toDrop: ours.filter((t) => t.status === 'completed').sort(inOrder),
  };
};

export interface TourWork {
  // As the picker should see it: the pulled rows with their own waiting events laid over.
  tour: Tour;
  // "Tour 2 of Wave 3".
  name: string;
  // Whether the server has given the tour to this picker (pulled row, not a waiting claim).
  confirmed: boolean;
  tasks: PickTask[];
  totes: Tote[];
  picks: Pick[];
  skus: Map<string, Sku>;
  locations: Map<string, Location>;
}

// Everything a picker needs to walk a tour, from the device alone.
export const useTourWork = (tourId: string, operatorId: string): TourWork | null | undefined => {
  const pulled = useLiveQuery(async () => {
    const tour = await tours.get(tourId);
    if (!tour) return null;
    const [tasks, toteRows, pickRows, wave] = await Promise.all([
      pickTasks.where('tourId').equals(tourId).toArray(),
      totes.where('tourId').equals(tourId).toArray(),
      picks.where('tourId').equals(tourId).toArray(),
      waves.get(tour.waveId),
    ]);
    const skuIds = [...new Set(tasks.map((t) => t.skuId))];
    const locationIds = [...new Set(tasks.map((t) => t.locationId))];
    const [skuRows, locationRows] = await Promise.all([
      skus.bulkGet(skuIds),
      locations.bulkGet(locationIds),
    ]);
    return {
      tour,
      waveName: wave?.name ?? null,
      tasks,
      totes: toteRows,
      picks: pickRows,
      skuRows,
      locationRows,
    };
  }, [tourId]);
  const view = usePendingView();
  if (pulled === undefined || !view) return undefined;
  if (pulled === null) return null;
  const tour = withPending('tour', [pulled.tour], view).find((t) => t.id === tourId);
  if (!tour) return null;
  const ofTour = <T extends { id: string; tourId: string }>(
    entity: 'pickTask' | 'tote' | 'pick',
    rows: T[],
  ) => withPending(entity, rows, view).filter((r) => r.tourId === tourId);
  return {
    tour,
    name: tourName(tour, pulled.waveName),
    confirmed: heldBy(pulled.tour, operatorId),
    tasks: ofTour('pickTask', pulled.tasks),
    totes: ofTour('tote', pulled.totes),
    picks: ofTour('pick', pulled.picks),
    skus: new Map(pulled.skuRows.filter((s): s is Sku => !!s).map((s) => [s.id, s])),
    locations: new Map(pulled.locationRows.filter((l): l is Location => !!l).map((l) => [l.id, l])),
  };
};
