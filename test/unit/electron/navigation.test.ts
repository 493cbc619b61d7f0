import { describe, expect, it } from 'vitest';
import { guardNavigation, isAppUrl, type GuardedContents } from '../../../electron/navigation';

const fakeContents = () => {
  const listeners = new Map<string, (...a: never[]) => void>();
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardedContents = {
    on: (event: string, listener: (...a: never[]) => void) => listeners.set(event, listener),
    setWindowOpenHandler: (h) => {
      openHandler = h;
    },
  } as GuardedContents;
  const navigate = (event: string, url: string) => {
    let prevented = false;
    (listeners.get(event) as (e: { preventDefault(): void }, url: string) => void)(
      { preventDefault: () => (prevented = true) },
      url,
    );
    return prevented;
  };
  return { contents, navigate, open: (url: string) => openHandler!({ url }) };
};

describe('isAppUrl', () => {
  it.each([
    ['app://fillwave/', true],
    ['app://fillwave/#/pick', true],
    ['app://evil/', false],
    ['https://fillwave/', false],
    ['http://127.0.0.1:4780/', false],
    ['app://user@fillwave/', false],
    ['not a url', false],
  ])('%s -> %s', (url, expected) => expect(isAppUrl(url)).toBe(expected));
});

describe('guardNavigation', () => {
  it('refuses navigation to a foreign origin and logs it', () => {
    const logged: string[] = [];
    const { contents, navigate } = fakeContents();
    guardNavigation(contents, (l) => logged.push(l));
    expect(navigate('will-navigate', 'https://phish.example/login')).toBe(true);
    expect(navigate('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(logged[0]).toMatch(/navigation refused: https:\/\/phish\.example\/login/);
  });

  it('lets the app move between its own screens', () => {
    const { contents, navigate } = fakeContents();
    guardNavigation(contents, () => {});
    expect(navigate('will-navigate', 'app://fillwave/#/pack')).toBe(false);
  });

  it('never opens a new window and never attaches a webview', () => {
    const { contents, open, navigate } = fakeContents();
    guardNavigation(contents, () => {});
    expect(open('app://fillwave/')).toEqual({ action: 'deny' });
    expect(open('https://example.com')).toEqual({ action: 'deny' });
    expect(navigate('will-attach-webview', '')).toBe(true);
  });
});
