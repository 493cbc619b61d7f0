import { useState } from 'react';
import { shortPickOutcome, type ShortPickFacts } from '../../../shared/picking/short-pick-words';
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

// Found less than asked: how many were found (they go in the order's tote) and why, then what
// will happen, said in words, before anything is sent. No reason is chosen for the picker: two
// taps on defaults once sent a short pick nobody meant.
export const ShortPickForm = (
  p: Omit<ShortPickFacts, 'found'> & {
    found: number;
    onReport: (s: ShortPick) => void;
    onCancel: () => void;
  },
) => {
  const [found, setFound] = useState(String(Math.min(p.found, p.left - 1)));
  const [reason, setReason] = useState<ShortPick['reason'] | null>(null);
  const [checking, setChecking] = useState(false);
  const n = Number(found);
  const problem =
    found === '' || !Number.isInteger(n) || n < 0
      ? 'Say how many you found (0 if none).'
      : n >= p.left
        ? `Found ${n} of ${p.left} is not short.`
        : null;
  if (checking && reason && !problem)
    return (
      <form
        className="short-pick"
        aria-label="Short pick"
        onSubmit={(e) => {
          e.preventDefault();
          p.onReport({ foundQty: n, reason });
        }}
      >
        <p className="short-outcome" role="status">
          {shortPickOutcome({ ...p, found: n })}
        </p>
        <div className="short-buttons">
          <button type="submit">Report short</button>
          <button type="button" className="button-quiet" onClick={() => setChecking(false)}>
            Change
          </button>
        </div>
      </form>
    );
  return (
    <form
      className="short-pick"
      aria-label="Short pick"
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem && reason) setChecking(true);
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
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : (
        !reason && <p className="hint">Say why to go on.</p>
      )}
      <div className="short-buttons">
        <button type="submit" disabled={!!problem || !reason}>
          Next
        </button>
        <button type="button" className="button-quiet" onClick={p.onCancel}>
          Back
        </button>
      </div>
    </form>
  );
};
