import { useEffect, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { floorOf, type FloorTour, type FloorWave } from '../../../shared/floor/floor-view';
import { sayMinutes, type FloorTotals } from '../../../shared/floor/progress';
import { RefusalNotices } from '../../components/RefusalNotices';
import { useNow, type Clock } from '../../components/use-now';
import { loadPickList, useFloorRows, useFloorSettings } from '../../db/tables/floor';
import { usePickers } from '../../db/tables/planning';
import { printDocument } from '../../platform/print';
import { PickList } from '../../print/PickList';
import { PrintSheet } from '../../print/PrintSheet';
import { WaveSummary } from '../../print/WaveSummary';
import { stateOf, TourList, useFloorActs } from './FloorTours';
import { LocationChecks } from './LocationChecks';
import { LockedOperators } from './LockedOperators';

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

// "7 of 12 tasks · 1 short · 34 min of 50 min expected · 1 stalled"
const progress = (t: FloorTotals) =>
  [
    `${t.done} of ${count(t.tasks, 'task')}`,
    count(t.shorts, 'short'),
    `${sayMinutes(t.elapsedMin)} of ${sayMinutes(t.expectedMin)} expected`,
    ...(t.stalled ? [`${t.stalled} stalled`] : []),
  ].join(' · ');

const time = (iso: string) => iso.slice(0, 16).replace('T', ' ');

// The floor, live: every live wave with its tours in their real state, what each picker is on,
// and how far it all is. It reads the device's rows, so it moves with each pull of the pickers'
// events; `clock` is the time the figures are for (a test passes its own).
export const FloorScreen = ({ clock }: { clock?: Clock }) => {
  const now = useNow(clock);
  const [since] = useState(() => new Date(now.getTime() - 24 * 3600_000).toISOString());
  const rows = useFloorRows(since);
  const rules = useFloorSettings();
  const pickers = usePickers();
  const { busy, error, send } = useFloorActs();
  const navigate = useNavigate();
  const [sheet, setSheet] = useState<{ node: ReactNode; seq: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  // Print once the sheet is on the page: the print CSS prints it alone.
  useEffect(() => {
    if (!sheet) return;
    void printDocument().then((printed) => {
      if (!printed.ok) setMessage(printed.reason);
      else if (printed.value === 'cancelled') setMessage('Printing cancelled.');
      else if (printed.value === 'printed') setMessage('Sent to the printer.');
    });
  }, [sheet]);

  if (!rows) return <p>Loading the floor…</p>;
  const floor = floorOf(rows, rules, now);
  const printed = time(now.toISOString());
  const show = (node: ReactNode) => setSheet((s) => ({ node, seq: (s?.seq ?? 0) + 1 }));

  const printTour = async (t: FloorTour) => {
    const list = await loadPickList(t.id);
    show(
      <PickList
        {...list}
        tourName={t.name}
        picker={t.pickerName}
        routeLengthM={t.routeLengthM}
        printedAt={printed}
      />,
    );
  };
  const printWave = (w: FloorWave) =>
    show(
      <WaveSummary
        waveName={w.name}
        releasedAt={time(w.releasedAt)}
        printedAt={printed}
        tours={w.tours.map((t) => ({
          name: t.name,
          picker: t.pickerName,
          state: stateOf(t),
          orders: t.orders,
          tasks: t.figures.tasks,
          units: t.units,
          routeLengthM: t.routeLengthM,
          expectedMin: t.figures.expectedMin,
        }))}
      />,
    );

  // Cancel gives the stock back; re-plan keeps it for the same lines and plans them again.
  const cancel = async (w: FloorWave, releaseStock: boolean) => {
    const done = await send('wave.cancelled', { waveId: w.id, releaseStock });
    if (done.ok && !releaseStock) void navigate('/plan');
  };

  return (
    <section aria-labelledby="floor-title" className="floor">
      <h1 id="floor-title">The floor</h1>
      <p className="lead">
        Every released wave and tour as this station last heard from the pickers. A tour with no
        progress for {rules.stallMinutes} min is flagged; expected times walk the route at cart
        speed and pick {rules.pickRatePerHour} lines an hour.
      </p>
      <RefusalNotices screen="floor" />
      <LockedOperators now={now} />
      {(error ?? message) && (
        <p className={error ? 'error' : 'notice'} role={error ? 'alert' : 'status'}>
          {error ?? message}
        </p>
      )}
      {floor.waves.length === 0 && <p className="lead">No wave is on the floor.</p>}
      {floor.waves.map((w) => (
        <article key={w.id} className="plan-wave" aria-label={w.name}>
          <h2>{w.name}</h2>
          <p>
            Released {time(w.releasedAt)} · {count(w.totals.tours, 'tour')} · {progress(w.totals)}
          </p>
          <div className="floor-actions">
            <button type="button" className="button-quiet" onClick={() => printWave(w)}>
              Print summary
            </button>
            {!w.started && (
              <>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void cancel(w, true)}
                  aria-label={`Cancel ${w.name}`}
                >
                  Cancel wave
                </button>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void cancel(w, false)}
                  aria-label={`Re-plan ${w.name}`}
                >
                  Re-plan
                </button>
              </>
            )}
          </div>
          <TourList
            tours={w.tours}
            label={`Tours of ${w.name}`}
            pickers={pickers ?? []}
            busy={busy}
            send={send}
            onPrint={(t) => void printTour(t)}
          />
        </article>
      ))}
      <h2>Pickers</h2>
      {floor.pickers.length === 0 ? (
        <p className="lead">No picker holds a tour.</p>
      ) : (
        <table className="floor-pickers" aria-label="Pickers">
          <thead>
            <tr>
              <th scope="col">Picker</th>
              <th scope="col">Tours</th>
              <th scope="col">Progress</th>
            </tr>
          </thead>
          <tbody>
            {floor.pickers.map((p) => (
              <tr key={p.id} aria-label={p.name}>
                <td>{p.name}</td>
                <td>{p.tours.map((t) => t.name).join(', ')}</td>
                <td>{progress(p.totals)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LocationChecks printedAt={printed} onPrint={show} />
      {sheet && <PrintSheet key={sheet.seq}>{sheet.node}</PrintSheet>}
    </section>
  );
};
