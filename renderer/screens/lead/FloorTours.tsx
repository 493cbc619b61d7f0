import { useState } from 'react';
import type { Operator } from '../../../shared/domain/operator';
import type { FloorTour } from '../../../shared/floor/floor-view';
import { floorOf } from '../../../shared/floor/floor-view';
import { useAct, type Act } from '../../actions/use-act';
import { useNow, type Clock } from '../../components/use-now';
import { useFloorRows, useFloorSettings } from '../../db/tables/floor';
import { usePickers } from '../../db/tables/planning';

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

// Where a tour stands, in the lead's words.
export const stateOf = (t: FloorTour): string => {
  const who = t.pickerName ?? 'someone';
  switch (t.status) {
    case 'released':
      return 'Waiting for a picker';
    case 'assigned':
      return `Assigned to ${who}`;
    case 'claimed':
      return `Claimed by ${who}`;
    case 'picking':
      return `Picking by ${who} — ${t.figures.done} of ${count(t.figures.tasks, 'task')}`;
    case 'completed':
      return `Completed by ${who}, totes on the cart`;
    case 'dropped':
      return `Done by ${who}, totes dropped`;
    case 'cancelled':
      return 'Cancelled';
  }
};

// One thing at a time, and the refusal of the last one shown where the lead acted.
export const useFloorActs = () => {
  const act = useAct();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: (act: Act) => Promise<string | null>) => {
    setBusy(true);
    try {
      setError(await work(act));
    } finally {
      setBusy(false);
    }
  };
  const send: Act = async (type, payload) => {
    let result: Awaited<ReturnType<Act>> | undefined;
    await run(async (a) => {
      result = await a(type, payload);
      return result.ok ? null : result.reason;
    });
    return result!;
  };
  return { busy, error, send };
};

// Every tour of the live waves with its state and what the lead can do to it now.
export const TourList = ({
  tours,
  label,
  pickers,
  busy,
  send,
  onPrint,
}: {
  tours: readonly FloorTour[];
  label: string;
  pickers: readonly Operator[];
  busy: boolean;
  send: Act;
  onPrint?: (tour: FloorTour) => void;
}) => (
  <ul className="plan-tour-list" aria-label={label}>
    {tours.map((t) => (
      <li key={t.id} className="plan-tour" aria-label={t.name}>
        <div>
          <strong>{t.name}</strong>
          <div className="queue-sub">
            {count(t.orders, 'order')} · {count(t.lines, 'line')} · {count(t.units, 'unit')} ·{' '}
            {Math.round(t.routeLengthM)} m
          </div>
          <p className={t.status === 'assigned' ? 'plan-assigned' : 'floor-state'}>{stateOf(t)}</p>
          {t.figures.shorts > 0 && (
            <p className="floor-shorts">{count(t.figures.shorts, 'short')}</p>
          )}
          {t.figures.stalled && (
            <p className="floor-stalled" role="status">
              No progress for {t.figures.idleMin} min
            </p>
          )}
        </div>
        <TourActions tour={t} pickers={pickers} busy={busy} send={send} />
        {onPrint && ['released', 'assigned', 'claimed', 'picking'].includes(t.status) && (
          <button
            type="button"
            className="button-quiet"
            onClick={() => onPrint(t)}
            aria-label={`Print the pick list of ${t.name}`}
          >
            Print pick list
          </button>
        )}
      </li>
    ))}
  </ul>
);

const TourActions = ({
  tour,
  pickers,
  busy,
  send,
}: {
  tour: FloorTour;
  pickers: readonly Operator[];
  busy: boolean;
  send: Act;
}) => {
  const others = pickers.filter((p) => p.id !== tour.pickerId);
  if (tour.status === 'released')
    return (
      <ChoosePicker
        verb="Assign"
        field={`Picker for ${tour.name}`}
        prompt="Assign to"
        name={tour.name}
        pickers={others}
        busy={busy}
        onChoose={(pickerId) => void send('tour.assigned', { tourId: tour.id, pickerId })}
      />
    );
  if (!['assigned', 'claimed', 'picking'].includes(tour.status)) return null;
  // Before the first pick a tour can go back to the shelf; after, only to another picker.
  const notStarted = tour.status !== 'picking' && tour.figures.done === 0;
  return (
    <div className="floor-actions">
      {notStarted && (
        <button
          type="button"
          disabled={busy}
          onClick={() => void send('tour.unassigned', { tourId: tour.id })}
          aria-label={`Take back ${tour.name}`}
        >
          Take back
        </button>
      )}
      <ChoosePicker
        verb="Hand over"
        field={`New picker for ${tour.name}`}
        prompt="Hand over to"
        name={tour.name}
        pickers={others}
        busy={busy}
        onChoose={(pickerId) => void send('tour.reassigned', { tourId: tour.id, pickerId })}
      />
    </div>
  );
};

const ChoosePicker = ({
  verb,
  field,
  prompt,
  name,
  pickers,
  busy,
  onChoose,
}: {
  verb: string;
  field: string;
  prompt: string;
  name: string;
  pickers: readonly Operator[];
  busy: boolean;
  onChoose: (pickerId: string) => void;
}) => {
  const [pickerId, setPickerId] = useState('');
  return (
    <div className="plan-assign">
      <label className="inline">
        {prompt}
        <select value={pickerId} onChange={(e) => setPickerId(e.target.value)} aria-label={field}>
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
        onClick={() => onChoose(pickerId)}
        aria-label={`${verb} ${name}`}
      >
        {verb}
      </button>
    </div>
  );
};

// The plan screen's view of what it released: every live tour and who has it, with the same
// actions as the floor, and the way to the floor's figures.
export const ReleasedTours = ({ clock }: { clock?: Clock }) => {
  const now = useNow(clock);
  const [since] = useState(() => new Date(now.getTime() - 24 * 3600_000).toISOString());
  const rows = useFloorRows(since);
  const rules = useFloorSettings();
  const pickers = usePickers();
  const { busy, error, send } = useFloorActs();
  if (!rows) return null;
  const tours = floorOf(rows, rules, now).waves.flatMap((w) => w.tours);
  return (
    <div className="plan-released">
      <h2>Released tours</h2>
      <p className="lead">
        {/* A plain hash link: the app's routes are hash routes (renderer/app/router.tsx). */}
        <a href="#/floor">The floor</a>: progress per wave and per picker, and printing.
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {tours.length === 0 && <p className="lead">No released tour is on the floor.</p>}
      <TourList
        tours={tours}
        label="Released tours"
        pickers={pickers ?? []}
        busy={busy}
        send={send}
      />
    </div>
  );
};
