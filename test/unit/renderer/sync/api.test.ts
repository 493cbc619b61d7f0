import { describe, expect, it, vi } from 'vitest';
import { createSyncApi } from '../../../../renderer/sync/api';
import { developerWordsIn } from '../../../fixtures/developer-words';

const answering = (status: number, body: string, seen: string[] = []) => ({
  seen,
  fetch: async (url: string) => {
    seen.push(url);
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  },
});

describe('the sync API client', () => {
  it('asks by relative URLs, the page origin being its server', async () => {
    const server = answering(500, '{"error":"internal","message":"x"}');
    const api = createSyncApi('fwd.x.y', server.fetch);
    await api.pull('c/1', 5);
    await api.push([]);
    await api.newEpoch();
    expect(server.seen).toEqual([
      '/api/v1/pull?limit=5&checkpoint=c%2F1',
      '/api/v1/push',
      '/api/v1/epochs',
    ]);
  });

  it("gives a 421's sentence, which names the host and the flag, for a person to act on", async () => {
    const message =
      'This server does not answer to the name "wms.example". If devices reach it by that name, start the server with --public-name wms.example (or FILLWAVE_PUBLIC_NAME=wms.example).';
    const api = createSyncApi(
      'fwd.x.y',
      answering(421, JSON.stringify({ error: 'unknown-host', message })).fetch,
    );
    expect(await api.pull(null, 5)).toEqual({ kind: 'refused', status: 421, reason: message });
    const bare = createSyncApi('fwd.x.y', answering(421, '{}').fetch);
    expect(await bare.pull(null, 5)).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('--public-name'),
    });
  });

  it('says an answer it cannot read in words, with the detail in the console for whoever runs the server', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const api = createSyncApi('fwd.x.y', answering(200, '{"changes":"no"}').fetch);
      const outcome = await api.pull(null, 5);
      expect(outcome).toMatchObject({
        kind: 'retry',
        reason: expect.stringMatching(
          /^The server's changes could not be read here; this device will try again\. .*same version\.$/,
        ),
      });
      expect(developerWordsIn((outcome as { reason: string }).reason)).toEqual([]);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('changes: '));
    } finally {
      warn.mockRestore();
    }
  });
});
