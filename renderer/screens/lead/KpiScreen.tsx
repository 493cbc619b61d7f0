import { useEffect, useState } from 'react';
import type { Kpis } from '../../../shared/engines/kpi/kpis';
import type { Ratio } from '../../../shared/engines/kpi/window';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import { loadKpis } from '../../db/tables/kpis';

const WINDOWS = [
  { label: 'Today', days: 0 },
  { label: 'Last 7 days', days: 7 },
  { label: 'Last 30 days', days: 30 },
] as const;

const percent = (r: Ratio) =>
  r.value === null
    ? 'no data'
    : `${(r.value * 100).toFixed(1)} % (${r.numerator} of ${r.denominator})`;
const hours = (seconds: number | null) =>
  seconds === null ? 'no data' : `${(seconds / 3600).toFixed(1)} h`;
const rate = (n: number | null) => (n === null ? 'no data' : n.toFixed(1));

// The shift's figures for the lead, from the device's own data: works offline.
export const KpiScreen = () => {
  const [days, setDays] = useState<number>(7);
  const [kpis, setKpis] = useState<Kpis | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Pickers by name where the device knows them; an id only for someone it does not.
  const names = useLiveQuery(
    async () => new Map((await db.operators.toArray()).map((o) => [o.id, o.name])),
    [],
  );
  const nameOf = (id: string) => names?.get(id) ?? id;
  useEffect(() => {
    let live = true;
    const now = new Date();
    const from = new Date(now);
    if (days === 0) from.setHours(0, 0, 0, 0);
    else from.setDate(from.getDate() - days);
    void loadKpis(from, new Date(now.getTime() + 1), now).then((r) => {
      if (!live) return;
      setKpis(r.ok ? r.value : null);
      setError(r.ok ? null : r.reason);
    });
    return () => {
      live = false;
    };
  }, [days]);
  return (
    <section aria-labelledby="kpi-title" className="kpis">
      <h1 id="kpi-title">Shift figures</h1>
      <div className="menu" role="group" aria-label="Window">
        {WINDOWS.map((w) => (
          <button
            key={w.days}
            type="button"
            className={w.days === days ? '' : 'button-quiet'}
            aria-pressed={w.days === days}
            onClick={() => setDays(w.days)}
          >
            {w.label}
          </button>
        ))}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!kpis && !error && <p>Working out the figures…</p>}
      {kpis && (
        <>
          <dl className="facts">
            <div>
              <dt>Backorder rate</dt>
              <dd data-testid="kpi-backorder-rate">{percent(kpis.backorderRate)}</dd>
            </div>
            <div>
              <dt>Backorder fill rate (units)</dt>
              <dd data-testid="kpi-fill-rate">{percent(kpis.backorderFillRate)}</dd>
            </div>
            <div>
              <dt>Average backorder duration</dt>
              <dd data-testid="kpi-duration">{hours(kpis.averageBackorderDuration.seconds)}</dd>
            </div>
            <div>
              <dt>Backorder cancellation rate</dt>
              <dd>{percent(kpis.backorderCancellationRate)}</dd>
            </div>
            <div>
              <dt>Short-pick rate</dt>
              <dd data-testid="kpi-short-rate">{percent(kpis.shortPickRate)}</dd>
            </div>
            <div>
              <dt>Picks per hour</dt>
              <dd data-testid="kpi-picks-per-hour">{rate(kpis.picking.overall.picksPerHour)}</dd>
            </div>
          </dl>
          <h2>Open backorders by age</h2>
          <ul aria-label="Open backorders by age">
            {kpis.aging.map((b) => (
              <li key={b.label}>
                {b.label}: {b.lines} lines, {b.units} units
              </li>
            ))}
          </ul>
          <h2>Pickers</h2>
          {kpis.picking.byPicker.length === 0 && <p className="lead">No picks in this window.</p>}
          <ul aria-label="Picks per picker">
            {kpis.picking.byPicker.map((p) => {
              const typed = kpis.typedEntries.find((t) => t.pickerId === p.pickerId)?.typed ?? 0;
              return (
                <li key={p.pickerId}>
                  {nameOf(p.pickerId)}: {p.picks} picks, {rate(p.picksPerHour)} per hour,{' '}
                  {p.shortPicks} short, {typed} typed rather than scanned
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
};
