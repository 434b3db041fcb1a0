import { computed, inject, provide, type ComputedRef, type InjectionKey } from 'vue';
import { useQuery } from '@/composables/useQuery';
import { ViewerDocument, type ViewerQuery } from '@/graphql/generated/graphql';
import { viewerCapabilities, type ViewerCapabilities } from './access';

export type ViewerPerson = NonNullable<ViewerQuery['viewer']>['person'];

function createViewerState() {
  const { data, loading, error, refetch } = useQuery(ViewerDocument);
  const person: ComputedRef<ViewerPerson | null> = computed(() => data.value?.viewer?.person ?? null);
  /** What the viewer may do beyond their roles (see viewerCapabilities); empty when signed out. */
  const capabilities: ComputedRef<ViewerCapabilities> = computed(() => viewerCapabilities(data.value?.viewer));
  return { person, capabilities, loading, error, refetch };
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
