// Bundled into one script for Chromium by tour-map.bench.ts: a 60-stop tour on the standard
// shift's floor (10 aisles of 30 m, docs/planning.md), routed once, then drawn again and again.
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Point, Warehouse } from '../../shared/engines/layout/warehouse';
import { route } from '../../shared/engines/routing/route';
import { seededRng } from '../../shared/random';
import { TourMap } from '../../renderer/screens/lead/TourMap';

const STOPS = 60;
const warehouse: Warehouse = {
  aisles: 10,
  aisleLengthM: 30,
  aisleSpacingM: 3,
  crossAislesM: [0, 30],
  depot: { aisle: 0, positionM: 0 },
};

// 60 distinct bays, chosen by a seeded draw, in the order the planner routes them.
const rng = seededRng(15);
const points = new Map<string, Point>();
while (points.size < STOPS) {
  const aisle = Math.floor(rng() * warehouse.aisles);
  const bay = Math.floor(rng() * 30);
  points.set(`A${aisle + 1}-${bay + 1}`, { aisle, positionM: bay + 0.5 });
}
const routed = route(
  warehouse,
  [...points].map(([id, p]) => ({ id, ...p })),
  'optimal',
);
if (!routed.ok) throw new Error(routed.reason);
const tasks = routed.value.order.map((locationId) => ({ locationId }));

// Mounts, commits and lays out one drawing, then takes it away; the time in between, in ms.
const timeOne = (draw: () => ReactNode): number => {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const started = performance.now();
  flushSync(() => root.render(draw()));
  // Asking for the size makes the browser lay the page out now.
  void host.getBoundingClientRect().height;
  const ms = performance.now() - started;
  root.unmount();
  host.remove();
  return ms;
};

const map = () => (
  <TourMap
    warehouse={warehouse}
    points={points}
    tasks={tasks}
    label="Tour 1 of the bench wave"
    lengthM={routed.value.lengthM}
  />
);

// The baseline: the same 60 stops as the plainest list a screen could show.
const list = () => (
  <ol>
    {tasks.map((t, i) => (
      <li key={t.locationId}>
        Stop {i + 1}: {t.locationId}
      </li>
    ))}
  </ol>
);

declare global {
  interface Window {
    benchMap: { map: () => number; list: () => number; stops: () => number };
  }
}

window.benchMap = {
  map: () => timeOne(map),
  list: () => timeOne(list),
  stops: () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    flushSync(() => root.render(map()));
    const n = host.querySelectorAll('.map-stop').length;
    root.unmount();
    host.remove();
    return n;
  },
};
