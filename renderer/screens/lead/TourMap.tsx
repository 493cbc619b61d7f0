import { useMemo } from 'react';
import { tourPath, tourStops, warehouseMap } from '../../../shared/engines/layout/map-geometry';
import type { Point, Warehouse } from '../../../shared/engines/layout/warehouse';

// Pixels per metre: a 10-aisle, 30 m floor draws about 430 by 520 pixels.
const SCALE = 16;
const MARGIN_M = 2.5;

// One tour's route on the warehouse plan: aisles, cross aisles, the depot, the path walked and
// the stops numbered in route order. The geometry is shared/engines/layout/map-geometry.ts.
export const TourMap = ({
  warehouse,
  points,
  tasks,
  codes,
  label,
  lengthM,
}: {
  warehouse: Warehouse;
  points: ReadonlyMap<string, Point>;
  // In route order.
  tasks: readonly { locationId: string }[];
  // Each stop's location code, where known: people read codes, not ids.
  codes?: ReadonlyMap<string, string>;
  label: string;
  lengthM: number;
}) => {
  const map = useMemo(() => warehouseMap(warehouse), [warehouse]);
  const stops = useMemo(() => tourStops(warehouse, points, tasks), [warehouse, points, tasks]);
  const path = useMemo(
    () =>
      tourPath(
        warehouse,
        stops.map((s) => points.get(s.locationId)!),
      ),
    [warehouse, points, stops],
  );
  const [x0, y0] = [-MARGIN_M, -MARGIN_M];
  const [w, h] = [map.width + 2 * MARGIN_M, map.height + 2 * MARGIN_M];
  return (
    <svg
      className="tour-map"
      role="img"
      aria-label={`Route of ${label}: ${stops.length} stop${stops.length === 1 ? '' : 's'}, ${Math.round(lengthM)} m`}
      viewBox={`${x0} ${y0} ${w} ${h}`}
      width={w * SCALE}
      height={h * SCALE}
    >
      <g className="map-cross-aisles">
        {map.crossAisles.map((c) => (
          <line key={c.y} x1={c.left} x2={c.right} y1={c.y} y2={c.y} />
        ))}
      </g>
      <g className="map-aisles">
        {map.aisles.map((a) => (
          <g key={a.number}>
            <line x1={a.x} x2={a.x} y1={a.top} y2={a.bottom} />
            <text x={a.x} y={map.height + 1.8} textAnchor="middle">
              {a.number}
            </text>
          </g>
        ))}
      </g>
      <polyline className="map-path" points={path.map((p) => `${p.x},${p.y}`).join(' ')} />
      <rect
        className="map-depot"
        x={map.depot.x - 0.9}
        y={map.depot.y - 0.9}
        width={1.8}
        height={1.8}
      >
        <title>Depot</title>
      </rect>
      <g className="map-stops">
        {stops.map((s) => (
          <g key={s.number} className="map-stop">
            <title>{`Stop ${s.number}: ${codes?.get(s.locationId) ?? s.locationId}${s.tasks > 1 ? ` (${s.tasks} picks)` : ''}`}</title>
            <circle cx={s.x} cy={s.y} r={0.8} />
            <text x={s.x} y={s.y + 0.35} textAnchor="middle">
              {s.number}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
};
