import type { Figures } from '../../../../shared/engines/plan/shift';

export const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const figures = (f: Figures) =>
  `${count(f.orders, 'order')} · ${count(f.lines, 'line')} · ${count(f.units, 'unit')} · ${Math.round(f.routeLengthM)} m`;
