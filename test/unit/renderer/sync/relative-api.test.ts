// One origin: the app reaches its API by relative URLs only (the browser's server, or
// app://fillwave forwarded by the desktop shell). An absolute API URL would be cross-origin in
// the desktop window and break sync there.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const filesUnder = (dir: string, pattern: RegExp): string[] =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory()
      ? filesUnder(file, pattern)
      : pattern.test(name)
        ? [file]
        : [];
  });

// Every "/api/" in the text must open a string (a quote or backtick right before it) that is not
// added to something. Anything else (a base joined in front, a host) builds an absolute URL.
const absoluteApiUrls = (text: string): string[] =>
  [...text.matchAll(/(.{0,30})\/api\/v\d/g)]
    .filter((m) => !/['"`]$/.test(m[1]!) || /\+\s*['"`]$/.test(m[1]!))
    .map((m) => m[0].trim());

describe('the renderer', () => {
  it('finds the bad forms it looks for', () => {
    expect(absoluteApiUrls('fetch(`${serverUrl}/api/v1/pull`)')).toHaveLength(1);
    expect(absoluteApiUrls('fetch(base+"/api/v1/push")')).toHaveLength(1);
    expect(absoluteApiUrls("fetch('http://127.0.0.1:4780/api/v1/pull')")).toHaveLength(1);
    expect(absoluteApiUrls("fetch('/api/v1/pull'); f(`/api/v1/x?a=${b}`)")).toEqual([]);
  });

  it('builds no absolute API URL in its sources', () => {
    const found = filesUnder('renderer', /\.tsx?$/).flatMap((file) =>
      absoluteApiUrls(readFileSync(file, 'utf8')).map((hit) => `${file}: ${hit}`),
    );
    expect(found).toEqual([]);
  });

  it('builds no absolute API URL in the built bundle', (ctx) => {
    let files: string[];
    try {
      files = filesUnder('dist/renderer', /\.js$/);
    } catch {
      console.warn('the renderer is not built (npm run build): only its sources were checked');
      ctx.skip();
      return;
    }
    const texts = files.map((file) => readFileSync(file, 'utf8'));
    expect(texts.join('\n')).toMatch(/\/api\/v1\/pull/);
    expect(texts.flatMap(absoluteApiUrls)).toEqual([]);
  });
});
