import { compareText } from '../compare';
import type { Location } from '../domain/location';
import type { Pick } from '../domain/pick';
import type { PickTask } from '../domain/pick-task';
import type { Sku } from '../domain/sku';
import type { Tote } from '../domain/tote';
import type { Tour } from '../domain/tour';
import { startTask, type PickContext, type PickStep } from './pick-step';
import { readItem } from './read-item';
import { walkTour, type TourWalk } from './tour-walk';

// The tour screen's decisions, with no React and no I/O: what the picker is doing now, what a
// scan means at this moment, and what a skip leaves. The screen renders this and records events.

// Where the picker is inside a tour between events (kept by renderer/picking/walk-state.ts).
export interface WalkState {
  skipped: string[];
  step: PickStep | null;
}

// Everything the device holds about one tour, as the picker should see it.
export interface TourRows {
  tour: Tour;
  // Whether the server has given the tour to this picker (pulled row, not a waiting claim).
  confirmed: boolean;
  tasks: readonly PickTask[];
  totes: readonly Tote[];
  picks: readonly Pick[];
  skus: ReadonlyMap<string, Sku>;
  locations: ReadonlyMap<string, Location>;
}

export interface Slot {
  slot: number;
  orderId: string;
  toteCode: string | null;
}

export interface TourNow {
  slots: Slot[];
  walk: TourWalk;
  current: PickTask | null;
  step: PickStep | null;
  // The tour is the picker's to walk (assigned, claimed or being picked).
  held: boolean;
  // Some cart slot still waits for its tote.
  settingUp: boolean;
  mine: boolean;
  // The picker's last pick that can still be undone.
  undoable: Pick | null;
}

const HELD: Tour['status'][] = ['assigned', 'claimed', 'picking'];

export const slotsOf = (rows: { tasks: readonly PickTask[]; totes: readonly Tote[] }): Slot[] => {
  const bySlot = new Map<number, Slot>();
  for (const t of rows.tasks)
    if (t.status !== 'cancelled' && !bySlot.has(t.toteSlot))
      bySlot.set(t.toteSlot, { slot: t.toteSlot, orderId: t.orderId, toteCode: null });
  for (const tote of rows.totes) {
    const slot = bySlot.get(tote.slot);
    if (slot) slot.toteCode = tote.toteCode;
  }
  return [...bySlot.values()].sort((a, b) => a.slot - b.slot);
};

export const tourNow = (rows: TourRows, walkState: WalkState, operatorId: string): TourNow => {
  const slots = slotsOf(rows);
  const walk = walkTour(
    rows.tasks.filter((t) => t.status !== 'cancelled'),
    walkState.skipped,
    (id) => rows.locations.get(id)?.aisle,
  );
  const current = walk.current;
  const step =
    current && walkState.step?.taskId === current.id
      ? walkState.step
      : current
        ? startTask(current)
        : null;
  const held = HELD.includes(rows.tour.status);
  const last = rows.picks
    .filter((p) => !p.undone && p.pickedBy === operatorId)
    .sort((a, b) => compareText(a.pickedAt, b.pickedAt) || compareText(a.id, b.id))
    .at(-1);
  const lastTask = last && rows.tasks.find((t) => t.id === last.pickTaskId);
  return {
    slots,
    walk,
    current,
    step,
    held,
    settingUp: held && slots.some((s) => !s.toteCode),
    mine: rows.tour.pickerId === operatorId,
    undoable: last && held && lastTask?.status !== 'short' ? last : null,
  };
};

// What a scan is for right now, or why it is refused.
export type ScanFor = { for: 'tote' } | { for: 'pick' } | { for: 'nothing' } | { refusal: string };

export const scanFor = (rows: TourRows, now: TourNow, busy: boolean): ScanFor => {
  if (busy) return { refusal: 'Still saving the last scan: scan that again.' };
  if (!rows.confirmed && now.held)
    return { refusal: 'This tour is not yours yet: the server has not confirmed it.' };
  if (now.settingUp) return { for: 'tote' };
  return now.current ? { for: 'pick' } : { for: 'nothing' };
};

// A tote scanned during set-up goes into the first empty slot, once per cart.
export const toteFor = (
  slots: readonly Slot[],
  text: string,
): { refusal: string } | { toteCode: string; slot: number; orderId: string } => {
  const code = text.trim();
  const next = slots.find((s) => !s.toteCode)!;
  const clash = slots.find((s) => s.toteCode?.toUpperCase() === code.toUpperCase());
  if (clash) return { refusal: `Tote ${code} is already in slot ${clash.slot + 1}.` };
  if (code.length > 50) return { refusal: 'A tote code has at most 50 characters.' };
  return { toteCode: code, slot: next.slot, orderId: next.orderId };
};

// The facts a pick step needs about the task in hand; `today` is the device's local date.
export const pickContextOf = (
  rows: TourRows,
  current: PickTask,
  slots: readonly Slot[],
  today: string,
): PickContext => {
  const sku = rows.skus.get(current.skuId);
  const codes = new Set(
    [...rows.skus.values()].flatMap((s) => [
      ...s.barcodes.map((b) => b.code),
      s.sku.trim().toUpperCase(),
    ]),
  );
  return {
    task: current,
    locationCode: rows.locations.get(current.locationId)?.code ?? current.locationId,
    skuLabel: sku?.sku ?? current.skuId,
    toteCode: slots.find((s) => s.slot === current.toteSlot)?.toteCode ?? null,
    readItem: (text) =>
      sku
        ? readItem(
            { sku, today, isProductCode: (c) => codes.has(c) || codes.has(c.toUpperCase()) },
            text,
          )
        : { ok: false, known: false, reason: `SKU ${current.skuId} is not on this device.` },
  };
};

// Skipping the task in hand moves it to the end of the walk and forgets its scans.
export const skipTask = (walkState: WalkState, taskId: string): WalkState => ({
  skipped: [...walkState.skipped.filter((id) => id !== taskId), taskId],
  step: null,
});
