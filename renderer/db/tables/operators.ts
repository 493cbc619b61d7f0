import type { Operator } from '../../../shared/domain/operator';
import { db } from '../db';

// A badge typed on a handheld may come in either case ("le001"): found regardless, and where two
// badges differ only by case, the one typed exactly wins.
export const findOperatorByBadge = async (badge: string): Promise<Operator | undefined> => {
  const typed = badge.trim();
  const found = await db.operators.where('badge').equalsIgnoreCase(typed).toArray();
  return found.find((o) => o.badge === typed) ?? found[0];
};
