import { registerSW } from 'virtual:pwa-register';
import { desktopShell } from '../platform/shell';
import { useAppStore } from '../stores/app-store';

// Handhelds load the app from the sync server; the service worker keeps the app shell so a
// scanner that lost Wi-Fi can still be reloaded. The desktop shell serves its files itself.
export const registerServiceWorker = (): void => {
  if (desktopShell() || !('serviceWorker' in navigator) || !window.isSecureContext) {
    if (desktopShell()) useAppStore.getState().setOfflineReady(true);
    return;
  }
  registerSW({
    immediate: true,
    onOfflineReady: () => useAppStore.getState().setOfflineReady(true),
    onRegisteredSW: (_url, registration) => {
      // Already cached by an earlier visit: ready now.
      if (registration?.active) useAppStore.getState().setOfflineReady(true);
    },
  });
};
