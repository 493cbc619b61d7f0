import { compareText } from '../compare';
import type { Operator } from '../domain/operator';
import type { PickTask } from '../domain/pick-task';
import type { Tour } from '../domain/tour';
import type { Wave } from '../domain/wave';
import { tourName } from '../picking/tour-name';
import { byRelease } from '../picking/tour-order';
import {
  activityOf,
  totalsOf,
  tourFigures,
  type FloorTotals,
  type TourActivity,
  type TourFigures,
} from './progress';
import type { FloorSettings } from '../domain/floor-settings';

// The floor as the lead watches it: every tour of every live wave in its real state, with its
// figures, and the same tours per picker. Pure: the rows, the settings and the clock come in.

export interface FloorTour {
  id: string;
  waveId: string;
  // "Tour 2 of Wave 1"
  name: string;
  sequence: number;
  status: Tour['status'];
  pickerId: string | null;
  pickerName: string | null;
  routeLengthM: number;
  orders: number;
  lines: number;
  units: number;
  figures: TourFigures;
}

export interface FloorWave {
  id: string;
  name: string;
  status: Wave['status'];
  releasedAt: string;
  tours: FloorTour[];
  totals: FloorTotals;
  // A picker holds or has walked one of its tours: it can no longer be cancelled.
  started: boolean;
}

export interface FloorPicker {
  id: string;
  name: string;
  tours: FloorTour[];
  totals: FloorTotals;
}

export interface Floor {
  waves: FloorWave[];
  pickers: FloorPicker[];
}

export interface FloorRows {
  waves: readonly Wave[];
  tours: readonly Tour[];
  tasks: readonly PickTask[];
  operators: readonly Operator[];
  events: readonly { type: string; at: string; payload: unknown }[];
}

const LIVE_WAVES: Wave['status'][] = ['released', 'picking'];
const WITH_PICKER: Tour['status'][] = ['claimed', 'picking', 'completed', 'dropped'];

export const floorOf = (
  rows: FloorRows,
  rules: Pick<FloorSettings, 'pickRatePerHour' | 'stallMinutes'>,
  now: Date,
): Floor => {
  const waves = rows.waves.filter((w) => LIVE_WAVES.includes(w.status));
  const live = new Set(waves.map((w) => w.id));
  const names = new Map(rows.operators.map((o) => [o.id, o.name]));
  const tasksOf = group(
    rows.tasks.filter((t) => live.has(t.waveId)),
    (t) => t.tourId,
  );
  const tourOfTask = new Map(rows.tasks.map((t) => [t.id, t.tourId]));
  const activity = group<TourActivity>(activityOf(rows.events, tourOfTask), (a) => a.tourId);
  const waveName = new Map(waves.map((w) => [w.id, w.name]));
  const releasedAt = new Map(waves.map((w) => [w.id, w.releasedAt]));

  const tours: FloorTour[] = rows.tours
    .filter((t) => live.has(t.waveId) && t.status !== 'cancelled')
    .sort(byRelease(releasedAt))
    .map((t) => {
      const own = tasksOf.get(t.id) ?? [];
      const open = own.filter((k) => k.status !== 'cancelled');
      return {
        id: t.id,
        waveId: t.waveId,
        name: tourName(t, waveName.get(t.waveId)),
        sequence: t.sequence,
        status: t.status,
        pickerId: t.pickerId,
        pickerName: t.pickerId ? (names.get(t.pickerId) ?? t.pickerId) : null,
        routeLengthM: t.routeLengthM,
        orders: new Set(open.map((k) => k.orderId)).size,
        lines: new Set(open.map((k) => k.backorderLineId)).size,
        units: open.reduce((s, k) => s + k.qty, 0),
        figures: tourFigures(t, own, activity.get(t.id) ?? [], rules, now),
      };
    });

  const toursOf = group(tours, (t) => t.waveId);
  const floorWaves = waves
    .map((w) => {
      const own = toursOf.get(w.id) ?? [];
      return {
        id: w.id,
        name: w.name,
        status: w.status,
        releasedAt: w.releasedAt,
        tours: own,
        totals: totalsOf(own.map((t) => t.figures)),
        started: own.some((t) => WITH_PICKER.includes(t.status) || t.figures.done > 0),
      };
    })
    .sort((a, b) => compareText(a.releasedAt, b.releasedAt) || compareText(a.id, b.id));

  const byPicker = group(
    tours.filter((t) => t.pickerId),
    (t) => t.pickerId!,
  );
  const pickers = [...byPicker]
    .map(([id, own]) => ({
      id,
      name: names.get(id) ?? id,
      tours: own,
      totals: totalsOf(own.map((t) => t.figures)),
    }))
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
  return { waves: floorWaves, pickers };
};

const group = <T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
};
