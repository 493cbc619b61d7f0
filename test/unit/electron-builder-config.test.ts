import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// electron-builder's own loader and schema, as `npm run dist` would use them.
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(dir: string, file: string | null, extra: unknown): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown;
};

describe('electron-builder.yml', () => {
  it('passes electron-builder configuration schema', async () => {
    const config = await getConfig(process.cwd(), 'electron-builder.yml', null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config).toMatchObject({ appId: 'com.fillwave.station', asar: true, publish: null });
  });

  it('builds the installers stations use', async () => {
    const config = (await getConfig(process.cwd(), 'electron-builder.yml', null)) as Record<
      string,
      { target: string[] }
    >;
    expect(config.linux!.target).toEqual(['AppImage', 'deb']);
    expect(config.win!.target).toEqual(['nsis']);
    expect(config.mac!.target).toEqual(['dmg']);
  });

  it('would catch a mistake in the file (the schema is really applied)', async () => {
    const config = await getConfig(process.cwd(), 'electron-builder.yml', null);
    const logger = new DebugLogger(false);
    await expect(validateConfiguration({ ...config, appid: 'misspelt' }, logger)).rejects.toThrow(
      /does not match the API schema/,
    );
    await expect(
      validateConfiguration({ ...config, nsis: { oneClick: 'no' } }, logger),
    ).rejects.toThrow(/does not match/);
  });
});
