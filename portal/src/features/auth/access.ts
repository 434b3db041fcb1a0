import type { RouteMeta } from 'vue-router';
import type { MembershipRole, OrganisationKind, RegionRoleKind, VerificationStatus } from '@/graphql/generated/graphql';

/** Just enough of a person to decide what the UI offers. */
export interface PersonWithRoles {
  regionRoles: ReadonlyArray<{ role: RegionRoleKind }>;
}

/**
 * What a route may require (see RouteMeta.capability): boolean fields of `Viewer`
 * (canVerifyOrganisations), or facts derived from the viewer's memberships (see viewerCapabilities).
 */
export type ViewerCapability = 'canVerifyOrganisations' | 'canLeadProjects' | 'isOrganisationMember' | 'canConfigureVolunteerPoints';

export type ViewerCapabilities = Readonly<Partial<Record<ViewerCapability, boolean>>>;

/** Just enough of the viewer to derive its capabilities. */
export interface ViewerWithMemberships {
  canVerifyOrganisations: boolean;
  isPlatformAdmin: boolean;
  person: {
    memberships: ReadonlyArray<{
      role: MembershipRole;
      organisation: { kind: OrganisationKind; verificationStatus: VerificationStatus };
    }>;
  };
}

/** Roles that run an organisation's work, e.g. start the projects a Party organisation leads. */
const COORDINATING_ROLES: readonly MembershipRole[] = ['ADMIN', 'COORDINATOR'];

/**
 * The viewer's capabilities; empty when signed out. `canLeadProjects`: ADMIN or COORDINATOR of a
 * verified Party organisation (only those may lead a project); `isOrganisationMember`: member of
 * any organisation (it may pledge, so it has a pledge ledger); `canConfigureVolunteerPoints`: the
 * platform admin (the platform-wide rate) or an ADMIN of any organisation (its own rate), as the
 * policy's `volunteerPoints.configure` has it.
 */
export function viewerCapabilities(viewer: ViewerWithMemberships | null | undefined): ViewerCapabilities {
  if (!viewer) {
    return {};
  }
  const memberships = viewer.person.memberships;
  return {
    canVerifyOrganisations: viewer.canVerifyOrganisations,
    canLeadProjects: memberships.some(
      ({ role, organisation }) =>
        COORDINATING_ROLES.includes(role) && organisation.kind === 'PARTY_ORGANISATION' && organisation.verificationStatus === 'VERIFIED',
    ),
    isOrganisationMember: memberships.length > 0,
    canConfigureVolunteerPoints: viewer.isPlatformAdmin || memberships.some(({ role }) => role === 'ADMIN'),
  };
}

export function hasAnyRole(person: PersonWithRoles, roles: readonly RegionRoleKind[]): boolean {
  return person.regionRoles.some((regionRole) => roles.includes(regionRole.role));
}

/**
 * Whether to show a page (menu entry, route). A UI convenience only: the API enforces
 * authorisation on every field and mutation, so hiding is never the protection.
 */
export function canAccess(meta: RouteMeta, person: PersonWithRoles | null, capabilities: ViewerCapabilities = {}): boolean {
  if (meta.capability) {
    return person !== null && capabilities[meta.capability] === true;
  }
  if (meta.roles) {
    return person !== null && hasAnyRole(person, meta.roles);
  }
  if (meta.requiresAuth) {
    return person !== null;
  }
  return true;
}
