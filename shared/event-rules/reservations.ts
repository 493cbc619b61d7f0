import type { Reservation } from '../domain/reservation';
import type { Draft } from './draft';

// Releases reservations (stock held for lines) and takes the quantity off their lines'
// allocation; open pick tasks that drew on them are cancelled. Returns the lines touched.
export const releaseReservations = (d: Draft, rows: readonly Reservation[]): string[] => {
  for (const r of rows) {
    const stock = d.get('stock', `${r.locationId}|${r.skuId}`);
    if (stock) d.put('stock', { ...stock, reserved: stock.reserved - r.qty });
    const line = d.get('backorderLine', r.backorderLineId);
    if (line) d.put('backorderLine', { ...line, qtyAllocated: line.qtyAllocated - r.qty });
    d.remove('reservation', r.id);
    if (r.waveId) {
      for (const t of d.where('pickTask', 'backorderLineId', r.backorderLineId))
        if (t.locationId === r.locationId && t.waveId === r.waveId && t.status === 'open')
          d.put('pickTask', { ...t, status: 'cancelled' });
    }
  }
  return rows.map((r) => r.backorderLineId);
};

// Every reservation of one SKU at one location.
export const reservedAt = (d: Draft, locationId: string, skuId: string): Reservation[] =>
  d.where('reservation', 'locationId', locationId).filter((r) => r.skuId === skuId);

export const refreshLines = (d: Draft, ids: Iterable<string>): void => {
  for (const id of [...new Set(ids)].sort()) d.refreshLine(id);
};
