import { useAppVersion } from '../../platform/use-app-version';
import { useShellKind } from '../../platform/shell';

export const HomeScreen = () => {
  const version = useAppVersion();
  const kind = useShellKind();
  return (
    <section className="home" aria-labelledby="home-title">
      <h1 id="home-title">Backorder fill</h1>
      <p className="lead">
        Fill backorders as stock comes in: plan waves, pick, pack and ship, with or without the
        network.
      </p>
      <dl className="facts">
        <div>
          <dt>Version</dt>
          <dd data-testid="app-version">{version ?? '…'}</dd>
        </div>
        <div>
          <dt>Running as</dt>
          <dd>{kind === 'desktop' ? 'Desktop station' : 'Browser / handheld'}</dd>
        </div>
      </dl>
    </section>
  );
};
