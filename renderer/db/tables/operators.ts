import type { Operator } from '../../../shared/domain/operator';
import { db } from '../db';

export const findOperatorByBadge = async (badge: string): Promise<Operator | undefined> =>
  db.operators.where('badge').equals(badge.trim()).first();
