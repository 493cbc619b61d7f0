import type { BackorderLine } from '../../domain/backorder-line';
import { sayIssues } from '../../say-issues';
import { EVENT_FIELD_WORDS } from '../../sync-api/events/field-words';
import { fail, ok, type Result } from '../../result';
import {
  WaveReleasedSchema,
  type AllocationLine,
  type WaveReleased,
} from '../../sync-api/events/lead';
import type { FillLine } from '../allocation/allocate';
import type { PlannedTour } from '../batching/batch-tours';
import type { Cart } from '../batching/cart';
import type { WaveTemplate } from '../waves/wave-template';
import type { PlannedWaveTours, ShiftPlan } from './plan-waves';

// What the lead's station plans with until the lead can set a template. A wave is about an hour
// of work for a small team: 200 orders on carts of 8 totes is some 25 tours. Its lines stay at
// half the event's 2,000-line allocation, so a wave is one event unless lines are spread over
// many locations. Weight and volume are what 10 full carts carry (a safety net for heavy SKUs;
// the order, line and unit bounds normally decide first).
export const DEFAULT_TEMPLATE: WaveTemplate = {
  maxOrders: 200,
  maxLines: 1000,
  maxUnits: 2000,
  maxWeightKg: 1500,
  maxVolumeL: 3000,
  zones: null,
};

// A common pick cart: 8 totes of about 40 L, 200 units, and 150 kg, what one person can push
// and stop safely on a warehouse floor.
export const DEFAULT_CART: Cart = { totes: 8, maxUnits: 200, maxWeightKg: 150 };

// The wave.released schema's limits (shared/sync-api/events/lead.ts). Payloads are parsed
// against the schema before they are returned, so a tighter schema is caught, never sent.
const MAX_TOURS = 200;
const MAX_ALLOCATION_LINES = 2000;
const MAX_TASKS = 500;
const MAX_RESERVATIONS = 20;

// One wave.released event, with the plan's tours it carries (in payload.tours order).
export interface WaveRelease {
  payload: WaveReleased;
  cutoffAt: string | null;
  tours: PlannedTour[];
}

export interface ReleaseInput {
  // At least the lines the plan's tasks name (a ship-complete order stays in one event).
  lines: readonly BackorderLine[];
  // What the event must reserve: the fill list's new reservations. A line reserved earlier
  // (allocation.committed) is absent, or lists only what is still to reserve.
  allocation: readonly FillLine[];
  newId: () => string;
  // The day as people say it ("1 Dec"): names then read "1 Dec · 16:00 cut-off · Wave 3", so
  // two plans of one day, numbered on from the waves already released, never share a name.
  day?: string;
  // The first wave's number (1 unless waves were released earlier that day).
  firstNumber?: number;
}

interface Lookups {
  shipComplete: Map<string, boolean>;
  allocation: Map<string, AllocationLine[]>;
}

// A line's reservations as allocation lines of at most 20 locations each. The server reserves
// each in turn on the line's remaining quantity, so a line over many locations still goes whole.
const allocationLinesOf = (f: FillLine): AllocationLine[] => {
  const out: AllocationLine[] = [];
  for (let i = 0; i < f.reservations.length; i += MAX_RESERVATIONS)
    out.push({
      backorderLineId: f.backorderLineId,
      reservations: f.reservations.slice(i, i + MAX_RESERVATIONS),
    });
  return out;
};

const lookupsOf = (input: ReleaseInput): Lookups => ({
  shipComplete: new Map(input.lines.map((l) => [l.id, l.shipComplete])),
  allocation: new Map(input.allocation.map((f) => [f.backorderLineId, allocationLinesOf(f)])),
});

const linesOfTour = (tour: PlannedTour): string[] => [
  ...new Set(tour.tasks.map((t) => t.backorderLineId)),
];

// Tours that must go in one event: those sharing a ship-complete order. Each group lists its
// tours in plan order; groups come in the order of their first tour.
const groupsOf = (tours: readonly PlannedTour[], lookups: Lookups): Result<number[][]> => {
  const parent = tours.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const firstTourOf = new Map<string, number>();
  for (const [i, tour] of tours.entries())
    for (const task of tour.tasks) {
      const shipComplete = lookups.shipComplete.get(task.backorderLineId);
      if (shipComplete === undefined)
        return fail(`backorder line ${task.backorderLineId} is not known`);
      if (!shipComplete) continue;
      const j = firstTourOf.get(task.orderId);
      if (j === undefined) firstTourOf.set(task.orderId, i);
      else {
        const [a, b] = [root(i), root(j)];
        // The smaller index is the root, so a group's root is its first tour.
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  const groups: number[][] = [];
  const groupAt = new Map<number, number[]>();
  for (const i of tours.keys()) {
    const r = root(i);
    let group = groupAt.get(r);
    if (!group) {
      group = [];
      groupAt.set(r, group);
      groups.push(group);
    }
    group.push(i);
  }
  return ok(groups);
};

const cutoffWords = (cutoffAt: string | null) =>
  // The cut-off's clock time as the OMS wrote it (its offset is the warehouse's).
  cutoffAt ? `${cutoffAt.slice(11, 16)} cut-off` : 'no cut-off';

// A wave's name, one a person can say: the day, the cut-off, the number ("1 Dec · 16:00
// cut-off · Wave 3"). Without a day, as before: "Wave 3 · 16:00 cut-off · 2 tours".
export const waveName = (
  label: string,
  cutoffAt: string | null,
  tours: number,
  day?: string,
): string =>
  day
    ? `${day} · ${cutoffWords(cutoffAt)} · Wave ${label}`
    : `Wave ${label} · ${cutoffWords(cutoffAt)} · ${tours} tour${tours === 1 ? '' : 's'}`;

// One planned wave as wave.released payloads: usually one; more when its tours or its
// allocation pass what one event may carry. Then the tours are cut in plan order, the most
// urgent first, and tours sharing a ship-complete order stay in one event, so no such order is
// half released. Ids come from newId; each tour's tasks keep the route order as their sequence.
const releaseOne = (
  wave: Pick<PlannedWaveTours, 'cutoffAt' | 'tours'>,
  number: number | string,
  lookups: Lookups,
  newId: () => string,
  day?: string,
): Result<WaveRelease[]> => {
  for (const [i, tour] of wave.tours.entries())
    if (tour.tasks.length > MAX_TASKS)
      return fail(
        `wave ${number}, tour ${i + 1}: ${tour.tasks.length} pick tasks, more than the ${MAX_TASKS} a released tour may hold (use a smaller cart)`,
      );
  const groups = groupsOf(wave.tours, lookups);
  if (!groups.ok) return groups;
  const allocationSize = (i: number) =>
    linesOfTour(wave.tours[i]!).reduce((s, id) => s + (lookups.allocation.get(id)?.length ?? 0), 0);

  // Next fit, group by group: each event as full as the limits allow, in plan order.
  const parts: { tours: number[]; allocation: number }[] = [];
  for (const group of groups.value) {
    const allocation = group.reduce((s, i) => s + allocationSize(i), 0);
    if (group.length > MAX_TOURS || allocation > MAX_ALLOCATION_LINES)
      return fail(
        `wave ${number}: a ship-complete order spans ${group.length} tours and ${allocation} allocation lines, more than one release may hold (${MAX_TOURS} tours, ${MAX_ALLOCATION_LINES} lines)`,
      );
    const last = parts[parts.length - 1];
    if (
      last &&
      last.tours.length + group.length <= MAX_TOURS &&
      last.allocation + allocation <= MAX_ALLOCATION_LINES
    ) {
      last.tours.push(...group);
      last.allocation += allocation;
    } else parts.push({ tours: [...group], allocation });
  }

  const out: WaveRelease[] = [];
  for (const [k, part] of parts.entries()) {
    const tours = part.tours.sort((a, b) => a - b).map((i) => wave.tours[i]!);
    const label = parts.length === 1 ? `${number}` : `${number}.${k + 1}`;
    const name = waveName(label, wave.cutoffAt, tours.length, day);
    const payload: WaveReleased = {
      waveId: newId(),
      name,
      tours: tours.map((tour, sequence) => ({
        tourId: newId(),
        sequence,
        routeLengthM: tour.routeLengthM,
        tasks: tour.tasks.map((t, n) => ({
          pickTaskId: newId(),
          backorderLineId: t.backorderLineId,
          locationId: t.locationId,
          qty: t.qty,
          sequence: n,
          toteSlot: t.toteSlot,
        })),
      })),
    };
    // A line rides in one tote (the engines never split a line), so it is reserved once.
    const allocation = [...new Set(tours.flatMap(linesOfTour))].flatMap(
      (id) => lookups.allocation.get(id) ?? [],
    );
    // Reserve and release in one event: the stock cannot go elsewhere between the two.
    if (allocation.length > 0) payload.allocation = allocation;
    const parsed = WaveReleasedSchema.safeParse(payload);
    if (!parsed.success)
      return fail(
        `${name} cannot be released as planned. ${sayIssues(parsed.error, EVENT_FIELD_WORDS['wave.released'])}`,
      );
    out.push({ payload: parsed.data, cutoffAt: wave.cutoffAt, tours });
  }
  return ok(out);
};

// One planned wave (numbered from 1 in its plan, or labelled "3.1") as wave.released payloads.
export const waveReleases = (
  wave: Pick<PlannedWaveTours, 'cutoffAt' | 'tours'>,
  number: number | string,
  input: ReleaseInput,
): Result<WaveRelease[]> => releaseOne(wave, number, lookupsOf(input), input.newId, input.day);

// Every wave of a plan, most urgent first, as wave.released payloads.
export const planReleases = (plan: ShiftPlan, input: ReleaseInput): Result<WaveRelease[]> => {
  const lookups = lookupsOf(input);
  const out: WaveRelease[] = [];
  for (const [i, wave] of plan.waves.entries()) {
    const released = releaseOne(
      wave,
      (input.firstNumber ?? 1) + i,
      lookups,
      input.newId,
      input.day,
    );
    if (!released.ok) return released;
    out.push(...released.value);
  }
  return ok(out);
};
