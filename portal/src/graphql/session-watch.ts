import { ApolloLink } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';
import { tap } from 'rxjs';
import type { InjectionKey } from 'vue';

const refusesAsUnauthenticated = (errors: readonly GraphQLFormattedError[] | undefined) =>
  errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED') ?? false;

/**
 * Hears the server answer as if nobody were signed in: an operation refused as UNAUTHENTICATED (a
 * query or mutation over HTTP, or a subscription the server ended because the session behind it
 * ended), or an answer whose `viewer` is null. It hears them before the answer reaches the cache, so a
 * listener can still tell whether the portal believed someone signed in — which decides whether this
 * is news ("your session has ended") or just a signed-out visitor (`useSessionEndNotice`).
 */
export class SessionWatch {
  private readonly listeners = new Set<() => void>();

  readonly link: ApolloLink = new ApolloLink((operation, forward) =>
    forward(operation).pipe(
      tap({
        next: (result) => {
          const data = result.data as { viewer?: unknown } | null | undefined;
          if (refusesAsUnauthenticated(result.errors) || data?.viewer === null) {
            this.notify();
          }
        },
        error: (error: unknown) => {
          if (CombinedGraphQLErrors.is(error) && refusesAsUnauthenticated(error.errors)) {
            this.notify();
          }
        },
      }),
    ),
  );

  /** Calls `listener` at every such answer; returns what stops it. */
  onSignedOutAnswer(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) {
      listener();
    }
  }
}

export const sessionWatchKey: InjectionKey<SessionWatch> = Symbol('sessionWatch');
