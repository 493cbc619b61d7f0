import { useState } from 'react';
import { startOverWarning } from '../../../shared/sync/enroll-again-words';
import { db } from '../../db/db';
import { startOverOnDevice } from '../../db/start-over';
import { useOutboxCount } from '../../db/tables/pending';
import { useAppStore } from '../../stores/app-store';

// Start over on this device, after a confirmation that says what would be lost: for a device
// whose server is gone for good, or to set it up for another server.
export const StartOver = () => {
  const waiting = useOutboxCount();
  const signOut = useAppStore((s) => s.signOut);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    try {
      await startOverOnDevice(db);
      signOut();
      setAsking(false);
    } catch (error) {
      setProblem(`This device could not start over (${(error as Error).message}). Try again.`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="start-over-title">
      <h2 id="start-over-title">Start over on this device</h2>
      {!asking ? (
        <button type="button" onClick={() => setAsking(true)} disabled={waiting === undefined}>
          Start over on this device…
        </button>
      ) : (
        <div
          role="alertdialog"
          aria-labelledby="start-over-title"
          aria-describedby="start-over-what"
        >
          <p id="start-over-what">{startOverWarning(waiting ?? 0)}</p>
          <button type="button" onClick={() => void confirm()} disabled={busy}>
            Remove everything on this device
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)} disabled={busy}>
            Keep it
          </button>
        </div>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
};
