import { computed } from 'vue';
import { useViewer } from '@/features/auth/useViewer';
import type { MembershipRole, OrganisationKind } from '@/graphql/generated/graphql';

export interface ViewerOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  role: MembershipRole;
}

/**
 * The viewer's organisations that can act in partner projects (from the app-wide viewer query).
 * Only verified organisations pledge, apply or lead; offering the others would only earn
 * ORGANISATION_NOT_VERIFIED. The API checks every act again.
 */
export function useViewerOrganisations() {
  const { person } = useViewer();

  const verified = computed<ViewerOrganisation[]>(() =>
    (person.value?.memberships ?? [])
      .filter((membership) => membership.organisation.verificationStatus === 'VERIFIED')
      .map((membership) => ({
        id: membership.organisation.id,
        name: membership.organisation.name,
        kind: membership.organisation.kind,
        role: membership.role,
      })),
  );

  /** Verified Party organisations the viewer runs (ADMIN, COORDINATOR): the ones that may lead a project. */
  const leadable = computed(() =>
    verified.value.filter((organisation) => organisation.kind === 'PARTY_ORGANISATION' && organisation.role !== 'MEMBER'),
  );

  return { verified, leadable };
}
