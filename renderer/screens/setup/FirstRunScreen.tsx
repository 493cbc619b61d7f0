import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { DEFAULT_SERVER_PORT } from '../../../shared/config';
import { db } from '../../db/db';
import { desktopShell } from '../../platform/shell';
import { enroll } from '../../sync/enroll';
import { wakeSync } from '../../sync/page-sync';

// A browser found the app on its server; the desktop app's own server listens on loopback.
const defaultServer = () =>
  desktopShell()
    ? `http://127.0.0.1:${DEFAULT_SERVER_PORT}`
    : typeof location !== 'undefined' && /^https?:$/.test(location.protocol)
      ? location.origin
      : '';

// Once per device: which server, and the one-time code an admin gave. The station that runs the
// server itself needs no code.
export const FirstRunScreen = () => {
  const navigate = useNavigate();
  const [serverUrl, setServerUrl] = useState(defaultServer);
  const [code, setCode] = useState('');
  const [name, setName] = useState('Handheld');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const result = await enroll(db, { serverUrl, code, name }, () => crypto.randomUUID());
    setBusy(false);
    if (!result.ok) return setError(result.reason);
    wakeSync();
    void navigate('/sign-in');
  };

  return (
    <section aria-labelledby="setup-title">
      <h1 id="setup-title">Set up this device</h1>
      <form className="form" onSubmit={submit}>
        <label>
          Server address
          <input
            value={serverUrl}
            onChange={(e) => setServerUrl(e.target.value)}
            inputMode="url"
            required
          />
        </label>
        <label>
          Enrollment code{' '}
          <span className="hint">(from an admin; leave empty on the server's own station)</span>
          <input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
          />
        </label>
        <label>
          Device name
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Connecting…' : 'Connect'}
        </button>
      </form>
    </section>
  );
};
