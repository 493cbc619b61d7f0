import { useLiveQuery } from 'dexie-react-hooks';
import type { BackorderLine } from '../../../shared/domain/backorder-line';
import type { Location } from '../../../shared/domain/location';
import type { Operator } from '../../../shared/domain/operator';
import type { PickTask } from '../../../shared/domain/pick-task';
import type { Reservation } from '../../../shared/domain/reservation';
import type { Sku } from '../../../shared/domain/sku';
import type { Stock } from '../../../shared/domain/stock';
import type { Tour } from '../../../shared/domain/tour';
import type { WarehouseLayout } from '../../../shared/domain/warehouse-layout';
import type { Wave } from '../../../shared/domain/wave';
import {
  allocate,
  type FillLine,
  type LeftReason,
} from '../../../shared/engines/allocation/allocate';
import type { PlannedTour } from '../../../shared/engines/batching/batch-tours';
import { warehouseFrom } from '../../../shared/engines/layout/warehouse';
import { planWaves } from '../../../shared/engines/plan/plan-waves';
import { DEFAULT_CART, DEFAULT_TEMPLATE, planReleases } from '../../../shared/engines/plan/release';
import { fail, ok, type Result } from '../../../shared/result';
import type { WaveReleased } from '../../../shared/sync-api/events/lead';
import { computePendingView, withPending } from '../../sync/pending-view';
import { recordAction, type ActionContext } from '../../sync/outbox';
import { db } from '../db';
import { usePendingView } from './pending';

export interface Figures {
  orders: number;
  lines: number;
  units: number;
  routeLengthM: number;
}

// A wave as the lead reviews it before releasing: the event to record and what it holds.
export interface PreviewWave extends Figures {
  payload: WaveReleased;
  tours: Figures[];
}

export type LeftWhy = LeftReason | 'outside-zones';

export interface PlanPreview {
  waves: PreviewWave[];
  // Lines no wave takes, counted per reason.
  left: { reason: LeftWhy; lines: number }[];
}

const LIVE: BackorderLine['status'][] = ['open', 'allocated', 'in_wave', 'held'];
const LEFT_ORDER: LeftWhy[] = ['no-stock', 'ship-complete-incomplete', 'held', 'outside-zones'];

// Pulled rows were checked against their schema on the way in (renderer/sync/pull.ts).
const tableRows = async <T>(name: string) => (await db.table(name).toArray()) as T[];

// What the planner reads, as the lead should see it (their unanswered events laid over), in one
// read transaction so stock and reservations agree with each other.
const readSite = () =>
  db.transaction('r', db.tables, async () => {
    const view = await computePendingView(db);
    const pulledLines = await db.backorderLines.where('status').anyOf(LIVE).toArray();
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
    };
  });

// A line reserved earlier (allocation.committed) still has to be waved: its unwaved
// reservations join what allocation reserves now, one fill line per line, summed per location
// (each task draws on the line's unwaved reservation at its location).
const withReserved = (
  fillList: readonly FillLine[],
  reservations: readonly Reservation[],
  lines: ReadonlyMap<string, BackorderLine>,
): FillLine[] => {
  const byLine = new Map<string, Map<string, number>>();
  const add = (lineId: string, locationId: string, qty: number) => {
    let at = byLine.get(lineId);
    if (!at) byLine.set(lineId, (at = new Map()));
    at.set(locationId, (at.get(locationId) ?? 0) + qty);
  };
  const order: string[] = fillList.map((f) => f.backorderLineId);
  for (const f of fillList)
    for (const r of f.reservations) add(f.backorderLineId, r.locationId, r.qty);
  const earlier = reservations
    .filter((r) => r.waveId === null && lines.has(r.backorderLineId))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const r of earlier) {
    if (!byLine.has(r.backorderLineId)) order.push(r.backorderLineId);
    add(r.backorderLineId, r.locationId, r.qty);
  }
  return order.map((id) => ({
    backorderLineId: id,
    reservations: [...byLine.get(id)!]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([locationId, qty]) => ({ locationId, qty })),
  }));
};

const figuresOf = (tours: readonly PlannedTour[]): Figures => ({
  orders: new Set(tours.flatMap((t) => t.totes.map((x) => x.orderId))).size,
  lines: new Set(tours.flatMap((t) => t.tasks.map((k) => k.backorderLineId))).size,
  units: tours.reduce((s, t) => s + t.units, 0),
  routeLengthM: tours.reduce((s, t) => s + t.routeLengthM, 0),
});

// Plans every fillable line with the default rules, template and cart: allocation of the free
// stock, waves, tours and routes, each wave ready to release. A refusal is a sentence to show.
export const planShift = async (newId: () => string): Promise<Result<PlanPreview>> => {
  const site = await readSite();
  if (site.layouts.length === 0)
    return fail('No warehouse layout is on this device yet: sync with the server, then plan.');
  if (site.layouts.length > 1)
    return fail(
      `${site.layouts.length} warehouse layouts are on this device (${site.layouts.map((l) => l.id).join(', ')}); planning works on one.`,
    );
  const place = warehouseFrom(site.layouts[0]!, site.locations);
  if (!place.ok) return fail(`Cannot plan: ${place.reason}`);
  const { warehouse, points } = place.value;
  const filled = allocate({
    lines: site.lines,
    stock: site.stock,
    locations: site.locations,
    warehouse,
    points,
    skuIds: new Set(site.skus.map((s) => s.id)),
  });
  if (!filled.ok) return fail(`Cannot plan: ${filled.reason}`);
  const lines = new Map(site.lines.filter((l) => l.status !== 'held').map((l) => [l.id, l]));

  // A ship-complete order with a line left cannot go whole: its lines reserved earlier wait too.
  const leftLines = new Set(filled.value.left.map((l) => l.backorderLineId));
  const blocked = new Set(
    site.lines.filter((l) => l.shipComplete && leftLines.has(l.id)).map((l) => l.orderId),
  );
  const merged = withReserved(filled.value.fillList, site.reservations, lines);
  const isBlocked = (f: FillLine) => blocked.has(lines.get(f.backorderLineId)!.orderId);
  const fillList = merged.filter((f) => !isBlocked(f));
  const waiting = merged.filter(isBlocked);

  const plan = planWaves({
    fillList,
    lines: site.lines,
    skus: site.skus,
    locations: site.locations,
    template: DEFAULT_TEMPLATE,
    warehouse,
    points,
    cart: DEFAULT_CART,
  });
  if (!plan.ok) return fail(`Cannot plan: ${plan.reason}`);
  const released = planReleases(plan.value, {
    lines: site.lines,
    allocation: filled.value.fillList,
    newId,
  });
  if (!released.ok) return fail(`Cannot plan: ${released.reason}`);

  const counts = new Map<LeftWhy, number>();
  const reasons: LeftWhy[] = [
    ...filled.value.left.map((l) => l.reason),
    ...waiting.map((): LeftWhy => 'ship-complete-incomplete'),
    ...plan.value.left.map((l) => l.reason),
  ];
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return ok({
    waves: released.value.map((r) => ({
      payload: r.payload,
      ...figuresOf(r.tours),
      tours: r.tours.map((t) => figuresOf([t])),
    })),
    left: LEFT_ORDER.filter((r) => counts.has(r)).map((reason) => ({
      reason,
      lines: counts.get(reason)!,
    })),
  });
};

// Reserves the wave's stock and releases it in one event; the server decides.
export const releaseWave = (payload: WaveReleased, ctx: ActionContext) =>
  recordAction(db, 'wave.released', payload, ctx);

// The tour is the picker's ahead of time, so their handheld can walk it offline.
export const assignTour = (tourId: string, pickerId: string, ctx: ActionContext) =>
  recordAction(db, 'tour.assigned', { tourId, pickerId }, ctx);

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
  const pulled = useLiveQuery(async () => {
    const tours = (await db.tours.where('status').anyOf(OPEN).toArray()) as Tour[];
    const ids = tours.map((t) => t.id);
    const tasks = (await db.pickTasks.where('tourId').anyOf(ids).toArray()) as PickTask[];
    const waveIds = [...new Set(tours.map((t) => t.waveId))];
    const waves = (await db.waves.where('id').anyOf(waveIds).toArray()) as Wave[];
    return { tours, tasks, waves };
  }, []);
  const view = usePendingView();
  if (!pulled || !view) return undefined;
  const waves = new Map(withPending('wave', pulled.waves, view).map((w) => [w.id, w]));
  const tasks = new Map<string, PickTask[]>();
  for (const t of withPending('pickTask', pulled.tasks, view)) {
    if (t.status === 'cancelled') continue;
    const list = tasks.get(t.tourId);
    if (list) list.push(t);
    else tasks.set(t.tourId, [t]);
  }
  const key = (t: Tour) => {
    const w = waves.get(t.waveId);
    return `${w?.releasedAt ?? ''}\n${t.waveId}`;
  };
  return withPending('tour', pulled.tours, view)
    .filter((t) => OPEN.includes(t.status))
    .sort(
      (a, b) =>
        (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) ||
        a.sequence - b.sequence ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
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
    return pickers.sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
  }, []);
