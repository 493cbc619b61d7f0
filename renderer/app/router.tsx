import { createHashRouter, createMemoryRouter, type RouteObject } from 'react-router';
import { HomeScreen } from '../screens/home/HomeScreen';
import { NotFoundScreen } from '../screens/home/NotFoundScreen';
import { Layout } from './Layout';

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomeScreen /> },
      { path: '*', element: <NotFoundScreen /> },
    ],
  },
];

// Hash routes: the same URLs work under app://fillwave in Electron, on the sync server, and
// from the service worker's cache with no server at all.
export const createAppRouter = () => createHashRouter(routes);

export const createTestRouter = (initialPath = '/') =>
  createMemoryRouter(routes, { initialEntries: [initialPath] });
