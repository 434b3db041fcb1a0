import { inject } from 'vue';
import type { Router } from 'vue-router';
import { canAccess, viewerCapabilities } from '@/features/auth/access';
import { fetchViewer } from '@/features/auth/fetch-viewer-person';
import { apolloClientKey } from '@/graphql/apollo-client-key';

export function installGuards(router: Router): void {
  router.beforeEach(async (to) => {
    if (!to.meta.requiresAuth && !to.meta.roles && !to.meta.capability) {
      return true;
    }
    // Vue Router runs guards inside the app's injection context.
    const client = inject(apolloClientKey);
    const viewer = client ? await fetchViewer(client) : null;
    if (!viewer) {
      return { name: 'signin', query: { redirect: to.fullPath } };
    }
    return canAccess(to.meta, viewer.person, viewerCapabilities(viewer)) ? true : { name: 'home' };
  });
}
