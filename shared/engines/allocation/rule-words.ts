import type { PriorityRule } from './priority';

// Each priority rule as the lead reads it in the list they reorder.
export const RULE_WORDS: Record<PriorityRule, string> = {
  'promise-date': 'Promise date, soonest first',
  'customer-tier': 'Customer tier, tier 1 first',
  'order-date': 'Order date, oldest first',
  'order-id': 'Order number',
  'ship-complete-first': 'Ship-complete orders first',
  'oldest-backorder': "Oldest backorder first (the order's age)",
};
