import type { BackorderLine } from '../domain/backorder-line';
import type { PickTask } from '../domain/pick-task';
import { lineName } from '../event-rules/names';

// A picker is told when a pull takes work off the tour they are walking: a task cancelled, or its
// quantity cut. The device compares the open tasks as the picker last saw them with the rows now.

// An open task as the picker last saw it, with its line's cancelled count then: a count that grew
// since means the customer cancelled.
export interface SeenTask {
  qty: number;
  lineCancelled: number;
}
export type SeenTasks = Record<string, SeenTask>;

export interface TaskNotice {
  // The task's id and its quantity now: one notice per change, replaced by a later one.
  id: string;
  text: string;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// Why the task shrank, in a person's words. A wave the lead cancelled says so once for the whole
// tour (on the tour screen), so it has no sentence per task here.
const sentence = (
  task: PickTask,
  before: SeenTask,
  line: Pick<BackorderLine, 'lineNo' | 'orderId' | 'qtyCancelled'> | undefined,
  where: string,
): string => {
  const name = line ? lineName(line) : `the line of order ${task.orderId}`;
  const gone = task.status === 'cancelled';
  if (line && line.qtyCancelled > before.lineCancelled)
    return gone
      ? `${cap(name)} was cancelled by the customer: its pick at ${where} is off your tour.`
      : `${cap(name)} was partly cancelled by the customer: its pick at ${where} is now ${task.qty} instead of ${before.qty}.`;
  return gone
    ? `The pick at ${where} for ${name} is off your tour: the stock there was reported short.`
    : `The pick at ${where} for ${name} is now ${task.qty} instead of ${before.qty}: the stock there was reported short.`;
};

// The notices a pull gives, and the tasks as the picker has now seen them. With nothing seen
// before (a tour opened for the first time) there is nothing to tell. A task picked or short
// meanwhile (by this picker) is no news.
export const taskNotices = (
  seen: SeenTasks | null,
  tasks: readonly PickTask[],
  lines: ReadonlyMap<string, Pick<BackorderLine, 'lineNo' | 'orderId' | 'qtyCancelled'>>,
  locationCode: (id: string) => string,
  tourCancelled: boolean,
): { notices: TaskNotice[]; seen: SeenTasks } => {
  const notices: TaskNotice[] = [];
  const next: SeenTasks = {};
  for (const task of tasks) {
    const line = lines.get(task.backorderLineId);
    const before = seen?.[task.id];
    const shrank =
      before &&
      !tourCancelled &&
      (task.status === 'cancelled' || (task.status === 'open' && task.qty < before.qty));
    if (shrank)
      notices.push({
        id: `${task.id}:${task.status === 'cancelled' ? 0 : task.qty}`,
        text: sentence(task, before, line, locationCode(task.locationId)),
      });
    if (task.status === 'open')
      next[task.id] = { qty: task.qty, lineCancelled: line?.qtyCancelled ?? 0 };
  }
  return { notices, seen: next };
};
