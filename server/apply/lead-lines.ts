import {
  BackorderLineHeldSchema,
  BackorderLineReleasedSchema,
} from '../../shared/sync-api/events/lead';
import { accepted, defineEventType, rejected } from '../events/registry';
import { lockLine } from './rows';

export const backorderLineHeld = defineEventType({
  type: 'backorder-line.held',
  from: ['device'],
  role: 'lead',
  payload: BackorderLineHeldSchema,
  apply: async (tx, { backorderLineId }) => {
    const line = await lockLine(tx, backorderLineId);
    if (!line) return rejected('unknown-line', `There is no backorder line ${backorderLineId}.`);
    if (line.status !== 'open' || line.qty_allocated > line.qty_shipped) {
      return rejected(
        'line-not-open',
        `Backorder line ${backorderLineId} is ${line.status}; only an open line with nothing allocated can be held.`,
      );
    }
    await tx.query("UPDATE backorder_lines SET status = 'held' WHERE id = $1", [backorderLineId]);
    return accepted;
  },
});

export const backorderLineReleased = defineEventType({
  type: 'backorder-line.released',
  from: ['device'],
  role: 'lead',
  payload: BackorderLineReleasedSchema,
  apply: async (tx, { backorderLineId }) => {
    const line = await lockLine(tx, backorderLineId);
    if (!line) return rejected('unknown-line', `There is no backorder line ${backorderLineId}.`);
    if (line.status !== 'held')
      return rejected(
        'line-not-held',
        `Backorder line ${backorderLineId} is ${line.status}, not held.`,
      );
    await tx.query("UPDATE backorder_lines SET status = 'open' WHERE id = $1", [backorderLineId]);
    return accepted;
  },
});
