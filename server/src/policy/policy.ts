import { MembershipRole } from '../memberships/membership.enums.js';
import type { Actor } from './actor.js';

/**
 * The one place where permissions are decided. Deny by default: an action missing from the table is
 * refused. Each rule reads as "who → action → on what"; resources carry just the facts a rule needs
 * (an organisation's uuid, a region's materialised path), so rules are pure and cheap.
 */
export interface OrganisationFacts {
  uuid: string;
  regionPath: string;
}

export interface PersonFacts {
  uuid: string;
  /** Organisations the person is a member of. */
  organisationUuids: readonly string[];
  residenceRegionPath?: string | null;
}

type Rule<R> = (actor: Actor, resource: R) => boolean;

const isMember = (actor: Actor, organisationUuid: string) => actor.memberships.has(organisationUuid);
const hasRole = (actor: Actor, organisationUuid: string, roles: MembershipRole[]) =>
  roles.includes(actor.memberships.get(organisationUuid)!);
/** REGION_ADMIN of the region at `path` or of any ancestor of it. */
export const administersRegion = (actor: Actor, path: string) =>
  actor.isPlatformAdmin || actor.adminRegionPaths.some((admin) => path.startsWith(admin));
const worksGridOf = (actor: Actor, path: string | null | undefined) => !!path && actor.gridPaths.some((grid) => path.startsWith(grid));

export const rules = {
  /** Any signed-in person may register an organisation; it starts unverified and they become its ADMIN. */
  'organisation.create': (() => true) as Rule<null>,
  /** An organisation's ADMIN, or a REGION_ADMIN above it, edits its profile. */
  'organisation.update': ((actor, org) =>
    hasRole(actor, org.uuid, [MembershipRole.ADMIN]) || administersRegion(actor, org.regionPath)) as Rule<OrganisationFacts>,
  /** A REGION_ADMIN verifies organisations in their subtree; the platform admin everywhere. */
  'organisation.verify': ((actor, org) => administersRegion(actor, org.regionPath)) as Rule<OrganisationFacts>,
  /** An organisation's ADMIN manages its memberships; so does a REGION_ADMIN above it (to appoint the first admin). */
  'membership.manage': ((actor, org) =>
    hasRole(actor, org.uuid, [MembershipRole.ADMIN]) || administersRegion(actor, org.regionPath)) as Rule<OrganisationFacts>,
  /** Only members act on an organisation's behalf (pledges, applications, activities…). */
  'organisation.actFor': ((actor, org) => isMember(actor, org.uuid)) as Rule<OrganisationFacts>,
  /** ADMINs and COORDINATORs run an organisation's work (accept pledges, confirm hours…). */
  'organisation.coordinate': ((actor, org) =>
    hasRole(actor, org.uuid, [MembershipRole.ADMIN, MembershipRole.COORDINATOR])) as Rule<OrganisationFacts>,
  /** Members of an organisation see its member list; so do admins above it. */
  'organisation.readMembers': ((actor, org) =>
    isMember(actor, org.uuid) || administersRegion(actor, org.regionPath)) as Rule<OrganisationFacts>,
  /**
   * Phones, emails and addresses: the person themself, an ADMIN of an organisation they belong to, a
   * REGION_ADMIN over where they live, or the grid worker of their grid (who must be able to call back).
   */
  'person.readPersonalData': ((actor, person) =>
    actor.personUuid === person.uuid ||
    person.organisationUuids.some((uuid) => hasRole(actor, uuid, [MembershipRole.ADMIN])) ||
    (!!person.residenceRegionPath && administersRegion(actor, person.residenceRegionPath)) ||
    worksGridOf(actor, person.residenceRegionPath)) as Rule<PersonFacts>,
  /** A person edits their own profile; the platform admin may correct it. */
  'person.update': ((actor, person) => actor.personUuid === person.uuid || actor.isPlatformAdmin) as Rule<PersonFacts>,
  /** Searching people is for administrators: the directory of residents is not public. */
  'people.search': ((actor) => actor.isPlatformAdmin || actor.adminRegionPaths.length > 0 || actor.gridPaths.length > 0) as Rule<null>,
  /** Region roles (REGION_ADMIN, GRID_WORKER) are granted by an administrator above the region. */
  'regionRole.grant': ((actor, regionPath) => administersRegion(actor, regionPath)) as Rule<string>,
} satisfies Record<string, Rule<never>>;

export type Action = keyof typeof rules;
type ResourceOf<A extends Action> = (typeof rules)[A] extends Rule<infer R> ? R : never;

/** Whether `actor` may perform `action` on `resource`. A signed-out request (no actor) may do nothing here. */
export function can<A extends Action>(actor: Actor | undefined, action: A, resource: ResourceOf<A>): boolean {
  if (!actor) {
    return false;
  }
  const rule = rules[action] as Rule<ResourceOf<A>> | undefined;
  return rule ? rule(actor, resource) : false;
}
