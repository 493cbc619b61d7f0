// The fixed default port of the sync server and the web app it serves. Fixed, not picked at
// start: IndexedDB (and so a device's unsent outbox) belongs to the page's origin, port included.
export const DEFAULT_SERVER_PORT = 4780;

// Electron's window loads the app from this origin of its own, for the same reason.
export const APP_SCHEME = 'app';
export const APP_HOST = 'fillwave';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
