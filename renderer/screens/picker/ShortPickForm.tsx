import { useState } from 'react';
import { SHORT_PICK_REASONS } from '../../../shared/sync-api/events/picker';
import { QuantityField, ReasonChoice } from '../../components/ReasonFields';

export interface ShortPick {
  foundQty: number;
  reason: (typeof SHORT_PICK_REASONS)[number];
}

const LABEL: Record<ShortPick['reason'], string> = {
  'not-found': 'Not found',
  damaged: 'Damaged',
  'wrong-item': 'Wrong item in the bin',
};

// Found less than asked: how many were found (they go in the order's tote) and why. The rest of
// the line goes back to the backorder queue and the bin is flagged for a count.
export const ShortPickForm = (p: {
  left: number;
  found: number;
  onReport: (s: ShortPick) => void;
  onCancel: () => void;
}) => {
  const [found, setFound] = useState(String(Math.min(p.found, p.left - 1)));
  const [reason, setReason] = useState<ShortPick['reason']>('not-found');
  const n = Number(found);
  const problem =
    found === '' || !Number.isInteger(n) || n < 0
      ? 'Say how many you found (0 if none).'
      : n >= p.left
        ? `Found ${n} of ${p.left} is not short.`
        : null;
  return (
    <form
      className="short-pick"
      aria-label="Short pick"
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem) p.onReport({ foundQty: n, reason });
      }}
    >
      <QuantityField label="Found" value={found} onChange={setFound} />
      <ReasonChoice
        name="reason"
        reasons={SHORT_PICK_REASONS}
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
        Report short
      </button>
      <button type="button" className="button-quiet" onClick={p.onCancel}>
        Back
      </button>
    </form>
  );
};
