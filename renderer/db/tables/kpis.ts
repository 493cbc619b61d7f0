import type { Table } from 'dexie';
import type { DailyOrderCount } from '../../../shared/domain/daily-order-count';
import type { PickTask } from '../../../shared/domain/pick-task';
import { computeKpis, type Kpis } from '../../../shared/engines/kpi/kpis';
import { fail, type Result } from '../../../shared/result';
import { db } from '../db';

const dailyCounts = db.dailyOrderCounts as unknown as Table<DailyOrderCount, string>;
const pickTasks = db.pickTasks as unknown as Table<PickTask, string>;

// The lead's figures over [from, to), from what this device holds: its event log, the daily
// order counts, and the line and task rows for what lies before that log.
export const loadKpis = async (from: Date, to: Date, now: Date): Promise<Result<Kpis>> => {
  const [events, counts, lines, tasks] = await Promise.all([
    db.events.toArray(),
    dailyCounts.toArray(),
    db.backorderLines.toArray(),
    pickTasks.toArray(),
  ]);
  const kpis = computeKpis({
    events,
    dailyCounts: counts,
    lines,
    pickTasks: tasks,
    from: from.toISOString(),
    to: to.toISOString(),
    now: now.toISOString(),
  });
  if (kpis.ok) return kpis;
  // The engine names the record by id and field, for whoever looks at the console; the lead
  // reads what happened and what to do.
  console.warn(`Shift figures: ${kpis.reason}`);
  return fail(
    'The figures cannot be worked out: a record on this device cannot be read. Sync, then open the figures again; if this goes on, tell whoever looks after the server.',
  );
};
