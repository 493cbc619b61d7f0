import type { DailyOrderCount } from '../../shared/domain/daily-order-count';
import type { Location } from '../../shared/domain/location';
import type { Operator } from '../../shared/domain/operator';
import type { Sku } from '../../shared/domain/sku';
import type { WarehouseLayout } from '../../shared/domain/warehouse-layout';
import { pick, randomInt, seededRng, type Rng } from '../../shared/random';
import { withCheckDigit } from '../../shared/scan/gtin';
import type { z } from 'zod';
import type { NewBackorderLineSchema } from '../../shared/sync-api/events/oms';

export type NewBackorderLine = z.infer<typeof NewBackorderLineSchema>;

export interface DemoData {
  layout: WarehouseLayout;
  locations: Omit<Location, 'countRequired'>[];
  skus: Sku[];
  receipts: { locationId: string; skuId: string; qty: number }[];
  operators: Operator[];
  lines: NewBackorderLine[];
  days: DailyOrderCount[];
}

const AISLES = 24;
const AISLE_LENGTH_M = 40;
const CROSS_AISLES_M = [0, 20, 40];
const LEVELS = 3;
const NOUNS = [
  'bolt',
  'bracket',
  'hinge',
  'cable',
  'filter',
  'valve',
  'gasket',
  'sensor',
  'clamp',
  'bearing',
  'switch',
  'hose',
  'fuse',
  'pump',
  'seal',
];
const ADJECTIVES = [
  'steel',
  'brass',
  'nylon',
  'heavy-duty',
  'compact',
  'insulated',
  'threaded',
  'galvanised',
  'flexible',
  'sealed',
];
const CARRIERS = ['DHL', 'UPS', 'FedEx', 'DPD', 'GLS'];
const FIRST = [
  'Ana',
  'Ben',
  'Chen',
  'Dara',
  'Eli',
  'Femi',
  'Gus',
  'Hana',
  'Ivo',
  'Jo',
  'Kai',
  'Lea',
  'Mo',
];

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const DAY_MS = 86_400_000;

const layoutAndLocations = () => {
  const layout: WarehouseLayout = {
    id: 'main',
    name: 'Main warehouse',
    aisleCount: AISLES,
    aisleLengthM: AISLE_LENGTH_M,
    aisleSpacingM: 3,
    crossAislesM: CROSS_AISLES_M,
    depotAisle: 1,
    depotCrossAisleM: 0,
  };
  const locations: DemoData['locations'] = [];
  for (let aisle = 1; aisle <= AISLES; aisle++) {
    const zone = aisle <= 8 ? 'A' : aisle <= 16 ? 'B' : 'C';
    // Bays every 2 m on both sides, none on the middle cross aisle.
    for (let positionM = 1; positionM < AISLE_LENGTH_M; positionM += 2) {
      for (const side of ['left', 'right'] as const) {
        for (let level = 0; level < LEVELS; level++) {
          const code = `${zone}${pad(aisle, 2)}-${pad(positionM, 2)}${side === 'left' ? 'L' : 'R'}-${level}`;
          locations.push({ id: code, code, zone, aisle, positionM, level, side });
        }
      }
    }
  }
  return { layout, locations };
};

const makeSku = (rng: Rng, n: number): Sku => {
  const gtinBody = `400${pad(n, 9)}`;
  const caseUnits = pick(rng, [6, 12, 24]);
  const barcodes: Sku['barcodes'] = [
    { code: withCheckDigit(gtinBody), kind: 'each', units: 1 },
    { code: withCheckDigit(`1${gtinBody}`), kind: 'case', units: caseUnits },
  ];
  if (rng() < 0.3)
    barcodes.push({ code: withCheckDigit(`2${gtinBody}`), kind: 'inner', units: caseUnits / 2 });
  return {
    id: `SKU-${pad(n, 5)}`,
    sku: `SKU-${pad(n, 5)}`,
    description: `${pick(rng, ADJECTIVES)} ${pick(rng, NOUNS)} ${randomInt(rng, 2, 80)} mm`,
    unit: 'ea',
    weightKg: Math.round(rng() * 5000) / 1000 + 0.01,
    volumeL: Math.round(rng() * 8000) / 1000 + 0.01,
    barcodes,
  };
};

// A warehouse of 24 aisles in two blocks, SKUs with barcodes, stock, operators of each role,
// customers in tiers and backorder lines over the last 30 days. The same seed and day always
// give the same data.
export const generateDemo = (options: { seed: number; lines: number; today: string }): DemoData => {
  const rng = seededRng(options.seed);
  const todayMs = Date.parse(`${options.today}T00:00:00Z`);
  const { layout, locations } = layoutAndLocations();
  const skuCount = Math.max(50, Math.min(5000, Math.ceil(options.lines / 20)));
  const skus = Array.from({ length: skuCount }, (_, i) => makeSku(rng, i + 1));

  // Each SKU lives at one or two locations; what came in is the replenishment to allocate.
  const receipts: DemoData['receipts'] = [];
  skus.forEach((sku, i) => {
    const home = locations[(i * 7) % locations.length]!;
    receipts.push({ locationId: home.id, skuId: sku.id, qty: randomInt(rng, 5, 60) });
    if (rng() < 0.35) {
      const overflow = locations[(i * 13 + 401) % locations.length]!;
      if (overflow.id !== home.id)
        receipts.push({ locationId: overflow.id, skuId: sku.id, qty: randomInt(rng, 1, 30) });
    }
  });

  const operators: Operator[] = [
    ...Array.from({ length: 8 }, (_, i) => ({ role: 'picker' as const, i })),
    ...Array.from({ length: 2 }, (_, i) => ({ role: 'lead' as const, i })),
    ...Array.from({ length: 3 }, (_, i) => ({ role: 'packer' as const, i })),
  ].map(({ role, i }) => ({
    id: `op-${role}-${i + 1}`,
    badge: `${role.slice(0, 2).toUpperCase()}${pad(i + 1, 3)}`,
    name: `${FIRST[(i * 5 + role.length) % FIRST.length]} (${role} ${i + 1})`,
    role,
    active: true,
  }));

  const customers = Array.from({ length: 500 }, (_, i) => ({
    id: `C${pad(i + 1, 4)}`,
    tier: i % 10 === 0 ? 1 : i % 10 < 4 ? 2 : 3,
  }));

  const lines: NewBackorderLine[] = [];
  const perDay = new Map<string, { orders: number; lines: number }>();
  for (let order = 1; lines.length < options.lines; order++) {
    const customer = pick(rng, customers);
    const orderedAtMs =
      todayMs - randomInt(rng, 1, 30) * DAY_MS + randomInt(rng, 6, 20) * 3_600_000;
    const promisedByMs = orderedAtMs + randomInt(rng, 3, 10) * DAY_MS;
    const shipComplete = rng() < 0.2;
    const carrier = pick(rng, CARRIERS);
    const cutoffAt = rng() < 0.5 ? new Date(todayMs + 16 * 3_600_000).toISOString() : null;
    const count = Math.min(randomInt(rng, 1, 4), options.lines - lines.length);
    const day = new Date(orderedAtMs).toISOString().slice(0, 10);
    const stats = perDay.get(day) ?? { orders: 0, lines: 0 };
    stats.orders += 1;
    perDay.set(day, stats);
    for (let lineNo = 1; lineNo <= count; lineNo++) {
      const qtyOrdered = randomInt(rng, 1, 20);
      lines.push({
        id: `SO-${pad(order, 6)}/${lineNo}`,
        orderId: `SO-${pad(order, 6)}`,
        lineNo,
        skuId: skus[Math.floor(rng() * rng() * skus.length)]!.id,
        customerId: customer.id,
        customerTier: customer.tier,
        orderedAt: new Date(orderedAtMs).toISOString(),
        promisedBy: new Date(promisedByMs).toISOString(),
        shipComplete,
        carrier,
        cutoffAt,
        qtyOrdered,
        qtyBackordered: randomInt(rng, 1, qtyOrdered),
      });
    }
    // Backordered lines are a share of all lines placed that day.
    stats.lines += count + randomInt(rng, count * 3, count * 8);
  }

  const backorderedPerDay = new Map<string, number>();
  for (const l of lines) {
    const day = l.orderedAt.slice(0, 10);
    backorderedPerDay.set(day, (backorderedPerDay.get(day) ?? 0) + 1);
  }
  const days: DailyOrderCount[] = [...perDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, s]) => ({
      id,
      ordersPlaced: s.orders + randomInt(rng, s.orders * 2, s.orders * 5),
      linesPlaced: s.lines,
      linesBackordered: backorderedPerDay.get(id) ?? 0,
    }));

  return { layout, locations, skus, receipts, operators, lines, days };
};
