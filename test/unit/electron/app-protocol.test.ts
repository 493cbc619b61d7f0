import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppFile } from '../../../electron/app-protocol';

const root = path.resolve('/opt/fillwave/renderer');

describe('resolveAppFile', () => {
  it('serves index.html for the origin itself', () => {
    expect(resolveAppFile(root, 'app://fillwave/')).toEqual({
      ok: true,
      file: path.join(root, 'index.html'),
    });
  });

  it('maps asset paths under the app folder', () => {
    expect(resolveAppFile(root, 'app://fillwave/assets/index-abc.js')).toEqual({
      ok: true,
      file: path.join(root, 'assets/index-abc.js'),
    });
  });

  it.each([
    'app://fillwave/../../etc/passwd',
    'app://fillwave/%2e%2e/%2e%2e/etc/passwd',
    'app://fillwave/assets/..%2F..%2F..%2Fetc%2Fpasswd',
  ])('never leaves the app folder: %s', (url) => {
    const resolved = resolveAppFile(root, url);
    if (resolved.ok) expect(resolved.file.startsWith(root + path.sep)).toBe(true);
  });

  it('refuses another host, a bad escape and a backslash', () => {
    expect(resolveAppFile(root, 'app://other/index.html')).toEqual({ ok: false, status: 404 });
    expect(resolveAppFile(root, 'app://fillwave/%E0%A4%A')).toEqual({ ok: false, status: 400 });
    expect(resolveAppFile(root, 'app://fillwave/a%5C..%5Cb')).toEqual({ ok: false, status: 400 });
  });
});

describe('createAppProtocolHandler', () => {
  const files: Record<string, string> = { [path.join(root, 'index.html')]: '<!doctype html>' };
  const handler = createAppProtocolHandler({
    rootDir: root,
    readFile: async (file) => {
      const text = files[file];
      if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return new TextEncoder().encode(text);
    },
    csp: () => "default-src 'self'",
  });

  it('answers with the file, its type and the CSP', async () => {
    const res = await handler(new Request('app://fillwave/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(await res.text()).toBe('<!doctype html>');
  });

  it('answers 404 for a file that is not there', async () => {
    expect((await handler(new Request('app://fillwave/nope.js'))).status).toBe(404);
  });
});
