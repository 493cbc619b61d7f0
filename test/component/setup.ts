import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { db } from '../../renderer/db/db';
import { useAppStore } from '../../renderer/stores/app-store';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  useAppStore.setState({
    operator: null,
    reachable: null,
    failedAt: null,
    offlineReady: false,
    walks: {},
    planPreview: null,
  });
});

afterEach(() => {
  cleanup();
  delete window.fillwave;
});
