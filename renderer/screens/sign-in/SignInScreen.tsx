import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import {
  afterAttempt,
  isLocked,
  lockMessage,
  NO_ATTEMPTS,
  type PinAttempts,
} from '../../../shared/auth/pin-lock';
import { checkPin } from '../../auth/check-pin';
import { db } from '../../db/db';
import { findOperatorByBadge } from '../../db/tables/operators';
import { readState, writeState } from '../../sync/sync-state';
import { useAppStore } from '../../stores/app-store';

// Badge (scanned or typed) and PIN, checked on the device against the synced operator record:
// signing in needs no network.
export const SignInScreen = () => {
  const navigate = useNavigate();
  const signIn = useAppStore((s) => s.signIn);
  const [badge, setBadge] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const operator = await findOperatorByBadge(badge);
    if (!operator)
      return setError(
        `No operator with badge ${badge.trim()} on this device. Sync first, or check the badge.`,
      );
    if (!operator.active) return setError(`${operator.name} is deactivated. Ask a lead.`);
    const key = `pin:${operator.id}`;
    const attempts = (await readState<PinAttempts>(db, key)) ?? NO_ATTEMPTS;
    const now = Date.now();
    if (isLocked(attempts, now)) return setError(lockMessage(attempts, now));
    const right = await checkPin(operator, pin);
    const next = afterAttempt(attempts, right, now);
    await writeState(db, key, next);
    setPin('');
    if (!right) return setError(isLocked(next, now) ? lockMessage(next, now) : 'Wrong PIN.');
    signIn({ id: operator.id, name: operator.name, role: operator.role });
    void navigate('/');
  };

  return (
    <section aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      <form className="form" onSubmit={submit}>
        <label>
          Badge
          <input
            value={badge}
            onChange={(e) => setBadge(e.target.value)}
            autoFocus
            autoComplete="off"
            required
          />
        </label>
        <label>
          PIN
          <input
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            required
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit">Sign in</button>
      </form>
    </section>
  );
};
