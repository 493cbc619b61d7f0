// Replaced at build time from package.json's version (vite.config.ts, vitest.config.ts).
declare const __APP_VERSION__: string;
