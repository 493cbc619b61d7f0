import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { db } from '../../db/db';
import { useOutboxCount } from '../../db/tables/pending';
import { useSyncFacts } from '../../db/tables/sync-status';
import { SERVER_FORGOT_DEVICE, waitingWhileUnknown } from '../../../shared/sync/enroll-again-words';
import { NO_ENCRYPTION, NO_KEYRING_FIX } from '../../../shared/ipc/settings';
import { desktopShell } from '../../platform/shell';
import { useCredentialStorage } from '../../platform/use-credential-storage';
import { enroll } from '../../sync/enroll';
import { wakeSync } from '../../sync/page-sync';
import { parseServerAddress } from '../../sync/server-address';
import { StartOver } from './StartOver';
import { FIELD_LIMITS } from '../../../shared/field-limits';

// Once per device: the one-time code an admin gave (none on the server's own station). In a
// browser the server is the one that served this page; the desktop app asks for its address
// and keeps it as a shell setting, where the app:// protocol forwards the API.
export const FirstRunScreen = () => {
  const navigate = useNavigate();
  const shell = desktopShell();
  const [serverUrl, setServerUrl] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('Handheld');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const storage = useCredentialStorage();
  const [withoutKeyring, setWithoutKeyring] = useState(false);
  const facts = useSyncFacts();
  const waiting = useOutboxCount();

  useEffect(() => {
    void shell?.getSettings().then((s) => setServerUrl(s.serverUrl ?? ''));
  }, [shell]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (shell) {
      const address = parseServerAddress(serverUrl);
      if (!address.ok) return setError(address.reason);
      // Before enrolling: a token the shell then refuses to keep would waste the code.
      if (storage === 'plain-text' && !withoutKeyring) return setError(NO_KEYRING_FIX);
      if (storage === 'unavailable') return setError(NO_ENCRYPTION);
      setBusy(true);
      const saved = await shell.updateSettings({
        serverUrl: address.value,
        ...(storage === 'plain-text' ? { allowTokenWithoutKeyring: withoutKeyring } : {}),
      });
      if (!saved.ok) {
        setBusy(false);
        return setError(saved.reason);
      }
    }
    setBusy(true);
    const result = await enroll(db, { code, name }, () => crypto.randomUUID());
    setBusy(false);
    if (!result.ok) return setError(result.reason);
    wakeSync();
    void navigate('/sign-in');
  };

  return (
    <section aria-labelledby="setup-title">
      <h1 id="setup-title">Set up this device</h1>
      {facts?.enrolled && facts.needsEnrollment && (
        <div className="notice" data-testid="server-forgot-device">
          <p>
            <strong>{SERVER_FORGOT_DEVICE}</strong>
          </p>
          {waiting !== undefined && <p>{waitingWhileUnknown(waiting)}</p>}
        </div>
      )}
      {/* A changed field makes the last refusal old news; the next attempt says its own. */}
      <form className="form" onSubmit={submit} onChange={() => setError(null)}>
        {shell ? (
          <label>
            Server address <span className="hint">(leave empty for this station's own server)</span>
            <input
              value={serverUrl}
              onChange={(e) => setServerUrl(e.target.value)}
              inputMode="url"
              maxLength={FIELD_LIMITS.serverAddress}
              placeholder="https://fillwave.lan:4780"
            />
          </label>
        ) : (
          <p>
            Server: <strong>{typeof location !== 'undefined' ? location.origin : ''}</strong>
          </p>
        )}
        {storage === 'plain-text' && (
          <label>
            <input
              type="checkbox"
              checked={withoutKeyring}
              onChange={(e) => setWithoutKeyring(e.target.checked)}
            />{' '}
            Store the token without a keyring{' '}
            <span className="hint">
              (this computer has none: anyone who can read its files could use the token)
            </span>
          </label>
        )}
        <label>
          Enrollment code{' '}
          <span className="hint">(from an admin; leave empty on the server's own station)</span>
          <input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            maxLength={FIELD_LIMITS.enrollmentCode}
            autoComplete="off"
            autoCapitalize="characters"
          />
        </label>
        <label>
          Device name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={FIELD_LIMITS.deviceName}
          />
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
      {facts?.enrolled && <StartOver />}
    </section>
  );
};
