import { inject } from 'vue';
import type { Router } from 'vue-router';
import { canAccess } from '@/features/auth/access';
import { fetchViewerPerson } from '@/features/auth/fetch-viewer-person';
import { apolloClientKey } from '@/graphql/apollo-client-key';

export function installGuards(router: Router): void {
  router.beforeEach(async (to) => {
    if (!to.meta.requiresAuth && !to.meta.roles) {
      return true;
    }
    // Vue Router runs guards inside the app's injection context.
    const client = inject(apolloClientKey);
    const person = client ? await fetchViewerPerson(client) : null;
    if (!person) {
      return { name: 'signin', query: { redirect: to.fullPath } };
    }
    return canAccess(to.meta, person) ? true : { name: 'home' };
  });
}
