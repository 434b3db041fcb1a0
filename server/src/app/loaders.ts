import type { EntityManager } from '@mikro-orm/postgresql';
import { createActivityLoaders } from '../activity/activity.loaders.js';
import { createCommitmentLoaders } from '../commitments/commitment.loaders.js';
import { createDeliverableLoaders } from '../deliverables/deliverable.loaders.js';
import { createDemandLoaders } from '../demands/demand.loaders.js';
import { createMembershipLoaders } from '../memberships/membership.loaders.js';
import { createNeedLoaders } from '../needs/need.loaders.js';
import { createServiceOfferingLoaders } from '../offerings/service-offering.loaders.js';
import { createOrganisationLoaders } from '../organisations/organisation.loaders.js';
import { createPartnerLoaders } from '../partners/project-partner.loaders.js';
import { createPersonLoaders } from '../people/person.loaders.js';
import { createPledgeLoaders } from '../pledges/pledge.loaders.js';
import { createProjectLoaders } from '../projects/project.loaders.js';
import { createRegionLoaders } from '../regions/region.loaders.js';
import { createVolunteeringLoaders } from '../volunteering/volunteering.loaders.js';

/**
 * Every feature's DataLoaders, created fresh per request so no cache outlives it. A live event's
 * subscribers share one set (`activity/event-context.ts`), so a load whose answer depends on who asks
 * must take the person in its key.
 */
export function createLoaders(em: EntityManager) {
  return {
    regions: createRegionLoaders(em),
    organisations: createOrganisationLoaders(em),
    people: createPersonLoaders(em),
    memberships: createMembershipLoaders(em),
    projects: createProjectLoaders(em),
    partners: createPartnerLoaders(em),
    needs: createNeedLoaders(em),
    pledges: createPledgeLoaders(em),
    deliverables: createDeliverableLoaders(em),
    activity: createActivityLoaders(em),
    offerings: createServiceOfferingLoaders(em),
    demands: createDemandLoaders(em),
    volunteering: createVolunteeringLoaders(em),
    commitments: createCommitmentLoaders(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
