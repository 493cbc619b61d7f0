import type { Shipment } from '../../../shared/domain/shipment';
import type { FeedEntry } from '../../../shared/sync-api/feed';
import type { ExportOutcome, OmsConnector, OmsImport } from '../connector';
import type { StockLevel } from '../stock-levels';
import { VendureClient, type Fetch, type VendureAuth } from './client';
import {
  backorderLinesOf,
  fulfillmentOf,
  orderLineIdOf,
  wantedByLine,
  shipmentMark,
  skuOf,
  WATCHED_STATES,
  lineIdFor,
  type VendureOrder,
} from './map';

const ORDER_FIELDS = /* GraphQL */ `
  id code state orderPlacedAt updatedAt
  customer { id }
  shippingLines { shippingMethod { name } }
  lines { id quantity productVariant { id sku name } }
  fulfillments { id state method trackingCode lines { orderLineId quantity } }
`;

const ORDERS = /* GraphQL */ `
  query FillwaveOrders($options: OrderListOptions) {
    orders(options: $options) { totalItems items { ${ORDER_FIELDS} } }
  }
`;

const ORDER_BY_CODE = /* GraphQL */ `
  query FillwaveOrder($code: String!) {
    orders(options: { take: 1, filter: { code: { eq: $code } } }) {
      items {
        id
        code
        fulfillments {
          id
          state
          method
        }
      }
    }
  }
`;

type ExportOrder = Pick<VendureOrder, 'id' | 'code'> & {
  fulfillments:
    Pick<NonNullable<VendureOrder['fulfillments']>[number], 'id' | 'state' | 'method'>[] | null;
};

const ADD_FULFILLMENT = /* GraphQL */ `
  mutation FillwaveFulfill($input: FulfillOrderInput!) {
    addFulfillmentToOrder(input: $input) {
      __typename
      ... on Fulfillment {
        id
        state
      }
      ... on ErrorResult {
        errorCode
        message
      }
    }
  }
`;

const SHIP = /* GraphQL */ `
  mutation FillwaveShip($id: ID!) {
    transitionFulfillmentToState(id: $id, state: "Shipped") {
      __typename
      ... on Fulfillment {
        id
        state
      }
      ... on ErrorResult {
        errorCode
        message
      }
      ... on FulfillmentStateTransitionError {
        transitionError
      }
    }
  }
`;

const VARIANTS = /* GraphQL */ `
  query FillwaveVariants($options: ProductVariantListOptions) {
    productVariants(options: $options) {
      items {
        id
        sku
        stockOnHand
      }
    }
  }
`;

const SET_STOCK = /* GraphQL */ `
  mutation FillwaveStock($input: [UpdateProductVariantInput!]!) {
    updateProductVariants(input: $input) {
      id
    }
  }
`;

const NOTES = /* GraphQL */ `
  query FillwaveNotes($id: ID!) {
    order(id: $id) {
      history(options: { take: 1000, sort: { createdAt: DESC } }) {
        items {
          type
          data
        }
      }
    }
  }
`;

const ADD_NOTE = /* GraphQL */ `
  mutation FillwaveNote($input: AddNoteToOrderInput!) {
    addNoteToOrder(input: $input) {
      id
    }
  }
`;

type Result = {
  __typename: string;
  id?: string;
  state?: string;
  errorCode?: string;
  message?: string;
  transitionError?: string;
};

const PAGE = 100;
// Orders whose change committed a little after others with a later updatedAt (Vendure stamps a
// change before it commits): read a second back from the cursor; reading one twice adds nothing.
const CURSOR_OVERLAP_MS = 1000;

export interface VendureConnectorOptions {
  // The Admin API, e.g. http://shop:3000/admin-api
  url: string;
  auth: VendureAuth;
  fetch?: Fetch;
}

// Vendure 3 over its Admin GraphQL API (docs/oms.md): orders that owe units come in as backorder
// lines; each Fillwave shipment goes back as a fulfillment (manual-fulfillment handler: carrier
// and service as its method, the tracking number as its tracking code) moved to Shipped.
export class VendureConnector implements OmsConnector {
  readonly name = 'vendure';
  private readonly client: VendureClient;

  constructor(options: VendureConnectorOptions) {
    this.client = new VendureClient(options.url, options.auth, options.fetch);
  }

  // Orders changed since the cursor, oldest change first, by keyset on updatedAt rather than by
  // offset: an order updated while we read moves later in the order, so it is read again rather
  // than pushing another past a page boundary unread. Each page starts at the last one's latest
  // instant, inclusive (orders changed in one instant may straddle pages); a page all of one
  // instant steps through it by offset.
  async importChanges(cursor: string | null): Promise<OmsImport> {
    const byId = new Map<string, VendureOrder>();
    let lower = cursor ? Date.parse(cursor) - CURSOR_OVERLAP_MS : null;
    let skip = 0;
    for (;;) {
      const { orders } = await this.client.request<{
        orders: { items: VendureOrder[] };
      }>(ORDERS, {
        options: {
          skip,
          take: PAGE,
          sort: { updatedAt: 'ASC' },
          filter: {
            state: { in: WATCHED_STATES },
            ...(lower === null ? {} : { updatedAt: { after: new Date(lower - 1).toISOString() } }),
          },
        },
      });
      for (const order of orders.items) byId.set(order.id, order);
      if (orders.items.length < PAGE) break;
      const last = Date.parse(orders.items.at(-1)!.updatedAt);
      if (last === lower) skip += PAGE;
      else [lower, skip] = [last, 0];
    }
    const result: OmsImport = { skus: [], lines: [], wanted: [], cursor };
    const skus = new Map<string, OmsImport['skus'][number]>();
    for (const order of byId.values()) {
      result.lines.push(...backorderLinesOf(order));
      for (const l of order.lines) skus.set(l.productVariant.sku, skuOf(l.productVariant));
      const reason =
        order.state === 'Cancelled'
          ? `order ${order.code} cancelled in Vendure`
          : `quantity changed in Vendure`;
      for (const [orderLineId, qty] of wantedByLine(order))
        result.wanted.push({ backorderLineId: lineIdFor(order.code, orderLineId), qty, reason });
      if (!result.cursor || Date.parse(order.updatedAt) > Date.parse(result.cursor))
        result.cursor = order.updatedAt;
    }
    result.skus = [...skus.values()];
    return result;
  }

  async exportEntry(entry: FeedEntry): Promise<ExportOutcome> {
    if (entry.event.type === 'shipment.confirmed' && entry.shipment)
      return this.exportShipment(entry.shipment);
    if (entry.event.type === 'oms.cancellation-refused')
      return this.exportRefusedCancellation(entry);
    return { kind: 'skipped' };
  }

  // An order by its code, with only what an export looks at: its fulfillments' marks and states.
  private async orderByCode(code: string): Promise<ExportOrder | null> {
    const { orders } = await this.client.request<{ orders: { items: ExportOrder[] } }>(
      ORDER_BY_CODE,
      { code },
    );
    return orders.items[0] ?? null;
  }

  private async exportShipment(shipment: Shipment): Promise<ExportOutcome> {
    const order = await this.orderByCode(shipment.orderId);
    // An order Vendure does not know came from elsewhere (the admin API, another OMS).
    if (!order) return { kind: 'skipped' };
    const existing = fulfillmentOf(order, shipment.id);
    if (existing) {
      const refused =
        existing.state === 'Pending' ? await this.ship(existing.id, order.code, shipment.id) : null;
      return refused ?? { kind: 'done', posted: false };
    }
    const lines = shipment.lines.map((l) => ({
      orderLineId: orderLineIdOf(order.code, l.backorderLineId),
      quantity: l.qty,
    }));
    if (lines.some((l) => l.orderLineId === null))
      return {
        kind: 'refused',
        code: 'unknown-order-line',
        message: `Shipment ${shipment.id} names a line that is not one of Vendure order ${order.code}'s.`,
        orderId: order.code,
      };
    const method = `${shipment.carrier} ${shipment.service} ${shipmentMark(shipment.id)}`;
    const { addFulfillmentToOrder: made } = await this.client.request<{
      addFulfillmentToOrder: Result;
    }>(ADD_FULFILLMENT, {
      input: {
        lines,
        handler: {
          code: 'manual-fulfillment',
          arguments: [
            { name: 'method', value: method },
            { name: 'trackingCode', value: shipment.trackingNumber },
          ],
        },
      },
    });
    if (made.__typename !== 'Fulfillment' || !made.id)
      return {
        kind: 'refused',
        code: made.errorCode ?? made.__typename,
        message: `Vendure refused shipment ${shipment.id} of order ${order.code}: ${made.message ?? made.__typename}`,
        orderId: order.code,
      };
    return (await this.ship(made.id, order.code, shipment.id)) ?? { kind: 'done', posted: true };
  }

  // Moves the fulfillment to Shipped. Vendure refusing that (its fulfillment process, a plugin)
  // is a refusal for the lead, in Vendure's words, not a reason to stop every later export: the
  // fulfillment is there, marked, and is not posted again.
  private async ship(
    fulfillmentId: string,
    orderCode: string,
    shipmentId: string,
  ): Promise<ExportOutcome | null> {
    const { transitionFulfillmentToState: moved } = await this.client.request<{
      transitionFulfillmentToState: Result;
    }>(SHIP, { id: fulfillmentId });
    if (moved.__typename === 'Fulfillment') return null;
    return {
      kind: 'refused',
      code: moved.errorCode ?? moved.__typename,
      message: `Vendure recorded shipment ${shipmentId} of order ${orderCode} but would not mark it shipped: ${moved.transitionError ?? moved.message ?? moved.__typename}`,
      orderId: orderCode,
    };
  }

  // Vendure's stock on hand of each SKU's variant, set outright (its default stock location).
  async setStockLevels(levels: StockLevel[]): Promise<void> {
    const { productVariants } = await this.client.request<{
      productVariants: { items: { id: string; sku: string; stockOnHand: number }[] };
    }>(VARIANTS, {
      options: { take: levels.length, filter: { sku: { in: levels.map((l) => l.skuId) } } },
    });
    const bySku = new Map(productVariants.items.map((v) => [v.sku, v]));
    const input = levels.flatMap((l) => {
      const variant = bySku.get(l.skuId);
      return variant && variant.stockOnHand !== l.onHand
        ? [{ id: variant.id, stockOnHand: l.onHand }]
        : [];
    });
    if (input.length > 0) await this.client.request(SET_STOCK, { input });
  }

  // Vendure's stock on hand of each SKU's variant (its default stock location), a page at a time.
  async readStockLevels(skuIds: readonly string[]): Promise<StockLevel[]> {
    const levels: StockLevel[] = [];
    for (let i = 0; i < skuIds.length; i += PAGE) {
      const part = skuIds.slice(i, i + PAGE);
      const { productVariants } = await this.client.request<{
        productVariants: { items: { sku: string; stockOnHand: number }[] };
      }>(VARIANTS, { options: { take: part.length, filter: { sku: { in: part } } } });
      for (const v of productVariants.items)
        levels.push({ skuId: v.sku, onHand: Math.max(0, v.stockOnHand) });
    }
    return levels;
  }

  // "Cannot cancel, already shipped": a private note on the order, marked with the event id and
  // looked for before it is added.
  private async exportRefusedCancellation(entry: FeedEntry): Promise<ExportOutcome> {
    const orderId = entry.orders[0]?.orderId;
    if (!orderId) return { kind: 'skipped' };
    const order = await this.orderByCode(orderId);
    if (!order) return { kind: 'skipped' };
    const mark = `[fillwave ${entry.event.id}]`;
    const { order: withHistory } = await this.client.request<{
      order: { history: { items: { type: string; data: { note?: string } }[] } } | null;
    }>(NOTES, { id: order.id });
    const noted = withHistory?.history.items.some((h) => h.data.note?.includes(mark));
    if (!noted) {
      const reason = (entry.event.payload as { reason?: string }).reason ?? 'already shipped';
      await this.client.request(ADD_NOTE, {
        input: {
          id: order.id,
          note: `Fillwave could not cancel: ${reason} ${mark}`,
          isPublic: false,
        },
      });
    }
    return { kind: 'done', posted: !noted };
  }
}
