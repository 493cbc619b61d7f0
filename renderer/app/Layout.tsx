import { Link, Outlet } from 'react-router';
import { SyncStatus } from '../components/SyncStatus';

export const Layout = () => (
  <div className="layout">
    <a className="skip-link" href="#main">
      Skip to content
    </a>
    <header className="app-bar">
      <Link to="/" className="app-name">
        Fillwave
      </Link>
      <SyncStatus />
    </header>
    <main id="main" className="content" tabIndex={-1}>
      <Outlet />
    </main>
  </div>
);
