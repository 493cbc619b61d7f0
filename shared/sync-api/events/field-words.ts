import type { FieldWords } from '../../say-issues';
import type { DeviceEventType } from './catalogue';

// Fields whose name alone says too little in a refusal ("The reason is empty"). Optional: a new
// event type needs no entry, its fields are named from their names (shared/say-issues.ts).
export const EVENT_FIELD_WORDS: Partial<Record<DeviceEventType, FieldWords>> = {
  'backorder-line.held': { reason: 'the reason for the hold' },
  'wave.released': { name: "the wave's name" },
  'short-pick.reported': { foundQty: 'the quantity found' },
  'location.counted': { qty: 'the counted quantity' },
  'stock.received': { qty: 'the received quantity', lines: 'the receipt' },
};
