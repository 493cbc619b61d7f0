// The Electron window cannot open on a machine without Electron's binary, so the built main
// bundle is loaded under Node with a recording fake of 'electron' and its wiring is checked.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, type FakeElectron } from '../fixtures/fake-electron';
import { SHELL_CHANNELS } from '../../shared/ipc/channels';

const bundle = path.resolve('dist/electron/main.cjs');
type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleWithLoad = Module as unknown as { _load: Loader };

let fake: FakeElectron;
let userData: string;
let originalLoad: Loader;
const logged: string[] = [];

beforeAll(async () => {
  userData = mkdtempSync(path.join(os.tmpdir(), 'fillwave-electron-'));
  // Under root (CI) the embedded database runs as another user, which must reach the folder.
  chmodSync(userData, 0o755);
  process.env.PORT = '0';
  vi.spyOn(console, 'log').mockImplementation((line: string) => {
    logged.push(line);
  });
  fake = createFakeElectron({ userData });
  originalLoad = moduleWithLoad._load;
  moduleWithLoad._load = (request, parent, isMain) =>
    request === 'electron' ? fake.module : originalLoad(request, parent, isMain);
  createRequire(import.meta.url)(bundle);
  (fake.module.app as { fireReady(): void }).fireReady();
  await vi.waitFor(() => expect(fake.windows[0]?.loadedUrl).toBeTruthy(), { timeout: 30_000 });
});

afterAll(async () => {
  fake.appEvents.emit('will-quit', { preventDefault: () => undefined });
  await vi.waitFor(() => expect(fake.exitCodes).toEqual([0]), { timeout: 30_000 });
  delete process.env.PORT;
  vi.restoreAllMocks();
  moduleWithLoad._load = originalLoad;
  rmSync(userData, { recursive: true, force: true });
});

const appFrame = { senderFrame: { url: 'app://fillwave/' } };

describe('the built main bundle', () => {
  it('registers app:// as a secure standard scheme before the app is ready', () => {
    expect(fake.privilegedSchemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
  });

  it('opens one hardened window on the fixed app origin with the built preload', () => {
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0]!;
    expect(window.loadedUrl).toBe('app://fillwave/');
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(prefs.preload).toBe(path.resolve('dist/electron/preload.cjs'));
  });

  const embeddedUrl = () => {
    const line = logged.find((l) => l.includes('embedded server listening on'));
    return line?.split(' on ')[1];
  };

  it('starts the embedded sync server on loopback, with its database in the user data folder', async () => {
    const url = embeddedUrl();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${url}/api/v1/health`);
    await expect(health.json()).resolves.toMatchObject({ ok: true, version: '9.9.9-test' });
    expect((await fetch(`${url}/api/v1/pull`)).status).toBe(401);
    expect(existsSync(path.join(userData, 'server-data'))).toBe(true);
  });

  it('serves the built app on app:// with a CSP that connects to its own origin alone', async () => {
    const handler = fake.protocolHandlers.get('app')!;
    const res = await handler(new Request('app://fillwave/'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(readFileSync('dist/renderer/index.html', 'utf8'));
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self';");
  });

  it('syncs as the window does: same-origin app://fillwave/api/* reaches the embedded server', async () => {
    const handler = fake.protocolHandlers.get('app')!;
    // What Chromium sends for the page's own fetch('/api/v1/enroll', …).
    const enrolled = await handler(
      new Request('app://fillwave/api/v1/enroll', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'app://fillwave',
          referer: 'app://fillwave/',
          'sec-fetch-site': 'same-origin',
        },
        body: JSON.stringify({ name: 'station' }),
      }),
    );
    expect(enrolled.status).toBe(201);
    const { token } = (await enrolled.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    const pulled = await handler(
      new Request('app://fillwave/api/v1/pull?limit=10', { headers: auth }),
    );
    expect(pulled.status).toBe(200);
    expect(await pulled.json()).toMatchObject({ hasMore: false });
    const epoch = await handler(
      new Request('app://fillwave/api/v1/epochs', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', origin: 'app://fillwave' },
        body: '{}',
      }),
    );
    expect(epoch.status).toBe(200);
    expect(await epoch.json()).toMatchObject({ epoch: expect.any(String) });
  });

  it('denies permission requests', () => {
    let granted: boolean | undefined;
    fake.permissionRequest!(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
  });

  it('wires every shell IPC call, answering the app and refusing strangers', async () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(Object.values(SHELL_CHANNELS).sort());
    await expect(fake.ipcHandlers.get(SHELL_CHANNELS.getVersion)!(appFrame)).resolves.toBe(
      '9.9.9-test',
    );
    await expect(
      fake.ipcHandlers.get(SHELL_CHANNELS.getVersion)!({
        senderFrame: { url: 'https://evil.example/' },
      }),
    ).rejects.toThrow(/Refused getVersion/);
  });

  it("prints the app's window through the system print dialog, never silently", async () => {
    await expect(fake.ipcHandlers.get(SHELL_CHANNELS.print)!(appFrame)).resolves.toEqual({
      ok: true,
      value: 'printed',
    });
    expect(fake.windows[0]!.printed).toEqual([{ silent: false, printBackground: false }]);
  });

  it('keeps settings in the user data folder, the token encrypted, and forwards the API to a new server', async () => {
    const update = fake.ipcHandlers.get(SHELL_CHANNELS.updateSettings)!;
    await expect(
      update(appFrame, { serverUrl: 'https://wms.example:4780', deviceToken: 'tok-1' }),
    ).resolves.toMatchObject({
      ok: true,
    });
    const onDisk = readFileSync(path.join(userData, 'settings.json'), 'utf8');
    expect(onDisk).toContain('https://wms.example:4780');
    expect(onDisk).not.toContain('tok-1');
    const res = await fake.protocolHandlers.get('app')!(new Request('app://fillwave/'));
    expect(res.headers.get('content-security-policy')).not.toContain('wms.example');
    // No such server here: the window gets a JSON answer it retries, naming where it went.
    const api = await fake.protocolHandlers.get('app')!(
      new Request('app://fillwave/api/v1/pull?limit=1'),
    );
    expect(api.status).toBe(502);
    expect(await api.json()).toMatchObject({
      error: 'server-unreachable',
      message: expect.stringContaining('https://wms.example:4780'),
    });
  });

  it('holds the single-instance lock and focuses the open window for a second launch', () => {
    const focus = vi.spyOn(fake.windows[0]!, 'focus');
    fake.appEvents.emit('second-instance');
    expect(focus).toHaveBeenCalled();
  });
});
