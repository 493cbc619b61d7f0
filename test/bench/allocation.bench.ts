// Allocation speed: 1,000,000 backorder lines over 100,000 SKUs, single-threaded, against sorting
// the same lines by their priority key in the same run (the floor: allocation must at least order
// the lines). Goal: at most 3x that sort.
import type { BackorderLine } from '../../shared/domain/backorder-line';
import type { Location } from '../../shared/domain/location';
import type { Stock } from '../../shared/domain/stock';
import { allocate } from '../../shared/engines/allocation/allocate';
import { byPriority, type PriorityRule } from '../../shared/engines/allocation/priority';
import type { Warehouse } from '../../shared/engines/layout/warehouse';
import { seededRng } from '../../shared/random';
import type { BenchGroup } from './harness';

const LINES = 1_000_000;
const SKUS = 100_000;
const LOCATIONS = 20_000;

const group: BenchGroup = {
  group: 'allocation',
  benches: [
    {
      name: 'allocate',
      run: async () => {
        const rng = seededRng(1);
        const warehouse: Warehouse = {
          aisles: 40,
          aisleLengthM: 50,
          aisleSpacingM: 3,
          crossAislesM: [0, 50],
          depot: { aisle: 0, positionM: 0 },
        };
        const locations: Location[] = Array.from({ length: LOCATIONS }, (_, i) => ({
          id: `L${i}`,
          code: `L${i}`,
          zone: 'A',
          aisle: 1 + (i % 40),
          positionM: (i * 7) % 50,
          level: 0,
          side: 'left',
          countRequired: false,
        }));
        const points = new Map(
          locations.map((l) => [l.id, { aisle: l.aisle - 1, positionM: l.positionM }]),
        );
        const stock: Stock[] = Array.from({ length: SKUS }, (_, s) => {
          const loc = `L${s % LOCATIONS}`;
          return {
            id: `${loc}|S${s}`,
            locationId: loc,
            skuId: `S${s}`,
            onHand: Math.floor(rng() * 40),
            reserved: 0,
          };
        });
        const lines: BackorderLine[] = Array.from({ length: LINES }, (_, i) => ({
          id: `O${i >> 1}/${(i & 1) + 1}`,
          orderId: `O${i >> 1}`,
          lineNo: (i & 1) + 1,
          skuId: `S${Math.floor(rng() * rng() * SKUS)}`,
          customerId: 'C',
          customerTier: 1 + Math.floor(rng() * 3),
          orderedAt: new Date(
            Date.UTC(2026, 9, 1) + Math.floor(rng() * 50) * 86_400_000,
          ).toISOString(),
          promisedBy: new Date(
            Date.UTC(2026, 10, 1) + Math.floor(rng() * 30) * 86_400_000,
          ).toISOString(),
          shipComplete: rng() < 0.1,
          carrier: null,
          cutoffAt: null,
          qtyOrdered: 3,
          qtyBackordered: 1 + Math.floor(rng() * 3),
          qtyAllocated: 0,
          qtyPicked: 0,
          qtyShort: 0,
          qtyShipped: 0,
          qtyCancelled: 0,
          status: 'open',
        }));
        let t0 = performance.now();
        [...lines].sort(byPriority());
        const sortMs = performance.now() - t0;
        t0 = performance.now();
        const result = allocate({ lines, stock, locations, warehouse, points });
        const allocateMs = performance.now() - t0;
        if (!result.ok) throw new Error(result.reason);
        // Issue 15's rules first, against the default rules on the same lines: what an order's
        // age (a pass over the order ids) and the ship-complete key cost.
        const rules: PriorityRule[] = [
          'ship-complete-first',
          'oldest-backorder',
          'promise-date',
          'customer-tier',
        ];
        t0 = performance.now();
        const withNew = allocate({ lines, stock, locations, warehouse, points, rules });
        const newMs = performance.now() - t0;
        if (!withNew.ok) throw new Error(withNew.reason);
        return [
          { name: 'allocate', value: allocateMs, unit: 'ms', baseline: sortMs },
          {
            name: 'allocate.new_rules_first',
            value: newMs,
            unit: 'ms (ship-complete first, oldest backorder first; baseline: the default rules)',
            baseline: allocateMs,
          },
        ];
      },
    },
  ],
};

export default group;
