import { FLOOR_SETTINGS_ID } from '../../shared/domain/floor-settings';
import { followOmsStock, setStockOwner } from '../../shared/event-rules/oms-stock';
import { StockLevelFollowedSchema, StockOwnerSetSchema } from '../../shared/sync-api/events/oms';
import { defineEventType } from '../events/registry';
import { runRule } from './run-rule';

// Who keeps the site's stock figures, written by the OMS connector at its start into the floor
// settings devices pull (docs/oms.md).
export const stockOwnerSet = defineEventType({
  type: 'oms.stock-owner-set',
  from: ['server'],
  payload: StockOwnerSetSchema,
  apply: (tx, payload, event) =>
    runRule(tx, { apply: (d, p) => setStockOwner(d, p as never) }, payload, event, () => [
      { entity: 'floorSettings', id: FLOOR_SETTINGS_ID },
    ]),
});

// The OMS owns the stock: its figure of a SKU lands on Fillwave's bins.
export const stockLevelFollowed = defineEventType({
  type: 'oms.stock-level-followed',
  from: ['server'],
  payload: StockLevelFollowedSchema,
  apply: (tx, payload, event) =>
    runRule(
      tx,
      { apply: (d, p) => followOmsStock(d, p as never) },
      payload,
      event,
      (p: { skuId: string; locationId: string }) => [
        { entity: 'sku', id: p.skuId },
        { entity: 'location', id: p.locationId },
        { entity: 'stock', field: 'skuId', value: p.skuId },
      ],
    ),
});
