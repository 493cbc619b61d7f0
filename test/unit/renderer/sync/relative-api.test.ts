// One origin: the app reaches its API by relative URLs only (the browser's server, or
// app://fillwave forwarded by the desktop shell). An absolute API URL would be cross-origin in
// the desktop window and break sync there. The built bundle is checked by the integration test
// of the same name, which runs after the build.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { absoluteApiUrls, filesUnder } from '../../../fixtures/absolute-api-urls';

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
});
