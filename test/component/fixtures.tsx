import { render } from '@testing-library/react';
import { RouterProvider } from 'react-router';
import { createTestRouter } from '../../renderer/app/router';
import { db } from '../../renderer/db/db';
import { KEYS, writeState } from '../../renderer/sync/sync-state';

export const renderAt = (path = '/') => render(<RouterProvider router={createTestRouter(path)} />);

export const enrollLocally = () =>
  writeState(db, KEYS.identity, {
    serverUrl: 'http://127.0.0.1:4780',
    deviceId: '00000000-0000-4000-8000-000000000001',
    token: 'fwd.x.y',
    epoch: '00000000-0000-4000-8000-000000000002',
  });

export { backorderLine as line } from '../fixtures/backorder-line';
