import { Link } from 'react-router';
import { RefusalNotices } from '../../components/RefusalNotices';
import { useSyncFacts } from '../../db/tables/sync-status';
import { useAppVersion } from '../../platform/use-app-version';
import { useShellKind } from '../../platform/shell';
import { useAppStore } from '../../stores/app-store';

export const HomeScreen = () => {
  const version = useAppVersion();
  const kind = useShellKind();
  const facts = useSyncFacts();
  const operator = useAppStore((s) => s.operator);
  const signOut = useAppStore((s) => s.signOut);
  return (
    <section className="home" aria-labelledby="home-title">
      <h1 id="home-title">Backorder fill</h1>
      <p className="lead">
        Fill backorders as stock comes in: plan waves, pick, pack and ship, with or without the
        network.
      </p>
      <RefusalNotices />
      <nav className="menu" aria-label="Screens">
        {facts && !facts.enrolled && (
          <Link className="button" to="/setup">
            Set up this device
          </Link>
        )}
        {facts?.enrolled && !operator && (
          <Link className="button" to="/sign-in">
            Sign in
          </Link>
        )}
        {operator?.role === 'lead' && (
          <Link className="button" to="/queue">
            Backorder queue
          </Link>
        )}
        {operator?.role === 'lead' && (
          <Link className="button" to="/allocate">
            Allocate stock
          </Link>
        )}
        {operator?.role === 'lead' && (
          <Link className="button" to="/plan">
            Plan waves
          </Link>
        )}
        {operator?.role === 'lead' && (
          <Link className="button" to="/receive">
            Receive stock
          </Link>
        )}
        {operator?.role === 'lead' && (
          <Link className="button" to="/floor">
            The floor
          </Link>
        )}
        {operator?.role === 'lead' && (
          <Link className="button" to="/kpis">
            Shift figures
          </Link>
        )}
        {operator?.role === 'picker' && (
          <Link className="button" to="/pick">
            Picking
          </Link>
        )}
        {operator?.role === 'packer' && (
          <Link className="button" to="/pack">
            Pack and ship
          </Link>
        )}
        <Link className="button button-quiet" to="/sync-problems">
          Sync problems
        </Link>
        {facts?.enrolled && !operator && (
          // Another server, or starting over on this device: never by typing #/setup.
          <Link className="button button-quiet" to="/setup">
            Device setup
          </Link>
        )}
        {operator && (
          <button type="button" className="button-quiet" onClick={signOut}>
            Sign out {operator.name}
          </button>
        )}
      </nav>
      <dl className="facts">
        <div>
          <dt>Version</dt>
          <dd data-testid="app-version">{version ?? '…'}</dd>
        </div>
        <div>
          <dt>Running as</dt>
          <dd>{kind === 'desktop' ? 'Desktop station' : 'Browser / handheld'}</dd>
        </div>
        <div>
          <dt>Signed in</dt>
          <dd>{operator ? `${operator.name} (${operator.role})` : 'Nobody'}</dd>
        </div>
      </dl>
    </section>
  );
};
