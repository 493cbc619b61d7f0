import { render } from '@testing-library/react';
import { RouterProvider } from 'react-router';
import { createTestRouter } from '../../renderer/app/router';
import { db } from '../../renderer/db/db';
import { KEYS, writeState } from '../../renderer/sync/sync-state';
import type { BackorderLine } from '../../shared/domain/backorder-line';

export const renderAt = (path = '/') => render(<RouterProvider router={createTestRouter(path)} />);

export const enrollLocally = () =>
  writeState(db, KEYS.identity, {
    serverUrl: 'http://127.0.0.1:4780',
    deviceId: '00000000-0000-4000-8000-000000000001',
    token: 'fwd.x.y',
    epoch: '00000000-0000-4000-8000-000000000002',
  });

export const line = (id: string, over: Partial<BackorderLine> = {}): BackorderLine => ({
  id,
  orderId: id.split('/')[0]!,
  lineNo: 1,
  skuId: 'SKU-1',
  customerId: 'C1',
  customerTier: 2,
  orderedAt: '2026-11-20T10:00:00.000Z',
  promisedBy: '2026-11-28T10:00:00.000Z',
  shipComplete: false,
  carrier: null,
  cutoffAt: null,
  qtyOrdered: 5,
  qtyBackordered: 5,
  qtyAllocated: 0,
  qtyPicked: 0,
  qtyShort: 0,
  qtyShipped: 0,
  status: 'open',
  ...over,
});
