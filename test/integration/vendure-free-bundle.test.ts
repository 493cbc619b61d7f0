// Vendure is a test dependency (the connector tests start one): the built app reaches Vendure over
// its HTTP API and carries none of its packages, not even a name in a source map.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../fixtures/absolute-api-urls';

describe('the built app', () => {
  it('holds no Vendure package, yet holds the Vendure connector', () => {
    const files = filesUnder('dist', /\.(m?js|cjs|map|html|json)$/);
    const holding = files.filter((file) => readFileSync(file, 'utf8').includes('@vendure'));
    expect(holding).toEqual([]);
    // The connector is in the server bundle: the check above looked where it lives.
    expect(readFileSync('dist/server/main.mjs', 'utf8')).toContain('addFulfillmentToOrder');
  });
});
