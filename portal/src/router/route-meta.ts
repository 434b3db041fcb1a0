import type { ViewerCapability } from '@/features/auth/access';
import type { RegionRoleKind } from '@/graphql/generated/graphql';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page name, used for the document title and the navigation. */
    titleKey?: string;
    /** Signed-out people are sent to /signin first. */
    requiresAuth?: boolean;
    /** Any one of these region roles is enough (implies requiresAuth). */
    roles?: readonly RegionRoleKind[];
    /** A viewer capability that must be true, e.g. canVerifyOrganisations or canLeadProjects (implies requiresAuth). */
    capability?: ViewerCapability;
  }
}

export {};
