import type { PickTask } from '../domain/pick-task';

// Where a picker is in a tour: the tasks still to do in walking order, with the ones skipped
// for now moved to the end (in the order they were skipped), and what is done.
export interface TourWalk {
  // Open tasks, walking order first, then skipped ones.
  todo: PickTask[];
  current: PickTask | null;
  picked: number;
  short: number;
  // Tasks of the tour skipped and still open.
  skipped: number;
  // The aisle of the next task after the current one in another aisle, if any.
  nextAisle: number | null;
}

export const walkTour = (
  tasks: readonly PickTask[],
  skippedIds: readonly string[],
  aisleOf: (locationId: string) => number | undefined,
): TourWalk => {
  const open = tasks.filter((t) => t.status === 'open').sort((a, b) => a.sequence - b.sequence);
  const skippedAt = new Map(skippedIds.map((id, i) => [id, i]));
  const todo = [
    ...open.filter((t) => !skippedAt.has(t.id)),
    ...open
      .filter((t) => skippedAt.has(t.id))
      .sort((a, b) => skippedAt.get(a.id)! - skippedAt.get(b.id)!),
  ];
  const current = todo[0] ?? null;
  const here = current ? aisleOf(current.locationId) : undefined;
  const next = todo.slice(1).find((t) => aisleOf(t.locationId) !== here);
  return {
    todo,
    current,
    picked: tasks.filter((t) => t.status === 'picked').length,
    short: tasks.filter((t) => t.status === 'short').length,
    skipped: todo.filter((t) => skippedAt.has(t.id)).length,
    nextAisle: next ? (aisleOf(next.locationId) ?? null) : null,
  };
};
