import { useState } from 'react';
import type { Operator } from '../../../shared/domain/operator';
import { useAct } from '../../actions/use-act';
import { useOpenTours, usePickers, type Figures, type OpenTour } from '../../db/tables/planning';
import { PlanWaves } from './plan/PlanWaves';

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const figures = (f: Figures) =>
  `${count(f.orders, 'order')} · ${count(f.lines, 'line')} · ${count(f.units, 'unit')} · ${Math.round(f.routeLengthM)} m`;

// The lead's release path: plan every fillable line within a wave template, review and change
// the waves (plan/), release them one by one, and hand tours to pickers ahead of time.
export const PlanScreen = () => {
  const act = useAct();
  const tours = useOpenTours();
  const pickers = usePickers();
  const [error, setError] = useState<string | null>(null);
  // One thing at a time: a second tap while an event is being recorded does nothing.
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    try {
      setError(await work());
    } finally {
      setBusy(false);
    }
  };

  const assign = (tourId: string, pickerId: string) =>
    run(async () => {
      const done = await act('tour.assigned', { tourId, pickerId });
      return done.ok ? null : done.reason;
    });

  return (
    <section aria-labelledby="plan-title" className="plan">
      <h1 id="plan-title">Plan waves</h1>
      <PlanWaves />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ReleasedTours
        tours={tours}
        pickers={pickers ?? []}
        busy={busy}
        onAssign={(t, p) => void assign(t, p)}
      />
    </section>
  );
};

const ReleasedTours = ({
  tours,
  pickers,
  busy,
  onAssign,
}: {
  tours: OpenTour[] | undefined;
  pickers: Operator[];
  busy: boolean;
  onAssign: (tourId: string, pickerId: string) => void;
}) => {
  if (!tours) return null;
  const nameOf = (id: string | null) => pickers.find((p) => p.id === id)?.name ?? id;
  return (
    <div className="plan-released">
      <h2>Released tours</h2>
      {tours.length === 0 && <p className="lead">No released tour is waiting for a picker.</p>}
      <ul className="plan-tour-list" aria-label="Released tours">
        {tours.map((t) => {
          const label = `Tour ${t.sequence + 1} of ${t.waveName}`;
          return (
            <li key={t.id} className="plan-tour" aria-label={label}>
              <div>
                <strong>{label}</strong>
                <div className="queue-sub">{figures(t)}</div>
              </div>
              {t.status === 'assigned' ? (
                <p className="plan-assigned">Assigned to {nameOf(t.pickerId)}</p>
              ) : (
                <AssignTour
                  label={label}
                  pickers={pickers}
                  busy={busy}
                  onAssign={(p) => onAssign(t.id, p)}
                />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
};

const AssignTour = ({
  label,
  pickers,
  busy,
  onAssign,
}: {
  label: string;
  pickers: Operator[];
  busy: boolean;
  onAssign: (pickerId: string) => void;
}) => {
  const [pickerId, setPickerId] = useState('');
  return (
    <div className="plan-assign">
      <label className="inline">
        Assign to
        <select
          value={pickerId}
          onChange={(e) => setPickerId(e.target.value)}
          aria-label={`Picker for ${label}`}
        >
          <option value="">Choose a picker</option>
          {pickers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={busy || pickerId === ''}
        onClick={() => onAssign(pickerId)}
        aria-label={`Assign ${label}`}
      >
        Assign
      </button>
    </div>
  );
};
