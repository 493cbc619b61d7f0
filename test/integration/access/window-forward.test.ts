// What the desktop window sends, through the app:// forwarder, against the real server: the
// window's own Origin never reaches it, and every answer comes back as the server gave it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiForwarder, type ForwardFetch } from '../../../electron/api-forward';
import { createSyncApi } from '../../../renderer/sync/api';
import { manualClock } from '../../../server/clock';
import { openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { startTestServer, type TestServer } from '../../fixtures/test-server';

describe('the desktop window through its forwarder', () => {
  let t: TestDatabase;
  let server: TestServer;
  let window: (url: string, init?: RequestInit) => Promise<Response>;

  beforeAll(async () => {
    t = await openTestDatabase('embedded');
    server = await startTestServer(t.db, {
      clock: manualClock(),
      loopbackEnrollment: true,
      bodyLimitBytes: 64 * 1024,
      rateLimit: { burst: 1, perSecond: 0.01 },
    });
    const forward = createApiForwarder({
      target: () => server.url,
      fetch: fetch as ForwardFetch,
    });
    // The page's fetch('/api/…') as Chromium hands it to the protocol handler.
    window = (url, init = {}) => {
      const headers = new Headers(init.headers);
      if (init.method && init.method !== 'GET') headers.set('origin', 'app://fillwave');
      return forward(new Request(new URL(url, 'app://fillwave/'), { ...init, headers }));
    };
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });

  it('enrolls, pulls, and gets 413 and 429 with Retry-After as the server sent them', async () => {
    const enrolled = await window('/api/v1/enroll', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'station' }),
    });
    expect(enrolled.status).toBe(201);
    const { token } = (await enrolled.json()) as { token: string };

    const api = createSyncApi(token, window);
    expect(await api.pull(null, 10)).toMatchObject({ kind: 'ok' });

    const tooLarge = await window('/api/v1/push', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: [], pad: 'x'.repeat(200 * 1024) }),
    });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ error: 'too-large' });

    const push = () =>
      window('/api/v1/push', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{"events":[]}',
      });
    let limited: Response | undefined;
    for (let i = 0; i < 5 && !limited; i++) {
      const res = await push();
      if (res.status === 429) limited = res;
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('is refused, as a page of another site would be, when it does not go through the forwarder', async () => {
    const direct = await fetch(`${server.url}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'app://fillwave' },
      body: JSON.stringify({ name: 'station' }),
    });
    expect(direct.status).toBe(403);
  });
});
