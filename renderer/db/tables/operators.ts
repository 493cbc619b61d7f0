import type { Operator } from '../../../shared/domain/operator';
import { withPending } from '../../sync/pending-view';
import { db } from '../db';
import { useLiveWithPending } from './pending';

// A badge typed on a handheld may come in either case ("le001"): found regardless, and where two
// badges differ only by case, the one typed exactly wins.
export const findOperatorByBadge = async (badge: string): Promise<Operator | undefined> => {
  const typed = badge.trim();
  const found = await db.operators.where('badge').equalsIgnoreCase(typed).toArray();
  return found.find((o) => o.badge === typed) ?? found[0];
};

// Every operator as this station shows them: pulled records with its waiting events laid over
// (pending.ts), so a badge the lead just unlocked leaves the locked list at once.
export const useOperatorsShown = (): Operator[] | undefined => {
  const read = useLiveWithPending(() => db.operators.toArray(), []);
  return read && withPending('operator', read.pulled as unknown as Operator[], read.view);
};
