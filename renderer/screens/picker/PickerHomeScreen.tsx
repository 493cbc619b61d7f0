import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { RefusalNotices } from '../../components/RefusalNotices';
import { useMyTours } from '../../db/tables/tours';
import { claimNextTour } from '../../picking/claim';
import { useAppStore } from '../../stores/app-store';
import { useReachable } from '../../sync/use-reachable';
import { actionContext } from '../../actions/context';
import { ScannerSettings } from './ScannerSettings';

// The picker's start: tours a lead gave them or they claimed, and "next tour". A new tour needs
// the network; assigned ones can be walked with none.
export const PickerHomeScreen = () => {
  const operator = useAppStore((s) => s.operator)!;
  const online = useReachable();
  const tours = useMyTours(operator.id);
  const navigate = useNavigate();
  const [claiming, setClaiming] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const nameOf = (id: string) => tours?.names.get(id) ?? id;

  const next = async () => {
    if (!tours) return;
    setClaiming(true);
    setMessage(null);
    const claimed = await claimNextTour(tours.waiting, actionContext(operator.id), {
      online,
      names: tours.names,
    });
    setClaiming(false);
    if (!claimed.ok) return setMessage({ error: true, text: claimed.reason });
    if (claimed.value.lost.length)
      setMessage({
        error: false,
        text: `${claimed.value.lost.map(nameOf).join(', ')} went to someone else first; you have ${nameOf(claimed.value.tourId)}.`,
      });
    void navigate(`/pick/${encodeURIComponent(claimed.value.tourId)}`);
  };

  if (!tours) return <p>Loading your tours…</p>;
  return (
    <section aria-labelledby="picker-title" className="picker">
      <h1 id="picker-title">Picking</h1>
      {!online && (
        <p className="notice" role="status">
          No network: you can start only tours a lead assigned to you.
        </p>
      )}
      <RefusalNotices screen="picking" handlers={{ 'take-another-tour': () => void next() }} />
      {message && (
        <p className={message.error ? 'error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <button
        type="button"
        className="big"
        onClick={() => void next()}
        disabled={claiming || !online}
      >
        {claiming ? 'Asking the server…' : `Next tour (${tours.waiting.length} waiting)`}
      </button>
      <h2>Your tours</h2>
      {tours.mine.length === 0 && <p className="lead">None yet.</p>}
      <ul className="tour-list">
        {tours.mine.map((t) => (
          <li key={t.id}>
            <Link className="button big" to={`/pick/${encodeURIComponent(t.id)}`}>
              {t.status === 'picking' ? 'Resume' : 'Start'} {nameOf(t.id)}
            </Link>
            <span className="lead">
              {t.status === 'assigned' ? 'assigned by the lead' : t.status} ·{' '}
              {Math.round(t.routeLengthM)} m
            </span>
          </li>
        ))}
        {tours.toDrop.map((t) => (
          <li key={t.id}>
            <Link className="button big" to={`/pick/${encodeURIComponent(t.id)}`}>
              Drop {nameOf(t.id)}
            </Link>
            <span className="lead">completed, totes still on the cart</span>
          </li>
        ))}
      </ul>
      <ScannerSettings />
    </section>
  );
};
