import type { ErrorLike, OperationVariables, TypedDocumentNode, WatchQueryFetchPolicy } from '@apollo/client';
import { onScopeDispose, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useApolloClient } from './useApolloClient';

export interface UseQueryOptions<TVariables> {
  /** A ref or getter re-runs the query when it changes. */
  variables?: MaybeRefOrGetter<TVariables>;
  fetchPolicy?: WatchQueryFetchPolicy;
}

/**
 * A thin Vue binding over ApolloClient.watchQuery (Apollo Client 4; @vue/apollo-composable
 * does not support it). Only complete data is exposed: partial cache reads stay hidden.
 */
export function useQuery<TData, TVariables extends OperationVariables>(
  query: TypedDocumentNode<TData, TVariables>,
  options: UseQueryOptions<TVariables> = {},
) {
  const client = useApolloClient();
  const data = shallowRef<TData>();
  const error = shallowRef<ErrorLike>();
  const loading = shallowRef(true);

  // The VariablesOption conditional type cannot be resolved for a generic TVariables.
  const observable = client.watchQuery<TData, TVariables>({
    query,
    variables: toValue(options.variables),
    fetchPolicy: options.fetchPolicy,
    notifyOnNetworkStatusChange: true,
  } as Parameters<typeof client.watchQuery<TData, TVariables>>[0]);

  const subscription = observable.subscribe((result) => {
    loading.value = result.loading;
    error.value = result.error;
    if (result.dataState === 'complete') {
      data.value = result.data as TData;
    } else if (!result.loading) {
      // Settled without data (e.g. a failed refetch after resetStore): drop stale data.
      data.value = undefined;
    }
  });

  watch(
    () => toValue(options.variables),
    (variables) => {
      if (variables) {
        void observable.setVariables(variables).catch(() => undefined);
      }
    },
    { deep: true },
  );

  onScopeDispose(() => subscription.unsubscribe());

  /** Errors surface through `error`; the returned promise never rejects. */
  async function refetch(): Promise<void> {
    await observable.refetch().catch(() => undefined);
  }

  return { data, error, loading, refetch, observable };
}
