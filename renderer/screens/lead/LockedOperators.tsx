import { attemptsOf, isLocked, minutesLeft } from '../../../shared/auth/pin-lock';
import { useOperatorsShown } from '../../db/tables/operators';
import { useFloorActs } from './FloorTours';

// Badges locked by five wrong PINs, on any device (the server counts them), each with the lead's
// Unlock: the operator's devices let them in again after their next pull. Nothing shows while
// nobody is locked.
export const LockedOperators = ({ now }: { now: Date }) => {
  const operators = useOperatorsShown();
  const { busy, error, send } = useFloorActs();
  const locked = (operators ?? [])
    .map((o) => ({ operator: o, attempts: attemptsOf(o) }))
    .filter((l) => isLocked(l.attempts, now.getTime()))
    .sort((a, b) =>
      a.operator.name < b.operator.name ? -1 : a.operator.name > b.operator.name ? 1 : 0,
    );
  if (locked.length === 0 && !error) return null;
  return (
    <section aria-labelledby="locked-title" className="locked-operators">
      <h2 id="locked-title">Locked out</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ul>
        {locked.map(({ operator, attempts }) => (
          <li key={operator.id}>
            <span>
              {operator.name} ({operator.role}, badge {operator.badge}): too many wrong PINs, locked
              for {minutesLeft(attempts, now.getTime())} more min
            </span>
            <button
              type="button"
              disabled={busy}
              aria-label={`Unlock ${operator.name}`}
              onClick={() => void send('operator.unlocked', { operatorId: operator.id })}
            >
              Unlock
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
};
