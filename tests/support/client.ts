/** A GraphQL-over-HTTP client with a cookie jar: it behaves like one browser talking to the server. */
export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export class GraphQLClient {
  private cookie: string | undefined;
  bearer: string | undefined;

  constructor(readonly url: string) {}

  /** The raw response, errors included. */
  async request<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.getSetCookie();
    for (const header of setCookie) {
      const [pair] = header.split(';');
      this.cookie = /=$/.test(pair!) || /Expires=Thu, 01 Jan 1970/i.test(header) ? undefined : pair;
    }
    return (await response.json()) as GraphQLResponse<T>;
  }

  /** The data; fails the test on any top-level error. */
  async query<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length) {
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    }
    return result.data as T;
  }

  async signIn(identifier: string, password: string): Promise<void> {
    const data = await this.query(
      `mutation ($input: SignInInput!) { signIn(input: $input) { viewer { person { id } } userErrors { code message } } }`,
      { input: { identifier, password } },
    );
    if (data.signIn.userErrors.length) {
      throw new Error(`sign-in as ${identifier} failed: ${JSON.stringify(data.signIn.userErrors)}`);
    }
  }

  get signedInCookie(): string | undefined {
    return this.cookie;
  }
}
