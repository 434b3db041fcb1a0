import type { GridNode, RegionTree, TownshipNode, VillageNode } from './region-tree.js';
import type { OrganisationTree, Unit } from './organisation-tree.js';
import type { PeopleFactory } from './people.js';
import type { Random } from './random.js';
import type { Roles } from './roles.js';
import type { Person } from '../people/person.entity.js';

/** What the steps of the demo seed share: the generator, the trees built so far and the collectors. */
export interface SeedContext {
  random: Random;
  regions: RegionTree;
  organisations: OrganisationTree;
  people: PeopleFactory;
  roles: Roles;
}

/** The places the demo accounts took, so the generated population fills the rest around them. */
export interface DemoCast {
  /** Village whose party branch a demo account runs → that account. */
  secretaries: Map<VillageNode, Person>;
  /** Grid a demo account works → that account. */
  gridWorkers: Map<GridNode, Person>;
  /** Township a demo account administers → that account. */
  regionAdmins: Map<TownshipNode, Person>;
  /** Every demo account: they get no generated extras (tags, roles) beyond what their role needs. */
  accounts: Set<Person>;
}

export function townshipNamed(regions: RegionTree, name: string): TownshipNode {
  const township = regions.townships.find((node) => node.seed.name === name);
  if (!township) {
    throw new Error(`the demo district has no township ${name}`);
  }
  return township;
}

export function villageNamed(regions: RegionTree, name: string): VillageNode {
  const village = regions.villages.find((node) => node.region.name === name);
  if (!village) {
    throw new Error(`the demo district has no village ${name}`);
  }
  return village;
}

export function unitNamed(organisations: OrganisationTree, name: string): Unit {
  const unit = organisations.units.find((candidate) => candidate.organisation.name === name);
  if (!unit) {
    throw new Error(`the demo district has no organisation ${name}`);
  }
  return unit;
}
