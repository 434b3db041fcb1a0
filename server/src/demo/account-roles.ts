import { MembershipRole, RegionRoleKind } from '../memberships/membership.enums.js';
import type { Person } from '../people/person.entity.js';
import { DemocraticParty, PersonTag } from '../people/person.enums.js';
import { DEMO_ACCOUNTS } from './accounts.js';
import { DEMO_FIXTURES } from './fixtures.js';
import type { Residence } from './people.js';
import { townshipNamed, unitNamed, villageNamed, type DemoCast, type SeedContext } from './seed-context.js';
import type { Timeline } from './timeline.js';

/**
 * Creates the nine demo accounts and gives each exactly the role its description promises (see
 * accounts.ts and DEMO_FIXTURES), nothing more, so each shows one kind of user.
 */
export function placeDemoAccounts(context: SeedContext, passwordHash: string, timeline: Timeline): DemoCast {
  const { regions, organisations, people, roles } = context;
  const township = townshipNamed(regions, DEMO_FIXTURES.township);
  const community = villageNamed(regions, DEMO_FIXTURES.community);
  const demoGrid = community.grids.find((grid) => grid.region.name === DEMO_FIXTURES.grid)!;
  const otherGrid = community.grids.find((grid) => grid !== demoGrid)!;
  const inTownship = (index: number): Residence => people.residenceIn(township.villages[index % township.villages.length]!);
  const cast: DemoCast = { secretaries: new Map(), gridWorkers: new Map(), regionAdmins: new Map(), accounts: new Set() };

  const account = (identifier: string, residence: Residence, options: Parameters<typeof people.create>[1] = {}): Person => {
    const { name } = DEMO_ACCOUNTS.find((candidate) => candidate.identifier === identifier)!;
    const person = people.create(residence, { ...options, name, phone: identifier, passwordHash });
    person.createdAt = timeline.daysAgo(400);
    cast.accounts.add(person);
    return person;
  };

  const platformAdmin = account('13800000001', inTownship(1));
  roles.grant(platformAdmin, RegionRoleKind.PLATFORM_ADMIN, null);

  const regionAdmin = account('13800000002', inTownship(2));
  roles.grant(regionAdmin, RegionRoleKind.REGION_ADMIN, township.region);
  cast.regionAdmins.set(township, regionAdmin);

  const secretary = account('13800000003', { village: community, grid: otherGrid });
  const branch = organisations.villageBranches.get(community)!;
  people.makePartyMember(secretary, branch);
  roles.join(secretary, branch, MembershipRole.ADMIN);
  cast.secretaries.set(community, secretary);

  const employee = account('13800000004', inTownship(3));
  roles.join(employee, unitNamed(organisations, DEMO_FIXTURES.enterprise).organisation, MembershipRole.MEMBER);

  const coordinator = account('13800000005', inTownship(1));
  roles.join(coordinator, unitNamed(organisations, DEMO_FIXTURES.socialOrganisation).organisation, MembershipRole.COORDINATOR);

  const volunteer = account('13800000006', people.residenceIn(townshipNamed(regions, '北城街道').villages[0]!), {
    tags: [PersonTag.DEMOCRATIC_PARTY_MEMBER, PersonTag.VOLUNTEER],
    democraticParty: DemocraticParty.CDL,
    skills: ['法律咨询', '书法'],
  });
  roles.join(volunteer, unitNamed(organisations, DEMO_FIXTURES.democraticPartyBody).organisation, MembershipRole.MEMBER);

  const officer = account('13800000007', inTownship(4));
  roles.join(officer, unitNamed(organisations, DEMO_FIXTURES.department).organisation, MembershipRole.MEMBER);

  const gridWorker = account('13800000008', { village: community, grid: demoGrid }, { tags: [PersonTag.GRID_WORKER] });
  roles.grant(gridWorker, RegionRoleKind.GRID_WORKER, demoGrid.region);
  cast.gridWorkers.set(demoGrid, gridWorker);

  account('13800000009', { village: community, grid: demoGrid });
  return cast;
}
