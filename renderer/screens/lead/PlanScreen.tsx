import { useState } from 'react';
import type { Operator } from '../../../shared/domain/operator';
import { useAct } from '../../actions/use-act';
import { RefusalNotices } from '../../components/RefusalNotices';
import {
  planShift,
  useOpenTours,
  usePickers,
  type Figures,
  type LeftWhy,
  type OpenTour,
  type PlanPreview,
  type PreviewWave,
} from '../../db/tables/planning';

const LEFT_WORDS: Record<LeftWhy, string> = {
  'no-stock': 'not enough free stock',
  'ship-complete-incomplete': 'ship-complete order not all in stock',
  held: 'on hold',
  'outside-zones': "outside the template's zones",
};

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const figures = (f: Figures) =>
  `${count(f.orders, 'order')} · ${count(f.lines, 'line')} · ${count(f.units, 'unit')} · ${Math.round(f.routeLengthM)} m`;

// The lead's smallest release path: plan every fillable line with the default rules, review
// the waves, release them one by one, and hand tours to pickers ahead of time.
export const PlanScreen = () => {
  const act = useAct();
  const tours = useOpenTours();
  const pickers = usePickers();
  const [preview, setPreview] = useState<PlanPreview | null>(null);
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

  const plan = () =>
    run(async () => {
      const planned = await planShift(() => crypto.randomUUID());
      setPreview(planned.ok ? planned.value : null);
      return planned.ok ? null : planned.reason;
    });

  const release = (wave: PreviewWave) =>
    run(async () => {
      const done = await act('wave.released', wave.payload);
      if (!done.ok) return done.reason;
      setPreview((p) => p && { ...p, waves: p.waves.filter((w) => w !== wave) });
      return null;
    });

  const assign = (tourId: string, pickerId: string) =>
    run(async () => {
      const done = await act('tour.assigned', { tourId, pickerId });
      return done.ok ? null : done.reason;
    });

  return (
    <section aria-labelledby="plan-title" className="plan">
      <h1 id="plan-title">Plan waves</h1>
      <p className="lead">
        Waves from every line the free stock can fill, by the priority rules saved under Allocate
        stock; carts of 8 totes.
      </p>
      <RefusalNotices screen="plan" handlers={{ 're-plan': () => void plan() }} />
      <button type="button" onClick={() => void plan()} disabled={busy}>
        Plan waves
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {preview && <Preview preview={preview} busy={busy} onRelease={(w) => void release(w)} />}
      <ReleasedTours
        tours={tours}
        pickers={pickers ?? []}
        busy={busy}
        onAssign={(t, p) => void assign(t, p)}
      />
    </section>
  );
};

const Preview = ({
  preview,
  busy,
  onRelease,
}: {
  preview: PlanPreview;
  busy: boolean;
  onRelease: (wave: PreviewWave) => void;
}) => (
  <div className="plan-preview">
    <h2>Planned waves</h2>
    {preview.waves.length === 0 && <p className="lead">No wave to release.</p>}
    {preview.waves.map((w) => (
      <article key={w.payload.waveId} className="plan-wave" aria-label={w.payload.name}>
        <h3>{w.payload.name}</h3>
        <p>{figures(w)}</p>
        <ol className="plan-tours" aria-label={`Tours of ${w.payload.name}`}>
          {w.tours.map((t, i) => (
            <li key={w.payload.tours[i]!.tourId}>
              Tour {i + 1}: {figures(t)}
            </li>
          ))}
        </ol>
        <button
          type="button"
          disabled={busy}
          onClick={() => onRelease(w)}
          aria-label={`Release ${w.payload.name}`}
        >
          Release
        </button>
      </article>
    ))}
    {preview.left.length > 0 && (
      <>
        <h3>Lines left</h3>
        <ul className="plan-left" aria-label="Lines left">
          {preview.left.map((l) => (
            <li key={l.reason}>
              {count(l.lines, 'line')}: {LEFT_WORDS[l.reason]}
            </li>
          ))}
        </ul>
      </>
    )}
  </div>
);

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
