import { computed, inject, provide, type ComputedRef, type InjectionKey } from 'vue';
import { useQuery } from '@/composables/useQuery';
import { ViewerDocument, type ViewerQuery } from '@/graphql/generated/graphql';

export type ViewerPerson = NonNullable<ViewerQuery['viewer']>['person'];

function createViewerState() {
  const { data, loading, error, refetch } = useQuery(ViewerDocument);
  const person: ComputedRef<ViewerPerson | null> = computed(() => data.value?.viewer?.person ?? null);
  return { person, loading, error, refetch };
}

export type ViewerState = ReturnType<typeof createViewerState>;

const viewerKey: InjectionKey<ViewerState> = Symbol('viewer');

/** Called once in App.vue: one watched `viewer` query for the whole app. */
export function provideViewer(): ViewerState {
  const state = createViewerState();
  provide(viewerKey, state);
  return state;
}

/** The signed-in person (null when signed out), from the query App.vue provides. */
export function useViewer(): ViewerState {
  const state = inject(viewerKey, null);
  if (!state) {
    throw new Error('useViewer: provideViewer() has not been called in an ancestor');
  }
  return state;
}
