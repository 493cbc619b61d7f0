import type { PackOrder } from '../../../shared/packing/pack-order';
import { owedAfter, type Verified } from '../../../shared/packing/verify';

// What the tour came up short on for this order, and what the order still owes once this
// shipment leaves: those units stay backordered, in the lead's queue.
export const OrderOwed = ({ order, verified }: { order: PackOrder; verified: Verified }) => {
  const left = owedAfter(order, verified);
  return (
    <section aria-labelledby="pack-owed-title">
      {order.shorts.length > 0 && (
        <>
          <h3>Short on the tour</h3>
          <ul className="pack-shorts">
            {order.shorts.map((s, i) => (
              <li key={i}>
                {s.qty} × {s.sku?.sku ?? 'an item'} short
                {s.line ? ` on line ${s.line.lineNo}` : ''}
                {s.location ? ` at ${s.location.code}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 id="pack-owed-title">Stays owed after this shipment</h3>
      {left.length === 0 ? (
        <p className="lead">Nothing: this shipment completes the order.</p>
      ) : (
        <ul className="pack-owed" data-testid="stays-owed">
          {left.map((o) => (
            <li key={o.line.id}>
              Line {o.line.lineNo}: {o.after} × {o.sku?.sku ?? o.line.skuId}
              {o.sku?.description ? ` (${o.sku.description})` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
