import { computed, type WritableComputedRef } from 'vue';
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router';

/**
 * Page state kept in the URL's query (filters of a list page): read from the current route, and
 * written back with `router.replace`, so a link or a reload shows the same list.
 */
export function useRouteQueryState<T>(
  fromQuery: (query: LocationQuery) => T,
  toQuery: (value: T) => LocationQueryRaw,
): WritableComputedRef<T> {
  const route = useRoute();
  const router = useRouter();
  return computed<T>({
    get: () => fromQuery(route.query),
    set: (value) => void router.replace({ query: toQuery(value) }),
  });
}
