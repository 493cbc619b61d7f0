import type { PickTask } from '../domain/pick-task';
import type { Tour } from '../domain/tour';
import type { FloorSettings } from '../domain/floor-settings';

// How far the floor is: per tour, then per wave and per picker. Pure figures from the rows and
// the log's times; the clock is passed in, so a stalled tour can be shown in a test.

// A picker pushing a cart walks about 3 km/h between stops (0.83 m/s), slower than a free walk
// (5 km/h): the cart, the turns into aisles, other people.
export const WALK_M_PER_MIN = 50;

// Something that happened on a tour, from the event log: `work` when the picker did it (claim,
// tote, pick, short, completion), not when a lead handed the tour out.
export interface TourActivity {
  tourId: string;
  at: string;
  work: boolean;
}

export interface TourFigures {
  tasks: number;
  done: number;
  shorts: number;
  // First work on it and the last thing that happened on it (a hand-over restarts the clock).
  startedAt: string | null;
  lastAt: string | null;
  // Minutes from its first work to its completion, or to now while it is walked.
  elapsedMin: number | null;
  // Walking its route and picking its tasks at the warehouse's pick rate.
  expectedMin: number;
  // Minutes since anything happened on a tour a picker holds and has not completed.
  idleMin: number | null;
  stalled: boolean;
}

const WALKED: Tour['status'][] = ['assigned', 'claimed', 'picking'];
const ENDED: Tour['status'][] = ['completed', 'dropped'];

const minutesBetween = (from: string, to: number) =>
  Math.max(0, Math.floor((to - Date.parse(from)) / 60_000));

export const expectedMinutes = (routeLengthM: number, tasks: number, pickRatePerHour: number) =>
  routeLengthM / WALK_M_PER_MIN + (tasks * 60) / pickRatePerHour;

export const tourFigures = (
  tour: Pick<Tour, 'status' | 'routeLengthM'>,
  tasks: readonly Pick<PickTask, 'status' | 'shortQty'>[],
  activity: readonly Omit<TourActivity, 'tourId'>[],
  rules: Pick<FloorSettings, 'pickRatePerHour' | 'stallMinutes'>,
  now: Date,
): TourFigures => {
  const live = tasks.filter((t) => t.status !== 'cancelled');
  const at = (list: readonly { at: string }[]) => list.map((a) => a.at).sort();
  const work = at(activity.filter((a) => a.work));
  const all = at(activity);
  const startedAt = work[0] ?? null;
  const lastAt = all[all.length - 1] ?? null;
  const ended = ENDED.includes(tour.status);
  const end = ended && work.length ? Date.parse(work[work.length - 1]!) : now.getTime();
  const idleMin =
    WALKED.includes(tour.status) && lastAt !== null ? minutesBetween(lastAt, now.getTime()) : null;
  return {
    tasks: live.length,
    done: live.filter((t) => t.status !== 'open').length,
    shorts: live.filter((t) => t.status === 'short' || t.shortQty > 0).length,
    startedAt,
    lastAt,
    elapsedMin: startedAt === null ? null : minutesBetween(startedAt, end),
    expectedMin: expectedMinutes(tour.routeLengthM, live.length, rules.pickRatePerHour),
    idleMin,
    stalled: idleMin !== null && idleMin >= rules.stallMinutes,
  };
};

// A wave's or a picker's tours added up. Elapsed and expected are picker-minutes: the sum over
// the tours, whoever walks them and in parallel or not.
export interface FloorTotals {
  tours: number;
  tasks: number;
  done: number;
  shorts: number;
  elapsedMin: number;
  expectedMin: number;
  stalled: number;
}

export const totalsOf = (figures: readonly TourFigures[]): FloorTotals => ({
  tours: figures.length,
  tasks: figures.reduce((s, f) => s + f.tasks, 0),
  done: figures.reduce((s, f) => s + f.done, 0),
  shorts: figures.reduce((s, f) => s + f.shorts, 0),
  elapsedMin: figures.reduce((s, f) => s + (f.elapsedMin ?? 0), 0),
  expectedMin: figures.reduce((s, f) => s + f.expectedMin, 0),
  stalled: figures.filter((f) => f.stalled).length,
});

// Event types that happen on a tour, and whether the picker did them. An undo is left out: it
// takes progress back rather than making any.
const TOUR_EVENTS: Record<string, boolean> = {
  'tour.assigned': false,
  'tour.reassigned': false,
  'tour.claimed': true,
  'tote.assigned': true,
  'pick.confirmed': true,
  'short-pick.reported': true,
  'tour.completed': true,
};
export const FLOOR_EVENT_TYPES = Object.keys(TOUR_EVENTS);

// The log's events as tour activity: by the tour they name, or the tour of the task they name.
export const activityOf = (
  events: readonly { type: string; at: string; payload: unknown }[],
  tourOfTask: ReadonlyMap<string, string>,
): TourActivity[] => {
  const out: TourActivity[] = [];
  for (const e of events) {
    const work = TOUR_EVENTS[e.type];
    if (work === undefined || typeof e.payload !== 'object' || e.payload === null) continue;
    const p = e.payload as { tourId?: unknown; pickTaskId?: unknown };
    const tourId =
      typeof p.tourId === 'string'
        ? p.tourId
        : typeof p.pickTaskId === 'string'
          ? tourOfTask.get(p.pickTaskId)
          : undefined;
    if (tourId) out.push({ tourId, at: e.at, work });
  }
  return out;
};

// "12 min", "1 h 05 min": durations as a lead reads them.
export const sayMinutes = (min: number): string => {
  const m = Math.round(min);
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
};
