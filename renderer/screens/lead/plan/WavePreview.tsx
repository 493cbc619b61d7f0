import { useState } from 'react';
import type { PlannedTour } from '../../../../shared/engines/batching/batch-tours';
import type { OrderMove } from '../../../../shared/engines/plan/move-order';
import type { LeftWhy, PlanPreview, PreviewWave } from '../../../../shared/engines/plan/shift';
import { usePlannedCodes } from '../../../db/tables/planning';
import { TourMap } from '../TourMap';
import { count, figures } from './words';

const LEFT_WORDS: Record<LeftWhy, string> = {
  'no-stock': 'not enough free stock',
  'ship-complete-incomplete': 'ship-complete order not all in stock',
  held: 'on hold',
  'outside-zones': "outside the template's zones",
};

// A move the engine refused, with the tour the order is on.
export interface MoveProblem {
  orderId: string;
  wave: number;
  tour: number;
  words: string;
}

const tourLabel = (wave: PreviewWave, tour: number) => `Tour ${tour + 1} of ${wave.payload.name}`;

// The planned waves → tours → orders and lines, each tour's route on the map, moving an order to
// another tour, and releasing a wave.
export const WavePreview = ({
  preview,
  busy,
  onRelease,
  onMove,
  moveProblem,
}: {
  preview: PlanPreview;
  busy: boolean;
  onRelease: (wave: PreviewWave) => void;
  onMove: (move: OrderMove) => void;
  moveProblem: MoveProblem | null;
}) => (
  <div className="plan-preview">
    <h2>Planned waves</h2>
    {preview.waves.length === 0 && <p className="lead">No wave to release.</p>}
    {preview.waves.map((w, wi) => (
      // Keyed by name, not id: a move gives the wave new ids, and the tours the lead had open
      // stay open (names are unique in a preview).
      <article key={w.payload.name} className="plan-wave" aria-label={w.payload.name}>
        <h3>{w.payload.name}</h3>
        <p>{figures(w)}</p>
        <ol className="plan-tours" aria-label={`Tours of ${w.payload.name}`}>
          {w.planned.map((t, ti) => (
            <TourItem
              key={`${w.payload.name}|${ti}`}
              preview={preview}
              wave={wi}
              tour={ti}
              planned={t}
              busy={busy}
              onMove={onMove}
              problem={moveProblem?.wave === wi && moveProblem.tour === ti ? moveProblem : null}
            />
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

const TourItem = ({
  preview,
  wave,
  tour,
  planned,
  busy,
  onMove,
  problem,
}: {
  preview: PlanPreview;
  wave: number;
  tour: number;
  planned: PlannedTour;
  busy: boolean;
  onMove: (move: OrderMove) => void;
  problem: MoveProblem | null;
}) => {
  const [open, setOpen] = useState(false);
  const codes = usePlannedCodes(open ? planned.tasks : []);
  const w = preview.waves[wave]!;
  const label = tourLabel(w, tour);
  return (
    <li className="plan-preview-tour" aria-label={label}>
      <div className="plan-tour-head">
        <span>
          Tour {tour + 1}: {figures(w.tours[tour]!)}
        </span>
        <button
          type="button"
          aria-expanded={open}
          aria-label={`${open ? 'Close' : 'Open'} ${label}`}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Close' : 'Map and orders'}
        </button>
      </div>
      {open && (
        <div className="plan-tour-detail">
          <TourMap
            warehouse={preview.context.warehouse}
            points={preview.context.points}
            tasks={planned.tasks}
            codes={codes?.locations}
            label={label}
            lengthM={planned.routeLengthM}
          />
          <ul className="plan-orders" aria-label={`Orders on ${label}`}>
            {planned.totes.map((tote) => (
              <OrderItem
                key={tote.orderId}
                preview={preview}
                wave={wave}
                tour={tour}
                orderId={tote.orderId}
                tote={tote.slot}
                tasks={planned.tasks.filter((k) => k.orderId === tote.orderId)}
                busy={busy}
                onMove={onMove}
                problem={problem?.orderId === tote.orderId ? problem.words : null}
              />
            ))}
          </ul>
        </div>
      )}
    </li>
  );
};

const OrderItem = ({
  preview,
  wave,
  tour,
  orderId,
  tote,
  tasks,
  busy,
  onMove,
  problem,
}: {
  preview: PlanPreview;
  wave: number;
  tour: number;
  orderId: string;
  tote: number;
  tasks: PlannedTour['tasks'];
  busy: boolean;
  onMove: (move: OrderMove) => void;
  problem: string | null;
}) => {
  const [target, setTarget] = useState('');
  const codes = usePlannedCodes(tasks);
  // Every other tour of every wave, and a new tour of each wave.
  const targets = preview.waves.flatMap((w, wi) => [
    ...w.planned.flatMap((_, ti) =>
      wi === wave && ti === tour ? [] : [{ key: `${wi}:${ti}`, label: tourLabel(w, ti) }],
    ),
    { key: `${wi}:new`, label: `A new tour of ${w.payload.name}` },
  ]);
  const move = () => {
    const [wi, ti] = target.split(':');
    onMove({
      orderId,
      from: { wave, tour },
      to: { wave: Number(wi), tour: ti === 'new' ? null : Number(ti) },
    });
    setTarget('');
  };
  const units = tasks.reduce((s, k) => s + k.qty, 0);
  return (
    <li aria-label={`Order ${orderId}`}>
      <strong>{orderId}</strong> · tote {tote + 1} ·{' '}
      {count(new Set(tasks.map((k) => k.backorderLineId)).size, 'line')} · {count(units, 'unit')}
      <ul className="plan-lines" aria-label={`Lines of ${orderId}`}>
        {tasks.map((k) => (
          <li key={`${k.backorderLineId}|${k.locationId}`}>
            {k.backorderLineId}: {k.qty} × {codes?.skus.get(k.skuId) ?? k.skuId} at{' '}
            {codes?.locations.get(k.locationId) ?? k.locationId}
          </li>
        ))}
      </ul>
      <div className="plan-assign">
        <label className="inline">
          Move to
          <select
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            aria-label={`Move ${orderId} to`}
          >
            <option value="">Choose a tour</option>
            {targets.map((t) => (
              <option key={t.key} value={t.key}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={busy || target === ''}
          onClick={move}
          aria-label={`Move ${orderId}`}
        >
          Move
        </button>
      </div>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
};
