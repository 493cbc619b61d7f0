import type { Location } from '../domain/location';
import type { PickTask } from '../domain/pick-task';
import type { Sku } from '../domain/sku';

// One stop of a printed pick list, in route order, for a picker walking a tour on paper.
export interface PickListRow {
  stop: number;
  location: string;
  skuCode: string;
  description: string;
  // Still to pick at this stop (a started tour's list shows what is left).
  qty: number;
  // The cart slot as the picker counts it, from 1.
  slot: number;
  orderId: string;
  done: boolean;
}

export interface PickList {
  rows: PickListRow[];
  // Each slot's order, for writing the tote codes on at the start.
  slots: { slot: number; orderId: string }[];
  units: number;
}

// The tour's tasks in route order (its sequence), cancelled ones left out; names, not ids.
export const pickListOf = (
  tasks: readonly PickTask[],
  locations: ReadonlyMap<string, Location>,
  skus: ReadonlyMap<string, Sku>,
): PickList => {
  const live = tasks
    .filter((t) => t.status !== 'cancelled')
    .sort((a, b) => a.sequence - b.sequence || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows = live.map((t, i) => ({
    stop: i + 1,
    location: locations.get(t.locationId)?.code ?? t.locationId,
    skuCode: skus.get(t.skuId)?.sku ?? t.skuId,
    description: skus.get(t.skuId)?.description ?? '',
    qty: Math.max(0, t.qty - t.pickedQty - t.shortQty),
    slot: t.toteSlot + 1,
    orderId: t.orderId,
    done: t.status !== 'open',
  }));
  const slots = new Map<number, string>();
  for (const r of rows) if (!slots.has(r.slot)) slots.set(r.slot, r.orderId);
  return {
    rows,
    slots: [...slots].sort(([a], [b]) => a - b).map(([slot, orderId]) => ({ slot, orderId })),
    units: rows.filter((r) => !r.done).reduce((s, r) => s + r.qty, 0),
  };
};
