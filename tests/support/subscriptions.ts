import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { GraphQLClient } from './client.js';

export interface Subscription<T> {
  /** The next result, or fails after `timeoutMs`. */
  next(timeoutMs?: number): Promise<{ data?: T; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>;
  /** Resolves when nothing arrives within `ms` (to check that an event was not delivered). */
  nothingWithin(ms: number): Promise<boolean>;
  close(): Promise<void>;
}

/** A graphql-ws subscription over the server's WebSocket, with the cookie of a signed-in client (or none). */
export function subscribe<T = any>(
  serverUrl: string,
  client: GraphQLClient | undefined,
  query: string,
  variables: Record<string, unknown>,
): Subscription<T> {
  const cookie = client?.signedInCookie;
  class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  const ws: Client = createClient({
    url: `${serverUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: CookieWebSocket,
    lazy: true,
    retryAttempts: 0,
  });
  const results: Awaited<ReturnType<Subscription<T>['next']>>[] = [];
  const waiting: ((result: (typeof results)[number]) => void)[] = [];
  const push = (result: (typeof results)[number]) => {
    const waiter = waiting.shift();
    if (waiter) {
      waiter(result);
    } else {
      results.push(result);
    }
  };
  const dispose = ws.subscribe<T>(
    { query, variables },
    {
      next: (result) => push(result as (typeof results)[number]),
      error: (error) => push({ errors: Array.isArray(error) ? error : [{ message: String((error as Error)?.message ?? error) }] }),
      complete: () => undefined,
    },
  );
  return {
    next(timeoutMs = 5000) {
      const ready = results.shift();
      if (ready) {
        return Promise.resolve(ready);
      }
      return new Promise((resolve, reject) => {
        const waiter = (result: (typeof results)[number]) => {
          clearTimeout(timer);
          resolve(result);
        };
        // A waiter that timed out must not swallow a later result.
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(waiter), 1);
          reject(new Error(`no subscription result within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.push(waiter);
      });
    },
    async nothingWithin(ms) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return results.length === 0;
    },
    async close() {
      dispose();
      await ws.dispose();
    },
  };
}
