import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../../electron/window-options';

describe('windowOptions', () => {
  const prefs = windowOptions('/app/preload.cjs').webPreferences!;

  it('isolates the page from Node and runs it in the sandbox', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('loads the preload script it is given', () => {
    expect(prefs.preload).toBe('/app/preload.cjs');
  });

  it('opens large enough for a station and no smaller than a handheld screen', () => {
    const options = windowOptions('/p');
    expect(options.width).toBeGreaterThanOrEqual(1280);
    expect(options.minWidth).toBeLessThanOrEqual(360);
  });
});
