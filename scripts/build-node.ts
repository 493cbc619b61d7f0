// Bundles the Electron main and preload scripts (CommonJS, as a sandboxed preload requires)
// and the server (ESM). Dependencies stay in node_modules: electron-builder packs them.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
} as const;

export const buildNode = async (): Promise<void> => {
  await Promise.all([
    build({
      ...common,
      entryPoints: { main: 'electron/main.ts' },
      outdir: 'dist/electron',
      outExtension: { '.js': '.cjs' },
      format: 'cjs',
      packages: 'external',
      // The server's modules find their packages from import.meta.url (the embedded store's
      // binaries); in CommonJS that is this file.
      define: { 'import.meta.url': 'importMetaUrl' },
      banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
    build({
      ...common,
      // A sandboxed preload may require only 'electron': everything else is bundled in.
      entryPoints: { preload: 'electron/preload.ts' },
      outdir: 'dist/electron',
      outExtension: { '.js': '.cjs' },
      format: 'cjs',
      external: ['electron'],
    }),
    build({
      ...common,
      entryPoints: {
        main: 'server/main.ts',
        devices: 'server/cli/devices.ts',
        admin: 'server/cli/admin.ts',
        plan: 'server/cli/plan.ts',
        backup: 'server/cli/backup.ts',
      },
      outdir: 'dist/server',
      outExtension: { '.js': '.mjs' },
      format: 'esm',
      packages: 'external',
    }),
  ]);
};

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildNode();
}
