import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { signInWithPin } from '../../auth/sign-in';
import { useAppStore } from '../../stores/app-store';
import { FIELD_LIMITS } from '../../../shared/field-limits';

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
    const result = await signInWithPin(badge, pin, Date.now());
    setPin('');
    if (!result.ok) return setError(result.reason);
    signIn(result.value);
    void navigate('/');
  };

  return (
    <section aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      {/* A changed field makes the last refusal old news; the next attempt says its own. */}
      <form className="form" onSubmit={submit} onChange={() => setError(null)}>
        <label>
          Badge
          <input
            value={badge}
            onChange={(e) => setBadge(e.target.value)}
            maxLength={FIELD_LIMITS.badge}
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
            maxLength={FIELD_LIMITS.pinDigits}
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
