import type { Queryable } from '../db/db';

// The operator's last pick on a tour that is not undone, in the log's order: only the server's
// log knows which of two picks came last (shared/event-rules/rule.ts, LogFacts).
export const lastPickOnTour = async (
  tx: Queryable,
  tourId: string,
  operatorId: string,
): Promise<string | null> => {
  const [last] = await tx.query<{ id: string }>(
    `SELECT p.id FROM picks p JOIN events e ON e.id = p.id
      WHERE p.tour_id = $1 AND p.picked_by = $2 AND NOT p.undone ORDER BY e.log_id DESC LIMIT 1`,
    [tourId, operatorId],
  );
  return last?.id ?? null;
};
