import type { PackOrder } from '../../shared/packing/pack-order';
import { owedQty } from '../../shared/rules/line-quantities';
import type { ShipmentDetails } from '../../shared/packing/shipment-form';
import type { PackingSlipProps } from '../print/PackingSlip';

export interface SlipFacts {
  warehouse: string;
  station: string;
  shipDate: string;
  packedBy: string;
}

// The packing slip of a shipment, from the order as it was just before it shipped: every line of
// the order, what this shipment carries, what stays owed and what the customer cancelled.
export const packingSlipOf = (
  order: PackOrder,
  shipment: readonly { backorderLineId: string; qty: number }[],
  details: ShipmentDetails,
  facts: SlipFacts,
): PackingSlipProps => {
  const sent = new Map(shipment.map((l) => [l.backorderLineId, l.qty]));
  const customer = order.all[0]?.line.customerId ?? '';
  return {
    ...facts,
    orderNumber: order.orderId,
    customer,
    carrierId: details.carrier,
    service: details.service,
    trackingNumber: details.trackingNumber,
    parcels: details.parcels,
    weightKg: details.weightKg,
    lines: order.all.map(({ line, sku }) => {
      const shipped = sent.get(line.id) ?? 0;
      return {
        lineNo: line.lineNo,
        skuCode: sku?.sku ?? line.skuId,
        description: sku?.description ?? '',
        qtyShipped: shipped,
        qtyStillOwed: Math.max(0, owedQty(line) - shipped),
        qtyCancelled: line.qtyCancelled,
      };
    }),
  };
};
