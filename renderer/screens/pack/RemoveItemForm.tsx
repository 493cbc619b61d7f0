import { useState } from 'react';
import type { PackLine } from '../../../shared/packing/pack-order';
import { SHIPMENT_REMOVAL_REASONS } from '../../../shared/sync-api/events/packer';
import { QuantityField, ReasonChoice } from '../../components/ReasonFields';

export interface Removal {
  backorderLineId: string;
  qty: number;
  reason: (typeof SHIPMENT_REMOVAL_REASONS)[number];
}

const LABEL: Record<Removal['reason'], string> = {
  damaged: 'Damaged',
  'wrong-item': 'Wrong item',
};

// Taking a damaged or wrong item out of the tote: it no longer ships, and its units go back to
// what the order owes (shipment-item.removed).
export const RemoveItemForm = ({
  lines,
  onRemove,
  onCancel,
}: {
  lines: PackLine[];
  onRemove: (r: Removal) => void;
  onCancel: () => void;
}) => {
  const choices = lines.filter((l) => l.shippable > 0);
  const [lineId, setLineId] = useState(choices[0]?.line.id ?? '');
  const [qty, setQty] = useState('1');
  const [reason, setReason] = useState<Removal['reason']>('damaged');
  const line = choices.find((l) => l.line.id === lineId);
  const n = Number(qty);
  const problem = !line
    ? 'Choose the line the item is of.'
    : qty === '' || !Number.isInteger(n) || n < 1
      ? 'Say how many to take out (1 or more).'
      : n > line.shippable
        ? `Line ${line.line.lineNo} has ${line.shippable} in the tote to ship; ${n} cannot be taken out.`
        : null;
  return (
    <form
      className="pack-remove"
      aria-label="Take an item out"
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem) onRemove({ backorderLineId: lineId, qty: n, reason });
      }}
    >
      <label>
        Item
        <select value={lineId} onChange={(e) => setLineId(e.target.value)}>
          {choices.map((l) => (
            <option key={l.line.id} value={l.line.id}>
              Line {l.line.lineNo}: {l.sku?.sku ?? l.line.skuId}
            </option>
          ))}
        </select>
      </label>
      <QuantityField label="How many" value={qty} onChange={setQty} />
      <ReasonChoice
        name="removal-reason"
        reasons={SHIPMENT_REMOVAL_REASONS}
        labels={LABEL}
        value={reason}
        onChange={setReason}
      />
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" disabled={!!problem}>
        Take out
      </button>
      <button type="button" className="button-quiet" onClick={onCancel}>
        Back
      </button>
    </form>
  );
};
