import { toPickQty } from '../rules/line-quantities';
import { lineName } from './names';
import { cap } from './tours';
import { accepted, defineRule, refuse } from './rule';

export const backorderLineHeld = defineRule({
  type: 'backorder-line.held',
  apply: (d, { backorderLineId }) => {
    const line = d.get('backorderLine', backorderLineId);
    if (!line) return refuse('unknown-line', 'That line is not known here.');
    if (line.status !== 'open' || toPickQty(line) > 0)
      return refuse(
        'line-not-open',
        `${cap(lineName(line))} is ${line.status}; only an open line with nothing waiting to be picked can be held.`,
      );
    d.put('backorderLine', { ...line, status: 'held' });
    return accepted;
  },
});

export const backorderLineReleased = defineRule({
  type: 'backorder-line.released',
  apply: (d, { backorderLineId }) => {
    const line = d.get('backorderLine', backorderLineId);
    if (!line) return refuse('unknown-line', 'That line is not known here.');
    if (line.status !== 'held')
      return refuse('line-not-held', `${cap(lineName(line))} is ${line.status}, not held.`);
    d.put('backorderLine', { ...line, status: 'open' });
    return accepted;
  },
});
