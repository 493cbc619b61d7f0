import { useState } from 'react';
import type { TourWalk } from '../../../shared/picking/tour-walk';
import { FIELD_LIMITS } from '../../../shared/field-limits';

// End of a tour: what was picked, short and skipped on the way, then the totes to a pack
// station (scanned or typed).
export const TourEnd = (p: {
  walk: TourWalk;
  skippedOnTheWay: number;
  dropped: boolean;
  packStation: string | null;
  onDrop: (packStation: string) => void;
}) => {
  const [station, setStation] = useState('');
  return (
    <div className="tour-end">
      <h2>Tour done</h2>
      <dl className="facts">
        <div>
          <dt>Picked</dt>
          <dd data-testid="summary-picked">{p.walk.picked}</dd>
        </div>
        <div>
          <dt>Short</dt>
          <dd data-testid="summary-short">{p.walk.short}</dd>
        </div>
        <div>
          <dt>Skipped on the way</dt>
          <dd data-testid="summary-skipped">{p.skippedOnTheWay}</dd>
        </div>
      </dl>
      {p.dropped ? (
        <p className="notice" role="status">
          Totes dropped at {p.packStation ?? 'the pack station'}.
        </p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (station.trim()) p.onDrop(station.trim());
          }}
        >
          <p className="prompt" aria-live="polite">
            Scan the pack station&apos;s label, or type its name
          </p>
          <label>
            Pack station
            <input
              value={station}
              onChange={(e) => setStation(e.target.value)}
              maxLength={FIELD_LIMITS.packStation}
            />
          </label>
          <button type="submit" className="big" disabled={!station.trim()}>
            Drop at pack station
          </button>
        </form>
      )}
    </div>
  );
};
