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

/** Each feature's DataLoaders, by the name requests reach them under (`ctx.loaders.projects`…). */
const FEATURE_LOADERS = {
  regions: createRegionLoaders,
  organisations: createOrganisationLoaders,
  people: createPersonLoaders,
  memberships: createMembershipLoaders,
  projects: createProjectLoaders,
  partners: createPartnerLoaders,
  needs: createNeedLoaders,
  pledges: createPledgeLoaders,
  deliverables: createDeliverableLoaders,
  activity: createActivityLoaders,
  offerings: createServiceOfferingLoaders,
  demands: createDemandLoaders,
  volunteering: createVolunteeringLoaders,
  commitments: createCommitmentLoaders,
} satisfies Record<string, (em: EntityManager) => object>;

type FeatureName = keyof typeof FEATURE_LOADERS;

export type Loaders = { readonly [Name in FeatureName]: ReturnType<(typeof FEATURE_LOADERS)[Name]> };

/**
 * A request's loaders: a feature's set is made when the request first reaches for it. A request uses
 * two or three of the fourteen, and making all of them (about seventy DataLoaders with their caches)
 * for every request and every write's transaction was an eighth of what the server allocated under
 * the writes bench — garbage that V8 must collect, on the request's own time.
 */
class RequestLoaders {
  private readonly made: Partial<Record<FeatureName, object>> = {};

  constructor(private readonly em: EntityManager) {}

  feature(name: FeatureName): object {
    return (this.made[name] ??= FEATURE_LOADERS[name](this.em));
  }
}

// One getter per feature on the prototype, defined once, so every request's object has the same shape.
for (const name of Object.keys(FEATURE_LOADERS) as FeatureName[]) {
  Object.defineProperty(RequestLoaders.prototype, name, {
    get(this: RequestLoaders) {
      return this.feature(name);
    },
    enumerable: true,
  });
}

/**
 * Every feature's DataLoaders, fresh per request so no cache outlives it. A live event's subscribers
 * share one set (`activity/event-context.ts`), so a load whose answer depends on who asks must take
 * the person in its key.
 */
export function createLoaders(em: EntityManager): Loaders {
  return new RequestLoaders(em) as unknown as Loaders;
}
