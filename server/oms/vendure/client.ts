import { OmsUnreachable } from '../connector';

// Vendure's Admin GraphQL API over plain fetch: none of Vendure's packages in the product (a lint rule
// and a test keep it out). Signs in with a user and password (the `login` mutation, Vendure's
// bearer token then) or uses a token given outright.
export type VendureAuth = { token: string } | { username: string; password: string };

export type Fetch = typeof fetch;

export class VendureError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

interface GraphQlAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const LOGIN = /* GraphQL */ `
  mutation FillwaveLogin($username: String!, $password: String!) {
    login(username: $username, password: $password, rememberMe: true) {
      __typename
      ... on ErrorResult {
        errorCode
        message
      }
    }
  }
`;

export class VendureClient {
  private token: string | null;

  constructor(
    private readonly url: string,
    private readonly auth: VendureAuth,
    private readonly fetchFn: Fetch = fetch,
  ) {
    this.token = 'token' in auth ? auth.token : null;
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    if (this.token === null) await this.login();
    try {
      return await this.post<T>(query, variables);
    } catch (error) {
      // A session that expired: sign in again once, when we hold a password.
      if (error instanceof VendureError && error.code === 'FORBIDDEN' && 'password' in this.auth) {
        await this.login();
        return this.post<T>(query, variables);
      }
      throw error;
    }
  }

  private async login(): Promise<void> {
    if (!('password' in this.auth)) return;
    const { token, data } = await this.send<{ login: { __typename: string; message?: string } }>(
      LOGIN,
      this.auth,
    );
    if (data.login.__typename !== 'CurrentUser' || !token)
      throw new VendureError(
        `Vendure refused the sign-in of ${this.auth.username}: ${data.login.message ?? 'no token came back (is bearer in Vendure authOptions.tokenMethod?)'}`,
        'LOGIN',
      );
    this.token = token;
  }

  private async post<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    return (await this.send<T>(query, variables)).data;
  }

  private async send<T>(
    query: string,
    variables: Record<string, unknown>,
  ): Promise<{ data: T; token: string | null }> {
    let res: Response;
    try {
      res = await this.fetchFn(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new OmsUnreachable(
        `Vendure at ${this.url} did not answer: ${(error as Error).message}`,
      );
    }
    if (res.status >= 500 || res.status === 429) {
      await res.body?.cancel().catch(() => undefined);
      throw new OmsUnreachable(`Vendure at ${this.url} answered ${res.status}`);
    }
    let body: GraphQlAnswer<T>;
    try {
      body = (await res.json()) as GraphQlAnswer<T>;
    } catch (error) {
      throw new OmsUnreachable(
        `Vendure at ${this.url} answered ${res.status} with no JSON: ${(error as Error).message}`,
      );
    }
    const first = body.errors?.[0];
    if (first) throw new VendureError(first.message, first.extensions?.code ?? 'GRAPHQL');
    if (!body.data)
      throw new VendureError(`Vendure answered ${res.status} with no data`, 'NO_DATA');
    return { data: body.data, token: res.headers.get('vendure-auth-token') };
  }
}
