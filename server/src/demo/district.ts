import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../auth/password.js';
import { Membership } from '../memberships/membership.entity.js';
import { RegionRoleKind } from '../memberships/membership.enums.js';
import { RegionRole } from '../memberships/region-role.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { VerificationStatus } from '../organisations/organisation.enums.js';
import { Person } from '../people/person.entity.js';
import { Region } from '../regions/region.entity.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.js';
import type { DemoAccount } from './accounts.js';
import { placeDemoAccounts } from './account-roles.js';
import { buildOrganisationTree } from './organisation-tree.js';
import { PeopleFactory } from './people.js';
import { populateDistrict } from './population.js';
import { Random } from './random.js';
import { buildRegionTree } from './region-tree.js';
import { Roles } from './roles.js';
import type { DemoCast, SeedContext } from './seed-context.js';
import { Timeline } from './timeline.js';

/** Any fixed seed will do; changing it redraws every generated name, number and tie. */
const SEED = 5304_02;

/**
 * Seeds the demo district (modelled on 红塔区, Yuxi) inside the caller's transaction: the region tree
 * from 云南省 down to micro-grids, the organisations of 一核多元, some 600 people and their roles, and
 * the nine demo accounts. Everything is built in memory first, then written with a few multi-row
 * inserts per table, so the whole seed takes a fraction of a second beyond hashing one password.
 */
export async function seedDistrict(em: EntityManager, now: Date = new Date()): Promise<DemoAccount[]> {
  const random = new Random(SEED);
  const timeline = new Timeline(now);
  const regions = buildRegionTree(em, random, timeline.daysAgo(420));
  const organisations = buildOrganisationTree(em, random, regions, timeline);
  const people = new PeopleFactory(em, random, timeline, (village) => organisations.villageBranches.get(village)!);
  const roles = new Roles(em);
  const context: SeedContext = { random, regions, organisations, people, roles };

  // One hash for all demo accounts: argon2 is slow on purpose, and they share the password anyway.
  const cast = placeDemoAccounts(context, await hashPassword(DEMO_PASSWORD), timeline);
  populateDistrict(context, cast);

  // Parents come before children in each list, so self-references are satisfied row by row. Who
  // verified an organisation is set afterwards: people refer to organisations (双报到) and the
  // verifier refers back to a person, so one side of that cycle has to wait for the other.
  await em.insertMany(Region, regions.all);
  await em.insertMany(Organisation, organisations.all);
  await em.insertMany(Person, people.people);
  await em.insertMany(Membership, roles.memberships);
  await em.insertMany(RegionRole, roles.regionRoles);
  await recordVerifiers(em, context, cast);
  return DEMO_ACCOUNTS;
}

/**
 * Decided organisations were verified by the administrator of their township, or by the platform
 * administrator for district-wide ones: one UPDATE per verifier.
 */
async function recordVerifiers(em: EntityManager, { regions, organisations, roles }: SeedContext, cast: DemoCast): Promise<void> {
  const platformAdmin = [...cast.accounts].find((person) => person.phone === DEMO_ACCOUNTS[0]!.identifier)!;
  const adminOf = new Map(
    roles.regionRoles
      .filter((role) => role.region && role.role === RegionRoleKind.REGION_ADMIN)
      .map((role) => [role.region!.uuid, role.person.uuid]),
  );
  const byVerifier = new Map<string, string[]>();
  for (const organisation of organisations.all) {
    if (organisation.verificationStatus === VerificationStatus.PENDING) {
      continue;
    }
    const township = regions.townships.find((node) => organisation.region.path.startsWith(node.region.path));
    const verifier = (township && adminOf.get(township.region.uuid)) ?? platformAdmin.uuid;
    byVerifier.set(verifier, [...(byVerifier.get(verifier) ?? []), organisation.uuid]);
  }
  for (const [verifier, uuids] of byVerifier) {
    await em.nativeUpdate(Organisation, { uuid: { $in: uuids } }, { verifiedBy: verifier });
  }
}
