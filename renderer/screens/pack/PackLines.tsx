import { useState } from 'react';
import type { PackLine } from '../../../shared/packing/pack-order';
import { verifiedOf, type Verified } from '../../../shared/packing/verify';
import { FIELD_LIMITS } from '../../../shared/field-limits';

const skuText = (l: PackLine) =>
  l.sku ? `${l.sku.sku} · ${l.sku.description}` : `an item not on this device (${l.line.skuId})`;

// Confirming one line's count, on a station set to confirm counts.
const CountEntry = ({
  line,
  onConfirm,
}: {
  line: PackLine;
  onConfirm: (lineId: string, count: number) => void;
}) => {
  const [count, setCount] = useState('');
  return (
    <form
      className="pack-count"
      onSubmit={(e) => {
        e.preventDefault();
        if (count !== '') onConfirm(line.line.id, Number(count));
        setCount('');
      }}
    >
      <label>
        Count of line {line.line.lineNo}
        <input
          inputMode="numeric"
          pattern="[0-9]*"
          value={count}
          onChange={(e) => setCount(e.target.value.replace(/\D/g, ''))}
          maxLength={FIELD_LIMITS.quantityDigits}
        />
      </label>
      <button type="submit">Confirm count</button>
    </form>
  );
};

// The lines picked into the tote: what is in it, what can ship, and what the packer verified.
export const PackLines = ({
  lines,
  verified,
  byCount,
  onConfirm,
}: {
  lines: PackLine[];
  verified: Verified;
  byCount: boolean;
  onConfirm: (lineId: string, count: number) => void;
}) => (
  <section aria-labelledby="pack-lines-title">
    <h3 id="pack-lines-title">In the tote</h3>
    {lines.length === 0 && <p className="lead">Nothing was picked into this tote.</p>}
    <ul className="pack-lines">
      {lines.map((l) => {
        const done = verifiedOf(verified, l.line.id);
        return (
          <li
            key={l.line.id}
            className={l.cancelled ? 'pack-line pack-line-cancelled' : 'pack-line'}
            data-testid={`pack-line-${l.line.id}`}
          >
            <p className="pack-line-what">
              Line {l.line.lineNo}: {skuText(l)}
            </p>
            {l.cancelled ? (
              <p className="pack-sub">
                {l.inTote} in the tote · cancelled by the customer: it does not ship.
              </p>
            ) : (
              <p className="pack-line-qty">
                <span data-testid="verified">{done}</span> of {l.shippable} verified
                {l.notShipping > 0 && (
                  <span className="pack-sub">
                    {' '}
                    · {l.notShipping}{' '}
                    {l.line.qtyCancelled > 0
                      ? 'cancelled by the customer: put back as the return says'
                      : 'taken out'}
                  </span>
                )}
              </p>
            )}
            {byCount && !l.cancelled && l.shippable > 0 && (
              <CountEntry line={l} onConfirm={onConfirm} />
            )}
          </li>
        );
      })}
    </ul>
  </section>
);
