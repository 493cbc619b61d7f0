// npm run build: the renderer (Vite, with the service worker) and the Node bundles.
import { build as viteBuild } from 'vite';
import { buildNode } from './build-node';

export const buildAll = async (): Promise<void> => {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
  await buildNode();
};

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll();
  console.log('built dist/renderer, dist/electron and dist/server');
}
