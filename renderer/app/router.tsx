import { createHashRouter, createMemoryRouter, type RouteObject } from 'react-router';
import { HomeScreen } from '../screens/home/HomeScreen';
import { NotFoundScreen } from '../screens/home/NotFoundScreen';
import { FloorScreen } from '../screens/lead/FloorScreen';
import { AllocateScreen } from '../screens/lead/AllocateScreen';
import { KpiScreen } from '../screens/lead/KpiScreen';
import { PlanScreen } from '../screens/lead/PlanScreen';
import { QueueScreen } from '../screens/lead/QueueScreen';
import { PackStationScreen } from '../screens/pack/PackStationScreen';
import { PickerHomeScreen } from '../screens/picker/PickerHomeScreen';
import { ReceiveScreen } from '../screens/receive/ReceiveScreen';
import { TourScreen } from '../screens/picker/TourScreen';
import { FirstRunScreen } from '../screens/setup/FirstRunScreen';
import { SignInScreen } from '../screens/sign-in/SignInScreen';
import { SyncProblemsScreen } from '../screens/sync/SyncProblemsScreen';
import { Gate } from './Gate';
import { Layout } from './Layout';

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomeScreen /> },
      { path: 'setup', element: <FirstRunScreen /> },
      { path: 'sign-in', element: <SignInScreen /> },
      {
        path: 'queue',
        element: (
          <Gate role="lead">
            <QueueScreen />
          </Gate>
        ),
      },
      {
        path: 'plan',
        element: (
          <Gate role="lead">
            <PlanScreen />
          </Gate>
        ),
      },
      {
        path: 'floor',
        element: (
          <Gate role="lead">
            <FloorScreen />
          </Gate>
        ),
      },
      {
        path: 'allocate',
        element: (
          <Gate role="lead">
            <AllocateScreen />
          </Gate>
        ),
      },
      {
        path: 'kpis',
        element: (
          <Gate role="lead">
            <KpiScreen />
          </Gate>
        ),
      },
      {
        path: 'receive',
        element: (
          <Gate role="lead">
            <ReceiveScreen />
          </Gate>
        ),
      },
      {
        path: 'pick',
        element: (
          <Gate role="picker">
            <PickerHomeScreen />
          </Gate>
        ),
      },
      {
        path: 'pick/:tourId',
        element: (
          <Gate role="picker">
            <TourScreen />
          </Gate>
        ),
      },
      {
        path: 'pack',
        element: (
          <Gate role="packer">
            <PackStationScreen />
          </Gate>
        ),
      },
      { path: 'sync-problems', element: <SyncProblemsScreen /> },
      { path: '*', element: <NotFoundScreen /> },
    ],
  },
];

// Hash routes: the same URLs work under app://fillwave in Electron, on the sync server, and
// from the service worker's cache with no server at all.
export const createAppRouter = () => createHashRouter(routes);

export const createTestRouter = (initialPath = '/') =>
  createMemoryRouter(routes, { initialEntries: [initialPath] });
