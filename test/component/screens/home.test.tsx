import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestRouter } from '../../../renderer/app/router';
import type { ShellApi } from '../../../shared/ipc/shell-api';
import { useAppStore } from '../../../renderer/stores/app-store';

const renderAt = (path = '/') => render(<RouterProvider router={createTestRouter(path)} />);

const setOnline = (online: boolean) => {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  });
};

describe('home screen', () => {
  beforeEach(() => {
    useAppStore.setState({ offlineReady: false });
    setOnline(true);
  });

  it('shows the app, its build version and that it runs in a browser', () => {
    renderAt();
    expect(screen.getByRole('heading', { level: 1, name: 'Backorder fill' })).toBeInTheDocument();
    expect(screen.getByTestId('app-version')).toHaveTextContent(__APP_VERSION__);
    expect(screen.getByText('Browser / handheld')).toBeInTheDocument();
  });

  it('shows the version the desktop shell reports', async () => {
    window.fillwave = {
      getVersion: async () => '7.7.7',
      getSettings: async () => ({ serverUrl: null, deviceToken: null }),
      updateSettings: async () => ({ ok: false, reason: 'unused' }),
      credentialStorage: async () => 'keyring' as const,
      print: async () => ({ ok: false, reason: 'unused' }),
    } satisfies ShellApi;
    renderAt();
    expect(await screen.findByText('7.7.7')).toBeInTheDocument();
    expect(screen.getByText('Desktop station')).toBeInTheDocument();
  });

  it('tells the person when the network is gone and when it is back', () => {
    renderAt();
    const status = screen.getByRole('status');
    expect(within(status).getByText('Online')).toBeInTheDocument();
    setOnline(false);
    expect(within(status).getByText('Offline: work stays on this device')).toBeInTheDocument();
    setOnline(true);
    expect(within(status).getByText('Online')).toBeInTheDocument();
  });

  it('says when the device is ready to work offline', () => {
    renderAt();
    expect(screen.getByText('Saving app for offline use…')).toBeInTheDocument();
    act(() => useAppStore.getState().setOfflineReady(true));
    expect(screen.getByText('Ready offline')).toBeInTheDocument();
  });

  it('can be driven by keyboard: the first Tab reaches the skip link to the content', async () => {
    const user = userEvent.setup();
    renderAt();
    await user.tab();
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveFocus();
  });

  it('answers an unknown address with a way back to the start', () => {
    renderAt('/no/such/screen');
    expect(screen.getByRole('heading', { name: 'Nothing here' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the start screen' })).toHaveAttribute(
      'href',
      '/',
    );
  });
});
