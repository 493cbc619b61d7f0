import type { BackorderLine } from '../../domain/backorder-line';

// The priority rules a lead can reorder. Whatever the order, ties end on order id and line
// number, so shuffled input always gives the same fill list.
export const PRIORITY_RULES = ['promise-date', 'customer-tier', 'order-date', 'order-id'] as const;
export type PriorityRule = (typeof PRIORITY_RULES)[number];
export const DEFAULT_PRIORITY: readonly PriorityRule[] = PRIORITY_RULES;

type Ranked = Pick<
  BackorderLine,
  'promisedBy' | 'customerTier' | 'orderedAt' | 'orderId' | 'lineNo'
>;

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

const RULES: Record<PriorityRule, (a: Ranked, b: Ranked) => number> = {
  // Promise date at risk first: the soonest (or most overdue) promise leads.
  'promise-date': (a, b) => cmp(a.promisedBy, b.promisedBy),
  // Tier 1 is the most important customer.
  'customer-tier': (a, b) => a.customerTier - b.customerTier,
  // First in, first out.
  'order-date': (a, b) => cmp(a.orderedAt, b.orderedAt),
  'order-id': (a, b) => cmp(a.orderId, b.orderId),
};

export const byPriority =
  (rules: readonly PriorityRule[] = DEFAULT_PRIORITY) =>
  (a: Ranked, b: Ranked): number => {
    for (const rule of rules) {
      const d = RULES[rule](a, b);
      if (d !== 0) return d;
    }
    return cmp(a.orderId, b.orderId) || a.lineNo - b.lineNo;
  };
