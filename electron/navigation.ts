import { APP_HOST, APP_SCHEME } from '../shared/config';

// Node's URL gives custom schemes the origin "null", so compare scheme and host instead.
export const isAppUrl = (url: string): boolean => {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username;
  } catch {
    return false;
  }
};

interface PreventableEvent {
  preventDefault(): void;
}

// The slice of Electron's WebContents this module uses, so tests can pass a plain object.
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (e: PreventableEvent, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (e: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

// The window shows the app and nothing else: a link, a redirect or a script that tries to
// take it to another origin is stopped, and no new window ever opens.
export const guardNavigation = (contents: GuardedContents, log: (line: string) => void): void => {
  const refuseForeign = (e: PreventableEvent, url: string) => {
    if (isAppUrl(url)) return;
    e.preventDefault();
    log(`navigation refused: ${url} is not part of the app`);
  };
  contents.on('will-navigate', refuseForeign);
  contents.on('will-redirect', refuseForeign);
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    log(`new window refused: ${url}`);
    return { action: 'deny' };
  });
};
