import type { ErrorLike, OperationVariables, TypedDocumentNode } from '@apollo/client';
import { toErrorLike } from '@apollo/client/errors';
import { onScopeDispose, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useApolloClient } from './useApolloClient';

export interface UseSubscriptionOptions<TData, TVariables> {
  /** A ref or getter re-subscribes when it changes. */
  variables?: MaybeRefOrGetter<TVariables>;
  /** Called for every event, e.g. to show a toast or refetch a list. */
  onData?: (data: TData) => void;
}

/** Subscribes over the WebSocket link for as long as the calling scope lives (see the store-reset rule below). */
export function useSubscription<TData, TVariables extends OperationVariables>(
  subscription: TypedDocumentNode<TData, TVariables>,
  options: UseSubscriptionOptions<TData, TVariables> = {},
) {
  const client = useApolloClient();
  const data = shallowRef<TData>();
  const error = shallowRef<ErrorLike>();
  let active: { unsubscribe(): void } | undefined;
  /** The server ended the subscription (an error, e.g. the session behind it ended) or completed it. */
  let ended = false;

  function start(variables: TVariables | undefined) {
    active?.unsubscribe();
    error.value = undefined;
    ended = false;
    // The VariablesOption conditional type cannot be resolved for a generic TVariables.
    active = client
      .subscribe<TData, TVariables>({
        query: subscription,
        variables,
      } as Parameters<typeof client.subscribe<TData, TVariables>>[0])
      .subscribe({
        next: (result) => {
          error.value = result.error;
          if (result.data !== undefined) {
            data.value = result.data as TData;
            options.onData?.(result.data as TData);
          }
        },
        error: (e: unknown) => {
          error.value = toErrorLike(e);
          ended = true;
        },
        complete: () => {
          ended = true;
        },
      });
  }

  watch(() => toValue(options.variables), start, { deep: true, immediate: true });
  // A store reset means the signed-in identity changed: a subscription the server ended for the old
  // one (its session ended) starts again as the new one, who may be allowed to follow.
  const stopOnReset = client.onResetStore(async () => {
    if (ended) {
      start(toValue(options.variables));
    }
  });
  onScopeDispose(() => {
    active?.unsubscribe();
    stopOnReset();
  });

  return { data, error };
}
