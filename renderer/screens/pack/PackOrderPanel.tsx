import { useState } from 'react';
import type { PackOrder } from '../../../shared/packing/pack-order';
import type { ShipmentDetails } from '../../../shared/packing/shipment-form';
import { shipBlocker, type Verified } from '../../../shared/packing/verify';
import { CARRIERS } from '../../../shared/shipping/tracking-number';
import { OrderOwed } from './OrderOwed';
import { PackLines } from './PackLines';
import type { Shipped } from './PackStationScreen';
import { RemoveItemForm, type Removal } from './RemoveItemForm';
import { ReturnList } from './ReturnList';
import { ShipmentForm } from './ShipmentForm';

export interface PackOrderPanelProps {
  order: PackOrder;
  verified: Verified;
  byCount: boolean;
  returnInHand: string | null;
  // Set once this tote's shipment is confirmed here.
  shipped: Shipped | null;
  busy: boolean;
  onConfirmCount: (lineId: string, count: number) => void;
  onRemove: (r: Removal) => void;
  onShip: (details: ShipmentDetails) => void;
  onPrint: () => void;
  onClose: () => void;
}

// One tote's order: returns of cancelled lines, the lines in the tote and their verification,
// what stays owed, and the shipment form; after "Confirm shipment", what shipped.
export const PackOrderPanel = (p: PackOrderPanelProps) => {
  const { order } = p;
  const [removing, setRemoving] = useState(false);
  const packing = order.tote.status === 'dropped' && !p.shipped;
  return (
    <section className="pack-order" aria-labelledby="pack-order-title">
      <h2 id="pack-order-title">
        Order {order.orderId} · tote {order.tote.toteCode}
      </h2>
      <p className="pack-sub">
        {order.tourName}
        {order.shipComplete && ' · ships complete: all of it, or nothing'}
      </p>
      <ReturnList returns={order.returns} inHand={p.returnInHand} />
      {p.shipped ? (
        <div className="notice pack-shipped" role="status">
          <strong>
            Shipped: {p.shipped.units} unit{p.shipped.units === 1 ? '' : 's'} by{' '}
            {CARRIERS.find((c) => c.id === p.shipped?.carrier)?.name ?? p.shipped.carrier}, tracking{' '}
            {p.shipped.trackingNumber}.
          </strong>
          <button type="button" onClick={p.onPrint}>
            Print packing slip
          </button>
        </div>
      ) : (
        !packing && <p className="notice">This tote has shipped.</p>
      )}
      {packing && (
        <>
          <p className="prompt">
            {p.byCount ? 'Count each line and confirm it' : 'Scan each item in the tote'}
          </p>
          <PackLines
            lines={order.lines}
            verified={p.verified}
            byCount={p.byCount}
            onConfirm={p.onConfirmCount}
          />
          {removing ? (
            <RemoveItemForm
              lines={order.lines}
              onCancel={() => setRemoving(false)}
              onRemove={(r) => {
                setRemoving(false);
                p.onRemove(r);
              }}
            />
          ) : (
            order.lines.some((l) => l.shippable > 0) && (
              <button type="button" className="button-quiet" onClick={() => setRemoving(true)}>
                Take an item out
              </button>
            )
          )}
        </>
      )}
      <OrderOwed order={order} verified={packing ? p.verified : {}} />
      {packing && (
        <ShipmentForm
          blocker={shipBlocker(order, p.verified)}
          busy={p.busy}
          carrierAsked={order.all.find((l) => l.line.carrier)?.line.carrier ?? null}
          onConfirm={p.onShip}
        />
      )}
      <button type="button" className="button-quiet" onClick={p.onClose}>
        {p.shipped ? 'Next tote' : 'Close the tote'}
      </button>
    </section>
  );
};
