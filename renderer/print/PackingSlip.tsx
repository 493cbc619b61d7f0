import { CARRIERS } from '../../shared/shipping/tracking-number';

// One line of the order as the slip shows it: what this shipment carries, what the customer is
// still owed (it follows in a later shipment), and what they cancelled.
export type PackingSlipLine = {
  lineNo: number;
  skuCode: string;
  description: string;
  qtyShipped: number;
  qtyStillOwed: number;
  qtyCancelled: number;
};

// Names, not ids: everything here is what the customer and the packer read.
export type PackingSlipProps = {
  warehouse: string;
  station: string;
  orderNumber: string;
  customer: string;
  shipDate: string; // the business day, YYYY-MM-DD
  carrierId: string; // an id of CARRIERS, shown by its name
  service: string;
  trackingNumber: string;
  parcels: number;
  weightKg: number;
  lines: readonly PackingSlipLine[];
  packedBy: string;
};

// "1 December 2026": the month in words, so a US and a European reader read the same day.
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const showDay = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : dayFormat.format(date);
};

const carrierName = (id: string) => CARRIERS.find((c) => c.id === id)?.name ?? id;

const units = (n: number) => `${n} ${n === 1 ? 'unit' : 'units'}`;

// The packing slip that goes in the parcel: pure props, printed through <PrintSheet>.
export const PackingSlip = (slip: PackingSlipProps) => {
  const shipped = slip.lines.reduce((sum, l) => sum + l.qtyShipped, 0);
  const owed = slip.lines.reduce((sum, l) => sum + l.qtyStillOwed, 0);
  return (
    <article className="packing-slip" aria-label={`Packing slip for order ${slip.orderNumber}`}>
      <h1>Packing slip</h1>
      <p>
        {slip.warehouse} · {slip.station}
      </p>
      <dl className="slip-facts">
        <dt>Order</dt>
        <dd>{slip.orderNumber}</dd>
        <dt>Customer</dt>
        <dd>{slip.customer}</dd>
        <dt>Ship date</dt>
        <dd>{showDay(slip.shipDate)}</dd>
        <dt>Carrier</dt>
        <dd>
          {carrierName(slip.carrierId)}, {slip.service}
        </dd>
        <dt>Tracking number</dt>
        <dd>{slip.trackingNumber}</dd>
        <dt>Parcels</dt>
        <dd>
          {slip.parcels}, {Number(slip.weightKg.toFixed(2))} kg
        </dd>
        <dt>Packed by</dt>
        <dd>{slip.packedBy}</dd>
      </dl>
      <table>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">SKU</th>
            <th scope="col">Description</th>
            <th scope="col" className="num">
              Shipped
            </th>
            <th scope="col" className="num">
              Still owed
            </th>
            <th scope="col" className="num">
              Cancelled
            </th>
          </tr>
        </thead>
        <tbody>
          {slip.lines.map((l) => (
            <tr key={l.lineNo} aria-label={`Line ${l.lineNo}`}>
              <td>{l.lineNo}</td>
              <td>{l.skuCode}</td>
              <td>
                {l.description}
                {l.qtyShipped + l.qtyStillOwed === 0 && l.qtyCancelled > 0 && ' (cancelled)'}
              </td>
              <td className="num">{l.qtyShipped}</td>
              <td className="num">{l.qtyStillOwed}</td>
              <td className="num">{l.qtyCancelled}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {units(shipped)} in this shipment.
        {owed > 0 && ` ${units(owed)} still owed on this order will follow in a later shipment.`}
      </p>
    </article>
  );
};
