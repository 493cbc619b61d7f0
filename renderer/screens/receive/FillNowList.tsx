import { Link } from 'react-router';
import { fillNowText } from '../../../shared/receiving/fill-now';
import { useFillNow, type StockAt } from '../../db/tables/receiving';

// What the stock received here fills now, by the current priority rules: each backorder line of
// those items, filled, partly filled or left with why, in priority order. Nothing is reserved
// until the lead allocates or plans.
export const FillNowList = ({
  skuIds,
  skuCodes,
  stock,
}: {
  skuIds: readonly string[];
  skuCodes: ReadonlyMap<string, string>;
  stock: readonly StockAt[];
}) => {
  const fill = useFillNow(skuIds);
  if (!fill) return <p>Working out what the stock fills…</p>;
  if (!fill.ok)
    return (
      <p className="error" role="alert">
        {fill.reason}
      </p>
    );
  const { lines, waitingForCount } = fill.value;
  const code = (skuId: string) => skuCodes.get(skuId) ?? skuId;
  const where = (locationId: string) =>
    stock.find((s) => s.stock.locationId === locationId)?.location?.code ?? locationId;
  return (
    <section aria-labelledby="fill-now-title">
      <h2 id="fill-now-title">What it fills now</h2>
      {lines.length === 0 ? (
        <p>No backorder line is waiting for {skuIds.map(code).join(', ')}.</p>
      ) : (
        <ul aria-label="Backorder lines it fills" className="fill-now">
          {lines.map((f) => (
            <li key={f.line.id} className={`fill-now-${f.outcome}`}>
              {fillNowText(f)} <span className="queue-sub">· {code(f.line.skuId)}</span>
            </li>
          ))}
        </ul>
      )}
      {waitingForCount.map((w) => (
        <p key={`${w.locationId}|${w.skuId}`} className="notice">
          {w.qty} × {code(w.skuId)} at {where(w.locationId)} wait for a count: allocation takes none
          of it until the location is counted.
        </p>
      ))}
      {lines.some((f) => f.filled > 0) && (
        <p>
          Nothing is reserved yet: <Link to="/plan">plan waves</Link> to give the stock to these
          lines.
        </p>
      )}
    </section>
  );
};
