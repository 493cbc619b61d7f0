import type { PackReturn } from '../../../shared/packing/pack-order';

const skuOf = (r: PackReturn) => r.sku?.sku ?? r.instruction.skuId;
const locationOf = (r: PackReturn) => r.location?.code ?? r.instruction.locationId;

// Picked stock of lines the customer cancelled: each return is done by scanning its location,
// then the item (stock.returned).
export const ReturnList = ({
  returns,
  inHand,
}: {
  returns: PackReturn[];
  // The return whose location was scanned, waiting for its item.
  inHand: string | null;
}) =>
  returns.length === 0 ? null : (
    <section className="pack-returns" aria-labelledby="pack-returns-title">
      <h3 id="pack-returns-title">Cancelled: put back</h3>
      <ul>
        {returns.map((r) => (
          <li key={r.instruction.id} className="pack-return">
            <strong>
              Return {r.instruction.qty} × {skuOf(r)} to {locationOf(r)}
            </strong>
            <span className="prompt">
              {inHand === r.instruction.id
                ? `Scan ${skuOf(r)} to put back all ${r.instruction.qty}`
                : `Scan location ${locationOf(r)} to start`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
