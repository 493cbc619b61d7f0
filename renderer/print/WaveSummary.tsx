import { sayMinutes } from '../../shared/floor/progress';

export interface WaveSummaryTour {
  name: string;
  picker: string | null;
  state: string;
  orders: number;
  tasks: number;
  units: number;
  routeLengthM: number;
  expectedMin: number;
}

export type WaveSummaryProps = {
  waveName: string;
  releasedAt: string;
  printedAt: string;
  tours: readonly WaveSummaryTour[];
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

// A wave on one page for the lead's board: its tours, who has each, and what they hold.
export const WaveSummary = (w: WaveSummaryProps) => {
  const units = w.tours.reduce((s, t) => s + t.units, 0);
  const route = w.tours.reduce((s, t) => s + t.routeLengthM, 0);
  const pickers = new Set(w.tours.flatMap((t) => (t.picker ? [t.picker] : []))).size;
  const expected = w.tours.reduce((s, t) => s + t.expectedMin, 0);
  return (
    <article className="wave-summary" aria-label={`Summary of ${w.waveName}`}>
      <h1>Wave summary · {w.waveName}</h1>
      <p>
        Released {w.releasedAt} · printed {w.printedAt}
      </p>
      <p>
        {plural(w.tours.length, 'tour')} · {plural(pickers, 'picker')} · {plural(units, 'unit')} ·{' '}
        {Math.round(route)} m of route · {sayMinutes(expected)} expected
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Tour</th>
            <th scope="col">Picker</th>
            <th scope="col">State</th>
            <th scope="col" className="num">
              Orders
            </th>
            <th scope="col" className="num">
              Tasks
            </th>
            <th scope="col" className="num">
              Units
            </th>
            <th scope="col" className="num">
              Route
            </th>
            <th scope="col" className="num">
              Expected
            </th>
          </tr>
        </thead>
        <tbody>
          {w.tours.map((t) => (
            <tr key={t.name} aria-label={t.name}>
              <td>{t.name}</td>
              <td>{t.picker ?? '—'}</td>
              <td>{t.state}</td>
              <td className="num">{t.orders}</td>
              <td className="num">{t.tasks}</td>
              <td className="num">{t.units}</td>
              <td className="num">{Math.round(t.routeLengthM)} m</td>
              <td className="num">{sayMinutes(t.expectedMin)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
};
