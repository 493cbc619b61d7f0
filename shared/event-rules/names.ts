import type { BackorderLine } from '../domain/backorder-line';
import type { Draft } from './draft';

// How a refusal names things: what a person reads on the label or the screen, not the row's id.

export const tourName = (d: Draft, tourId: string): string => {
  const tour = d.get('tour', tourId);
  if (!tour) return 'this tour';
  const wave = d.get('wave', tour.waveId);
  return `tour ${tour.sequence + 1} of ${wave?.name ?? 'its wave'}`;
};

export const operatorName = (d: Draft, id: string | null): string =>
  (id && d.get('operator', id)?.name) || 'someone';

export const locationName = (d: Draft, id: string): string => d.get('location', id)?.code ?? id;

export const skuName = (d: Draft, id: string): string => d.get('sku', id)?.sku ?? id;

export const lineName = (line: Pick<BackorderLine, 'lineNo' | 'orderId'>): string =>
  `line ${line.lineNo} of order ${line.orderId}`;
