// Nothing secret in the log: a database error carries the statement's parameters and the row
// it tripped on; the log keeps where it failed, not those values.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/db';
import { availableDbKinds, openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { startTestServer } from '../../fixtures/test-server';
import { serializeError } from '../../../server/log/error-serializer';

const kinds = await availableDbKinds();

// Values shaped as the server's secrets are: a token hash, a PIN hash and its salt, a payload.
const TOKEN_HASH = 'a3f1c9e07b5d42881f6e0c3b9d7a5e21f4c8b06d3e9a7f15c2b8d4e60a1f9c37';
const PIN_HASH = 'pbkdf2:310000:Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==';
const SALT = 'c2FsdHNhbHRzYWx0c2FsdA==';
const PAYLOAD = '{"note":"ship to Mrs Example, 12 Quay Road"}';
const SECRETS = [TOKEN_HASH, PIN_HASH, SALT, 'Quay Road', 'Mrs Example'];

describe.each(kinds)('the log on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await t.db.exec(
      'CREATE TABLE IF NOT EXISTS leak_probe (a text, b text, c text, d text, PRIMARY KEY (a, b, c, d))',
    );
  }, 60_000);
  afterAll(async () => {
    await t?.db.exec('DROP TABLE IF EXISTS leak_probe');
    await t?.dispose();
  });

  it('keeps where a request failed, never the parameters, the row or the payload', async () => {
    const params = [TOKEN_HASH, PIN_HASH, SALT, PAYLOAD];
    await t.db.query('DELETE FROM leak_probe');
    await t.db.query('INSERT INTO leak_probe VALUES ($1, $2, $3, $4)', params);
    // The device lookup fails as a real statement would, with these values bound: a duplicate
    // key names them in its detail, and PGlite keeps them in params.
    const failing: Db = Object.create(t.db) as Db;
    failing.query = (sql: string, p?: readonly unknown[]) =>
      sql.includes('FROM devices')
        ? t.db.query('INSERT INTO leak_probe VALUES ($1, $2, $3, $4)', params)
        : t.db.query(sql, p);
    const log = new PassThrough();
    let text = '';
    log.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const server = await startTestServer(failing, { logStream: log });
    try {
      const res = await fetch(`${server.url}/api/v1/pull?limit=1`, {
        headers: {
          authorization: `Bearer fwd.00000000-0000-4000-8000-000000000001.${'s'.repeat(43)}`,
        },
      });
      expect(res.status).toBe(500);
    } finally {
      await server.close();
    }
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const failed = lines.find((l) => l.msg === 'request failed');
    expect(failed?.err).toMatchObject({ code: '23505', table: 'leak_probe' });
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toContain('fwd.00000000');
  });
});

describe('serializeError', () => {
  it('drops params, detail, where and query, and scrubs values out of the message and stack', () => {
    const error = Object.assign(
      new Error(`invalid input syntax for type integer: "${TOKEN_HASH}"`),
      {
        code: '22P02',
        params: [TOKEN_HASH],
        detail: `Key (h)=(${TOKEN_HASH}) already exists.`,
        where: `unnamed portal parameter $1 = '${SALT}'`,
        query: 'SELECT $1::int',
        payload: PAYLOAD,
        cause: new Error(`pin ${PIN_HASH}`),
      },
    );
    const text = JSON.stringify(serializeError(error));
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(serializeError(error)).toMatchObject({
      type: 'Error',
      code: '22P02',
      message: 'invalid input syntax for type integer: "…"',
    });
  });
});
