import { MembershipRole, RegionRoleKind } from '../memberships/membership.enums.js';
import { OrganisationKind } from '../organisations/organisation.enums.js';
import type { Organisation } from '../organisations/organisation.entity.js';
import type { Person } from '../people/person.entity.js';
import { PersonTag } from '../people/person.enums.js';
import { DEMO_FIXTURES } from './fixtures.js';
import type { Residence } from './people.js';
import type { TownshipNode, VillageNode } from './region-tree.js';
import type { DemoCast, SeedContext } from './seed-context.js';

/** Streets where district offices, enterprises and their staff are concentrated. */
const URBAN_TOWNSHIPS = ['玉兴街道', '凤凰街道', '北城街道', '春和街道'];
/** Where 乡贤 (local worthies) are recognised: the ethnic townships and the streets that are still rural. */
const RURAL_TOWNSHIPS = ['小石桥彝族乡', '洛河彝族乡', '研和街道', '高仓街道', '大营街街道'];

const STAFF_ROLES = [MembershipRole.ADMIN, MembershipRole.COORDINATOR];
const roleAt = (index: number) => STAFF_ROLES[index] ?? MembershipRole.MEMBER;

/**
 * The generated people of the district around the demo accounts: cadres of every village and
 * township, a grid worker for every grid of 玉兴街道 and the first grid of every other village, staff
 * of every organisation, and residents. Every organisation ends up with an ADMIN and a few members.
 */
export function populateDistrict(context: SeedContext, cast: DemoCast): void {
  const { random, regions, organisations, people, roles } = context;
  const generated = (residence: Residence, tags: PersonTag[] = []): Person => people.create(residence, { tags });
  const anywhereIn = (townships: readonly TownshipNode[]): Residence => people.residenceIn(random.pick(random.pick(townships).villages));
  const urban = regions.townships.filter((township) => URBAN_TOWNSHIPS.includes(township.seed.name));
  const cadres = new Map<VillageNode, Person[]>();

  /** Staff for an organisation: the first is ADMIN, the second COORDINATOR, the rest MEMBERs. */
  const staff = (organisation: Organisation, count: number, home: () => Residence): Person[] =>
    Array.from({ length: count }, (_, index) => {
      const person = generated(home());
      roles.join(person, organisation, roleAt(index));
      return person;
    });

  // The district Party committee (组织部 staff run it on the platform).
  for (const person of staff(organisations.districtCommittee, 3, () => anywhereIn(urban))) {
    people.makePartyMember(person, organisations.districtCommittee);
  }

  for (const township of regions.townships) {
    const committee = organisations.townshipCommittees.get(township)!;
    const home = () => people.residenceIn(random.pick(township.villages));
    for (const person of staff(committee, 2, home)) {
      people.makePartyMember(person, committee);
    }
    if (!cast.regionAdmins.has(township)) {
      const admin = generated(home());
      people.makePartyMember(admin, committee);
      roles.join(admin, committee, MembershipRole.MEMBER);
      roles.grant(admin, RegionRoleKind.REGION_ADMIN, township.region);
    }
    for (const village of township.villages) {
      cadres.set(village, populateVillage(context, cast, village, generated));
    }
  }

  for (const { seed, organisation, partyOrganisation } of organisations.units) {
    const township = seed.township ? regions.townships.find((node) => node.seed.name === seed.township)! : undefined;
    const home = () => (township ? people.residenceIn(random.pick(township.villages)) : anywhereIn(urban));
    const count = seed.kind === OrganisationKind.GOVERNMENT_DEPARTMENT ? 3 : random.int(2, 3);
    const members = staff(organisation, count, home);
    for (const [index, person] of members.entries()) {
      if (seed.democraticParty) {
        people.tag(person, PersonTag.DEMOCRATIC_PARTY_MEMBER);
        person.democraticParty = seed.democraticParty;
      } else if (partyOrganisation && index < 2) {
        // The head and the deputy of a unit with its own party organisation run it.
        people.makePartyMember(person, partyOrganisation);
        roles.join(person, partyOrganisation, roleAt(index));
      } else if (random.chance(0.1)) {
        people.makePartyMember(person);
      }
    }
  }

  // Collective companies are run by their village's cadres (the secretary usually chairs the board).
  for (const { organisation, village } of organisations.collectives) {
    const [admin, ...others] = cadres.get(village)!;
    roles.join(admin!, organisation, MembershipRole.ADMIN);
    for (const person of others) {
      roles.join(person, organisation, MembershipRole.MEMBER);
    }
  }

  // Demo accounts keep exactly their described roles; everyone else volunteers with some probability.
  for (const person of people.people) {
    if (!cast.accounts.has(person) && random.chance(0.3)) {
      people.makeVolunteer(person);
    }
  }
}

/** Places a village's cadres, grid workers and residents; returns the cadres who may run its collective company. */
function populateVillage(
  context: SeedContext,
  cast: DemoCast,
  village: VillageNode,
  generated: (residence: Residence, tags?: PersonTag[]) => Person,
): Person[] {
  const { random, organisations, people, roles } = context;
  const branch = organisations.villageBranches.get(village)!;
  const committee = organisations.villageCommittees.get(village)!;
  const inUrbanCore = village.township.seed.name === DEMO_FIXTURES.township;

  // The branch secretary, who in most villages also chairs the committee (一肩挑) and leads the grids.
  let secretary = cast.secretaries.get(village);
  if (!secretary) {
    secretary = generated(people.residenceIn(village), [PersonTag.GRID_LEADER]);
    people.makePartyMember(secretary, branch);
    roles.join(secretary, branch, MembershipRole.ADMIN);
  }

  // Grid workers: every grid of 玉兴街道, the first grid elsewhere. The first generated one is also the
  // community worker who helps run the branch and the committee on the platform.
  const workedGrids = inUrbanCore ? village.grids : village.grids.slice(0, 1);
  const workers: Person[] = [];
  for (const grid of workedGrids) {
    if (cast.gridWorkers.has(grid)) {
      continue;
    }
    const worker = generated(people.residenceIn(village, grid), [PersonTag.GRID_WORKER]);
    roles.grant(worker, RegionRoleKind.GRID_WORKER, grid.region);
    workers.push(worker);
  }
  const communityWorker = workers[0] ?? generated(people.residenceIn(village));
  roles.join(communityWorker, branch, MembershipRole.COORDINATOR);

  // A demo secretary keeps only the branch; elsewhere the secretary chairs the committee four times in five.
  const secretaryChairs = !cast.accounts.has(secretary) && random.chance(0.8);
  if (secretaryChairs) {
    roles.join(secretary, committee, MembershipRole.ADMIN);
    roles.join(communityWorker, committee, MembershipRole.COORDINATOR);
  } else {
    roles.join(communityWorker, committee, MembershipRole.ADMIN);
    if (!cast.accounts.has(secretary)) {
      roles.join(secretary, committee, MembershipRole.MEMBER);
    }
  }

  const rural = RURAL_TOWNSHIPS.includes(village.township.seed.name);
  const residents = inUrbanCore ? random.int(4, 6) : random.int(2, 3);
  for (let index = 0; index < residents; index += 1) {
    const resident = generated(people.residenceIn(village));
    if (random.chance(0.04)) {
      people.makePartyMember(resident);
      roles.join(resident, branch, MembershipRole.MEMBER);
    }
    if (rural && random.chance(0.07)) {
      people.tag(resident, PersonTag.LOCAL_WORTHY);
    }
  }
  // A demo secretary keeps only the role described for the account.
  return cast.accounts.has(secretary) ? [communityWorker] : [secretary, communityWorker];
}
