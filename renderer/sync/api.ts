import { describeIssues } from '../../shared/describe-issues';
import { ErrorBodySchema } from '../../shared/sync-api/errors';
import { PullPageSchema, type PullPage } from '../../shared/sync-api/pull';
import {
  EpochResponseSchema,
  PushResponseSchema,
  type EventEnvelope,
  type EventResult,
} from '../../shared/sync-api/push';

// Every answer the sync API can give, as values: the engine decides what to do with each.
export type ApiOutcome<T> =
  | { kind: 'ok'; value: T }
  // network (unanswered: no answer at all), 5xx (with its status), 429, a cut body
  | { kind: 'retry'; reason: string; retryAfterMs?: number; status?: number; unanswered?: true }
  | { kind: 'unauthorized'; reason: string } // 401: enroll again
  | { kind: 'gone'; reason: string } // 410: another database; resync
  | { kind: 'unknown-epoch'; reason: string } // 409
  | { kind: 'events-lost'; reason: string } // 409 unknown-last-accepted: push the kept ones again
  | { kind: 'too-large'; reason: string } // 413
  | { kind: 'refused'; status: number; reason: string; code?: string }; // 421 (wrong name), another 4xx: a person must act

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

// parse says what was wrong with a 200 body, or gives its value.
type Parsed<T> = { value: T } | { problem: string };

const call = async <T>(
  fetchFn: Fetch,
  url: string,
  init: RequestInit,
  parse: (json: unknown) => Parsed<T>,
): Promise<ApiOutcome<T>> => {
  let res: Response;
  let text: string;
  try {
    res = await fetchFn(url, init);
    text = await res.text();
  } catch (error) {
    return {
      kind: 'retry',
      reason: `the server did not answer (${(error as Error).message})`,
      unanswered: true,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      kind: 'retry',
      reason: `the server's answer was cut short or not JSON (status ${res.status})`,
    };
  }
  const error = ErrorBodySchema.safeParse(json);
  const reason = error.success ? error.data.message : `status ${res.status}`;
  if (res.status === 200 || res.status === 201) {
    const parsed = parse(json);
    return 'problem' in parsed
      ? { kind: 'retry', reason: parsed.problem }
      : { kind: 'ok', value: parsed.value };
  }
  if (res.status === 401) return { kind: 'unauthorized', reason };
  if (res.status === 410) return { kind: 'gone', reason };
  if (res.status === 409 && error.success && error.data.error === 'unknown-epoch')
    return { kind: 'unknown-epoch', reason };
  if (res.status === 409 && error.success && error.data.error === 'unknown-last-accepted')
    return { kind: 'events-lost', reason };
  if (res.status === 413) return { kind: 'too-large', reason };
  // The server does not answer to the name this device reaches it by: its sentence names the
  // flag that fixes it, for whoever runs the server.
  if (res.status === 421)
    return {
      kind: 'refused',
      status: 421,
      reason: error.success
        ? error.data.message
        : 'The server does not answer to the name this device uses for it: start it with --public-name and that name.',
    };
  if (res.status === 429) {
    const seconds = Number(res.headers.get('retry-after') ?? '1');
    return { kind: 'retry', reason, retryAfterMs: (Number.isFinite(seconds) ? seconds : 1) * 1000 };
  }
  if (res.status >= 500) return { kind: 'retry', reason, status: res.status };
  return {
    kind: 'refused',
    status: res.status,
    reason,
    ...(error.success ? { code: error.data.error } : {}),
  };
};

export interface SyncApi {
  pull(checkpoint: string | null, limit: number): Promise<ApiOutcome<PullPage>>;
  // lastAccepted: the last event this server accepted from the device (409 if it lost it).
  push(events: EventEnvelope[], lastAccepted?: string | null): Promise<ApiOutcome<EventResult[]>>;
  newEpoch(): Promise<ApiOutcome<string>>;
}

// An answer this app cannot read: said to a person, the fields for whoever reads the console
// (a server of another version is the usual cause). The loop tries again.
const unreadable = (what: string, error: Parameters<typeof describeIssues>[0]) => {
  console.warn(`The server's ${what} could not be read: ${describeIssues(error)}`);
  return `The server's ${what} could not be read here; this device will try again. If it goes on, check that the server and this app are the same version.`;
};

// Relative URLs only: the app and its API share one origin, the server's own in a browser and
// app://fillwave in the desktop app, whose protocol handler forwards /api/* to the server.
export const createSyncApi = (token: string, fetchFn: Fetch = fetch): SyncApi => {
  const headers = { authorization: `Bearer ${token}` };
  return {
    pull: (checkpoint, limit) =>
      call<PullPage>(
        fetchFn,
        `/api/v1/pull?limit=${limit}${checkpoint ? `&checkpoint=${encodeURIComponent(checkpoint)}` : ''}`,
        { headers },
        (json) => {
          const page = PullPageSchema.safeParse(json);
          return page.success
            ? { value: page.data }
            : { problem: unreadable('changes', page.error) };
        },
      ),
    push: (events, lastAccepted) =>
      call<EventResult[]>(
        fetchFn,
        '/api/v1/push',
        {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ events, ...(lastAccepted ? { lastAccepted } : {}) }),
        },
        (json) => {
          const answer = PushResponseSchema.safeParse(json);
          return answer.success
            ? { value: answer.data.results }
            : { problem: unreadable('answer to the work sent', answer.error) };
        },
      ),
    newEpoch: () =>
      call<string>(
        fetchFn,
        '/api/v1/epochs',
        { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' },
        (json) => {
          const answer = EpochResponseSchema.safeParse(json);
          return answer.success
            ? { value: answer.data.epoch }
            : { problem: unreadable('answer to a new numbering', answer.error) };
        },
      ),
  };
};
