import { useOnline } from '../platform/use-online';
import { useAppStore } from '../stores/app-store';

// The sync status area every screen shows. The sync engine fills in the last sync and the
// outbox count; for now it tells the person whether the network is there and whether this
// device can already work without it.
export const SyncStatus = () => {
  const online = useOnline();
  const offlineReady = useAppStore((s) => s.offlineReady);
  return (
    <div className="sync-status" role="status" aria-live="polite" data-testid="sync-status">
      <span className={online ? 'badge badge-ok' : 'badge badge-warn'}>
        {online ? 'Online' : 'Offline: work stays on this device'}
      </span>
      <span className="badge">
        {offlineReady ? 'Ready offline' : 'Saving app for offline use…'}
      </span>
      <span className="badge">Not synced yet</span>
    </div>
  );
};
