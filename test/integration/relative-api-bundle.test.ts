// The built renderer (npm run build, run before this stage) reaches its API by relative URLs
// only: what the desktop window and the browser actually load.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { absoluteApiUrls, filesUnder } from '../fixtures/absolute-api-urls';

describe('the built renderer', () => {
  it('builds no absolute API URL', () => {
    const texts = filesUnder('dist/renderer', /\.js$/).map((file) => readFileSync(file, 'utf8'));
    expect(texts.join('\n')).toMatch(/\/api\/v1\/pull/);
    expect(texts.flatMap(absoluteApiUrls)).toEqual([]);
  });
});
