import type { PickList as PickListData } from '../../shared/floor/pick-list';

export type PickListProps = PickListData & {
  // "Tour 2 of Wave 1"
  tourName: string;
  picker: string | null;
  routeLengthM: number;
  printedAt: string;
};

// A tour's pick list on paper, for a picker without a handheld: the cart's slots with a space for
// each tote's code, then every stop in route order with a box to tick and one for a short count.
export const PickList = (list: PickListProps) => (
  <article className="pick-list" aria-label={`Pick list for ${list.tourName}`}>
    <h1>Pick list · {list.tourName}</h1>
    <p>
      {list.picker ? `Picker: ${list.picker}` : 'Picker: ____________'} · {list.rows.length}{' '}
      {list.rows.length === 1 ? 'stop' : 'stops'} · {list.units}{' '}
      {list.units === 1 ? 'unit' : 'units'} · {Math.round(list.routeLengthM)} m · printed{' '}
      {list.printedAt}
    </p>
    <table aria-label="Cart slots">
      <thead>
        <tr>
          <th scope="col">Slot</th>
          <th scope="col">Order</th>
          <th scope="col">Tote</th>
        </tr>
      </thead>
      <tbody>
        {list.slots.map((s) => (
          <tr key={s.slot}>
            <td>{s.slot}</td>
            <td>{s.orderId}</td>
            <td className="write-in" />
          </tr>
        ))}
      </tbody>
    </table>
    <table aria-label="Stops">
      <thead>
        <tr>
          <th scope="col">Stop</th>
          <th scope="col">Location</th>
          <th scope="col">SKU</th>
          <th scope="col">Description</th>
          <th scope="col" className="num">
            Qty
          </th>
          <th scope="col" className="num">
            Slot
          </th>
          <th scope="col">Picked</th>
          <th scope="col">Found if short</th>
        </tr>
      </thead>
      <tbody>
        {list.rows.map((r) => (
          <tr key={r.stop} aria-label={`Stop ${r.stop}`}>
            <td>{r.stop}</td>
            <td>{r.location}</td>
            <td>{r.skuCode}</td>
            <td>{r.description}</td>
            <td className="num">{r.done ? 'done' : r.qty}</td>
            <td className="num">{r.slot}</td>
            <td className="write-in">{r.done ? '✓' : ''}</td>
            <td className="write-in" />
          </tr>
        ))}
      </tbody>
    </table>
  </article>
);
