import type { BackorderLine } from '../../domain/backorder-line';
import type { FillLine } from '../allocation/allocate';

// A fill-list line as waves and tours see it: where its stock is and what it weighs.
export interface PlannedLine {
  backorderLineId: string;
  orderId: string;
  skuId: string;
  reservations: FillLine['reservations'];
  units: number;
  weightKg: number;
  volumeL: number;
}

// An order's lines in one wave (a ship-complete order always has all of them here).
export interface WaveOrder {
  orderId: string;
  // The order's most urgent line, for priority and first-come-first-served.
  lead: BackorderLine;
  cutoffAt: string | null;
  lines: PlannedLine[];
  units: number;
  weightKg: number;
  volumeL: number;
}

export const sumOf = (lines: readonly PlannedLine[]) => ({
  units: lines.reduce((s, l) => s + l.units, 0),
  weightKg: lines.reduce((s, l) => s + l.weightKg, 0),
  volumeL: lines.reduce((s, l) => s + l.volumeL, 0),
});
