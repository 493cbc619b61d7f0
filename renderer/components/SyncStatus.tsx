import { Link } from 'react-router';
import { describeSent, describeSentWindow } from '../../shared/sync/sent-retention';
import { refusedCount } from '../../shared/outcomes/refusal-words';
import { describeClockAhead } from '../../shared/time/business-time';
import { useOutboxCount } from '../db/tables/pending';
import { useRefusedCount } from '../db/tables/refusals';
import { useSyncFacts } from '../db/tables/sync-status';
import { useCredentialStorage } from '../platform/use-credential-storage';
import { useAppStore } from '../stores/app-store';
import { wakeSync } from '../sync/page-sync';
import { useReachable } from '../sync/use-reachable';
import { EnrollAgainNotice } from './EnrollAgainNotice';

const time = (iso: string | null) =>
  iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : 'never';

// The sync status area on every screen: online or not (by whether the server answered lately,
// not only by navigator.onLine), events waiting, the last successful sync and the last error,
// and "Sync now", which starts a round at once (or right after the one under way).
export const SyncStatus = ({ syncNow = wakeSync }: { syncNow?: () => void }) => {
  const offlineReady = useAppStore((s) => s.offlineReady);
  const waiting = useOutboxCount();
  const refused = useRefusedCount();
  const facts = useSyncFacts();
  const syncing = useAppStore((s) => s.syncing);
  const online = useReachable();
  const credentials = useCredentialStorage();
  return (
    <div className="sync-status" role="status" aria-live="polite" data-testid="sync-status">
      {facts?.enrolled && facts.needsEnrollment ? (
        // The server answers, but no longer to this device: never "Online" beside that.
        <EnrollAgainNotice />
      ) : (
        <span className={online ? 'badge badge-ok' : 'badge badge-warn'}>
          {online ? 'Online' : 'Offline: work stays on this device'}
        </span>
      )}
      <span className="badge">
        {offlineReady ? 'Ready offline' : 'Saving app for offline use…'}
      </span>
      {/* Until the outbox is read, say so: "0 waiting" before it is known would tell a person
          their work is delivered when it is not. */}
      <span className="badge" data-testid="waiting">
        {waiting === undefined ? 'Counting what waits…' : `${waiting} waiting`}
      </span>
      {refused ? (
        // Until someone acknowledges them: a refusal is an outcome a person must see.
        <Link className="badge badge-warn" to="/sync-problems" data-testid="refused">
          {refusedCount(refused)}
        </Link>
      ) : null}
      <span className="badge">
        {facts?.lastSync ? `Synced ${time(facts.lastSync)}` : 'Not synced yet'}
      </span>
      {facts && facts.sent.count > 0 && (
        <span className="badge" data-testid="sent-kept" title={describeSentWindow()}>
          {describeSent(facts.sent.count, facts.sent.oldest, new Date())}
        </span>
      )}
      {syncing && !facts?.lastSync && (
        // A first sync of a large warehouse takes a while: show that it moves, with counts.
        <span className="badge">
          <progress aria-label="First sync" /> {facts?.pulled?.records ?? 0} records
        </span>
      )}
      {facts?.lastError && online && facts.lastError.kind !== 'unauthorized' && (
        <Link className="badge badge-warn" to="/sync-problems" title={facts.lastError.reason}>
          {/* A refusal needs a person (a wrong server name, 421): its whole sentence says how. */}
          Last error:{' '}
          {facts.lastError.kind === 'refused'
            ? facts.lastError.reason
            : facts.lastError.reason.slice(0, 60)}
        </Link>
      )}
      {facts?.clockAhead && (
        <span className="badge badge-warn" data-testid="clock-ahead">
          {describeClockAhead(facts.clockAhead.aheadMs)}
        </span>
      )}
      <button type="button" className="badge" onClick={() => syncNow()}>
        Sync now
      </button>
      {credentials === 'plain-text' && (
        // Standing, not dismissible: the site chose it, and it stays true until a keyring exists.
        <span className="badge badge-warn" data-testid="no-keyring">
          Device token stored without a keyring: anyone who can read this computer&apos;s files can
          use it. Enable a keyring (GNOME Keyring or KWallet) and enroll again.
        </span>
      )}
    </div>
  );
};
