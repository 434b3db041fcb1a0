import { MembershipRole } from '../memberships/membership.enums.js';
import { ProjectPartnerRole, ProjectPartnerStatus } from '../partners/project-partner.enums.js';
import { ProjectStatus } from '../projects/project.enums.js';
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

export interface MembershipFacts {
  /** The member. */
  personUuid: string;
  organisation: OrganisationFacts;
}

/** A project, its lead and the organisations holding a place in it (any status; rules pick the ones they need). */
export interface ProjectFacts {
  uuid: string;
  status: ProjectStatus;
  leadUuid: string;
  partners: readonly { organisationUuid: string; role: ProjectPartnerRole; status: ProjectPartnerStatus }[];
}

/** One organisation's place in a project. */
export interface ProjectPartnerFacts {
  project: ProjectFacts;
  organisationUuid: string;
  status: ProjectPartnerStatus;
}

/** A pledge: its project and the pledging organisation. */
export interface PledgeFacts {
  project: ProjectFacts;
  pledgerUuid: string;
}

/** A deliverable: its project and its owner organisations. */
export interface DeliverableFacts {
  project: ProjectFacts;
  ownerUuids: readonly string[];
}

/** A demand ticket: whose it is, where it is and which organisations hold it. */
export interface DemandFacts {
  residentUuid: string;
  /** Materialised path of the ticket's grid. */
  gridPath: string;
  /** Who dispatched it last. */
  dispatcherUuid: string | null;
  /** The organisation it is dispatched to (after acceptance, the owner). */
  assignedOrganisationUuid: string | null;
  /** The organisation that accepted it and owns it until it is resolved. */
  ownerOrganisationUuid: string | null;
}

/** A service offering: its organisation and the member who personally offers it, if any. */
export interface ServiceOfferingFacts {
  organisationUuid: string;
  personUuid: string | null;
}

/** Volunteering: the organisation organising an activity (its shifts, sign-ups and hours). */
export interface VolunteeringFacts {
  organisationUuid: string;
}

/** A sign-up for a shift: whose it is, and who organises the shift. */
export interface ShiftSignUpFacts {
  personUuid: string;
  organisationUuid: string;
}

/** Whose service record (志愿服务记录) it is, and the party organisations they report to (双报到). */
export interface ServiceRecordFacts {
  personUuid: string;
  partyOrganisationUuids: readonly string[];
}

/**
 * Where the viewer stands in the region tree beyond their memberships: where they live, and the regions
 * of the party committees and village committees (councils) they are members of. Loaded once per request.
 */
export interface ViewerPlaces {
  residencePath: string | null;
  committeePaths: readonly string[];
  councilPaths: readonly string[];
}

/** A commitment (承诺): its organisation and that organisation's region, the committing member, its visibility. */
export interface CommitmentFacts {
  organisationUuid: string;
  regionPath: string;
  /** The party member who committed personally; null for the organisation's own commitment. */
  personUuid: string | null;
  internal: boolean;
  viewer: ViewerPlaces;
}

/** A commitment to be published: for the organisation, or personally by a party member reporting to it. */
export interface CommitmentCreateFacts {
  organisationUuid: string;
  personal: boolean;
  /** The party organisations the actor reports to (双报到). */
  partyOrganisationUuids: readonly string[];
}

/** A Party organisation whose commitments are summed up, with the viewer's places. */
export interface CommitmentScopeFacts {
  organisation: OrganisationFacts;
  viewer: ViewerPlaces;
}

type Rule<R> = (actor: Actor, resource: R) => boolean;

const isMember = (actor: Actor, organisationUuid: string) => actor.memberships.has(organisationUuid);
const hasRole = (actor: Actor, organisationUuid: string, roles: MembershipRole[]) =>
  roles.includes(actor.memberships.get(organisationUuid)!);
/** REGION_ADMIN of the region at `path` or of any ancestor of it. */
export const administersRegion = (actor: Actor, path: string) =>
  actor.isPlatformAdmin || actor.adminRegionPaths.some((admin) => path.startsWith(admin));
const worksGridOf = (actor: Actor, path: string | null | undefined) => !!path && actor.gridPaths.some((grid) => path.startsWith(grid));
const managesMembers = (actor: Actor, org: OrganisationFacts) =>
  hasRole(actor, org.uuid, [MembershipRole.ADMIN]) || administersRegion(actor, org.regionPath);
const readsMembers = (actor: Actor, org: OrganisationFacts) => isMember(actor, org.uuid) || administersRegion(actor, org.regionPath);
const COORDINATING = [MembershipRole.ADMIN, MembershipRole.COORDINATOR];
/** Coordinators of a project: ADMINs and COORDINATORs of the lead, or of an accepted CO_LEAD partner. */
const coordinatesProject = (actor: Actor, project: ProjectFacts) =>
  hasRole(actor, project.leadUuid, COORDINATING) ||
  project.partners.some(
    (partner) =>
      partner.role === ProjectPartnerRole.CO_LEAD &&
      partner.status === ProjectPartnerStatus.ACCEPTED &&
      hasRole(actor, partner.organisationUuid, COORDINATING),
  );
/** Members of the lead or of an invited or accepted partner: the people a draft is prepared with. */
const insideProject = (actor: Actor, project: ProjectFacts) =>
  isMember(actor, project.leadUuid) ||
  project.partners.some(
    (partner) =>
      (partner.status === ProjectPartnerStatus.ACCEPTED || partner.status === ProjectPartnerStatus.INVITED) &&
      isMember(actor, partner.organisationUuid),
  );
/** Grid workers of the ticket's grid and region admins above it route the demands of their grid. */
const dispatchesIn = (actor: Actor, gridPath: string) => worksGridOf(actor, gridPath) || administersRegion(actor, gridPath);

/** Party committees watch over the organisations below them: a committee member sees inside every Party organisation of its subtree. */
const oversees = (viewer: ViewerPlaces, regionPath: string) => viewer.committeePaths.some((path) => regionPath.startsWith(path));
/** Residents of the region and members of a village committee (council) inside it. */
const livesOrSitsIn = (viewer: ViewerPlaces, regionPath: string) =>
  (!!viewer.residencePath && viewer.residencePath.startsWith(regionPath)) ||
  viewer.councilPaths.some((path) => path.startsWith(regionPath));

export const rules = {
  /** Any signed-in person may register an organisation; it starts unverified and they become its ADMIN. */
  'organisation.create': (() => true) as Rule<null>,
  /** An organisation's ADMIN, or a REGION_ADMIN above it, edits its profile. */
  'organisation.update': ((actor, org) =>
    hasRole(actor, org.uuid, [MembershipRole.ADMIN]) || administersRegion(actor, org.regionPath)) as Rule<OrganisationFacts>,
  /** A REGION_ADMIN verifies organisations in their subtree; the platform admin everywhere. */
  'organisation.verify': ((actor, org) => administersRegion(actor, org.regionPath)) as Rule<OrganisationFacts>,
  /** An organisation's ADMIN manages its memberships; so does a REGION_ADMIN above it (to appoint the first admin). */
  'membership.manage': ((actor, org) => managesMembers(actor, org)) as Rule<OrganisationFacts>,
  /** A member may always leave; those who manage the organisation's members may remove anyone. */
  'membership.remove': ((actor, membership) =>
    actor.personUuid === membership.personUuid || managesMembers(actor, membership.organisation)) as Rule<MembershipFacts>,
  /** A membership is visible to the member and to whoever sees the organisation's member list. */
  'membership.read': ((actor, membership) =>
    actor.personUuid === membership.personUuid || readsMembers(actor, membership.organisation)) as Rule<MembershipFacts>,
  /** Only members act on an organisation's behalf (pledges, applications, activities…). */
  'organisation.actFor': ((actor, org) => isMember(actor, org.uuid)) as Rule<OrganisationFacts>,
  /** ADMINs and COORDINATORs run an organisation's work (accept pledges, confirm hours…). */
  'organisation.coordinate': ((actor, org) =>
    hasRole(actor, org.uuid, [MembershipRole.ADMIN, MembershipRole.COORDINATOR])) as Rule<OrganisationFacts>,
  /** Members of an organisation see its member list; so do admins above it. */
  'organisation.readMembers': ((actor, org) => readsMembers(actor, org)) as Rule<OrganisationFacts>,
  /** Whether the viewer verifies organisations anywhere (shows the verification queue). */
  'organisations.verifyAny': ((actor) => actor.isPlatformAdmin || actor.adminRegionPaths.length > 0) as Rule<null>,
  /** People are visible by name to signed-in users (members, pledgers, volunteers); erased accounts to no one. */
  'person.read': ((_actor, person) => !person.deleted) as Rule<{ deleted: boolean }>,
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
  /** REGION_ADMIN of the region or of one above it (the platform admin everywhere). */
  'region.administer': ((actor, regionPath) => administersRegion(actor, regionPath)) as Rule<string>,
  /**
   * A region's co-governance dashboard (counts and sums, no personal data): its REGION_ADMINs, those of
   * the regions above it, and the platform admin. Grid workers keep `demand.readMetrics` for their grid.
   */
  'region.readDashboard': ((actor, regionPath) => administersRegion(actor, regionPath)) as Rule<string>,
  /** Who holds a region role is visible to signed-in users: residents need to know their grid worker. */
  'regionRole.read': (() => true) as Rule<null>,
  /** Region roles (REGION_ADMIN, GRID_WORKER) are granted by an administrator above the region. */
  'regionRole.grant': ((actor, regionPath) => administersRegion(actor, regionPath)) as Rule<string>,
  /** ADMINs and COORDINATORs of a Party organisation start projects it leads (kind and verification are domain rules). */
  'project.create': ((actor, lead) => hasRole(actor, lead.uuid, COORDINATING)) as Rule<OrganisationFacts>,
  /** Projects are public once recruiting; a draft only to the members of its lead and of invited or accepted partners. */
  'project.read': ((actor, project) => project.status !== ProjectStatus.DRAFT || insideProject(actor, project)) as Rule<ProjectFacts>,
  /** Coordinators edit the project, invite partners, manage needs, answer pledges and confirm deliveries. */
  'project.coordinate': ((actor, project) => coordinatesProject(actor, project)) as Rule<ProjectFacts>,
  /** A member applies on their organisation's behalf. */
  'projectPartner.apply': ((actor, place) => isMember(actor, place.organisationUuid)) as Rule<ProjectPartnerFacts>,
  /** An invitation is answered by the invited organisation; an application by coordinators not of the applicant. */
  'projectPartner.respond': ((actor, place) =>
    place.status === ProjectPartnerStatus.INVITED
      ? isMember(actor, place.organisationUuid)
      : place.status === ProjectPartnerStatus.APPLIED &&
        coordinatesProject(actor, place.project) &&
        !isMember(actor, place.organisationUuid)) as Rule<ProjectPartnerFacts>,
  /** The organisation withdraws its own place; coordinators may revoke an invitation. */
  'projectPartner.withdraw': ((actor, place) =>
    isMember(actor, place.organisationUuid) ||
    (place.status === ProjectPartnerStatus.INVITED && coordinatesProject(actor, place.project))) as Rule<ProjectPartnerFacts>,
  /** Only a member pledges for an organisation: a member of enterprise A never pledges for enterprise B. */
  'pledge.create': ((actor, pledge) => isMember(actor, pledge.pledgerUuid)) as Rule<PledgeFacts>,
  /** The pledging organisation's members edit, withdraw and record deliveries of its pledge. */
  'pledge.edit': ((actor, pledge) => isMember(actor, pledge.pledgerUuid)) as Rule<PledgeFacts>,
  /**
   * The project side accepts, declines and confirms deliveries: its coordinators, but never for a pledge
   * of their own organisation (nobody accepts their own promise).
   */
  'pledge.respond': ((actor, pledge) =>
    coordinatesProject(actor, pledge.project) && !isMember(actor, pledge.pledgerUuid)) as Rule<PledgeFacts>,
  /** Owners' members and the project's coordinators edit a deliverable and move it along. */
  'deliverable.edit': ((actor, deliverable) =>
    coordinatesProject(actor, deliverable.project) ||
    deliverable.ownerUuids.some((owner) => isMember(actor, owner))) as Rule<DeliverableFacts>,
  /** Only coordinators accept a submitted deliverable, send it back, or change who owns it. */
  'deliverable.review': ((actor, deliverable) => coordinatesProject(actor, deliverable.project)) as Rule<DeliverableFacts>,
  /**
   * Demand tickets are public (transparency, 12345-style), their personal data masked; see
   * `canReadDemand` for signed-out readers and `demand.readPersonalData` for the unmasked view.
   */
  'demand.read': (() => true) as Rule<DemandFacts>,
  /** A resident submits for themself; a grid worker of the grid (or a region admin above it) for a resident who came or called. */
  'demand.submit': ((actor, demand) =>
    actor.personUuid === demand.residentUuid || dispatchesIn(actor, demand.gridPath)) as Rule<DemandFacts>,
  /** Dispatch, re-dispatch, reject, merge and turn into a need: the grid's workers and the region admins above it. */
  'demand.dispatch': ((actor, demand) => dispatchesIn(actor, demand.gridPath)) as Rule<DemandFacts>,
  /** The organisation a ticket is dispatched to accepts or declines it through its ADMINs and COORDINATORs. */
  'demand.respond': ((actor, demand) =>
    !!demand.assignedOrganisationUuid && hasRole(actor, demand.assignedOrganisationUuid, COORDINATING)) as Rule<DemandFacts>,
  /** First receiver owns: only the owner's members record actions and resolve. */
  'demand.work': ((actor, demand) => !!demand.ownerOrganisationUuid && isMember(actor, demand.ownerOrganisationUuid)) as Rule<DemandFacts>,
  /** Only the resident judges the resolution of their own demand. */
  'demand.rate': ((actor, demand) => actor.personUuid === demand.residentUuid) as Rule<DemandFacts>,
  /**
   * Contact name, phone and exact address: the resident, the dispatcher, the grid's workers and the region
   * admins above it (who must be able to call back), and the ADMINs and COORDINATORs of the owner.
   */
  'demand.readPersonalData': ((actor, demand) =>
    actor.personUuid === demand.residentUuid ||
    actor.personUuid === demand.dispatcherUuid ||
    dispatchesIn(actor, demand.gridPath) ||
    (!!demand.ownerOrganisationUuid && hasRole(actor, demand.ownerOrganisationUuid, COORDINATING))) as Rule<DemandFacts>,
  /** Demand metrics of a region: its administrators (and those above), and the grid workers for their own grids. */
  'demand.readMetrics': ((actor, regionPath) => administersRegion(actor, regionPath) || worksGridOf(actor, regionPath)) as Rule<string>,
  /**
   * An organisation's ADMINs and COORDINATORs manage all its service offerings; any other member only the
   * offerings of their own expertise (where they are the offering person).
   */
  'serviceOffering.manage': ((actor, offering) =>
    hasRole(actor, offering.organisationUuid, COORDINATING) ||
    (isMember(actor, offering.organisationUuid) && offering.personUuid === actor.personUuid)) as Rule<ServiceOfferingFacts>,
  /**
   * Only ADMINs and COORDINATORs of the organising organisation run a volunteer activity: create and edit it
   * and its shifts, see the roster, check volunteers in, record attendance, confirm and correct hours.
   */
  'volunteering.coordinate': ((actor, activity) => hasRole(actor, activity.organisationUuid, COORDINATING)) as Rule<VolunteeringFacts>,
  /** Volunteers sign themselves up (that they carry the VOLUNTEER tag is checked by the service). */
  'shift.signUp': ((actor, volunteer) => actor.personUuid === volunteer.personUuid) as Rule<{ personUuid: string }>,
  /** A volunteer checks themself in, with the shift's code (coordinators check anyone in: `volunteering.coordinate`). */
  'shift.checkInSelf': ((actor, signUp) => actor.personUuid === signUp.personUuid) as Rule<ShiftSignUpFacts>,
  /** The volunteer cancels their own sign-up; the organiser's coordinators may cancel anyone's. */
  'shiftSignUp.cancel': ((actor, signUp) =>
    actor.personUuid === signUp.personUuid || hasRole(actor, signUp.organisationUuid, COORDINATING)) as Rule<ShiftSignUpFacts>,
  /** A sign-up is seen by the volunteer and by the organiser's coordinators (the roster). */
  'shiftSignUp.read': ((actor, signUp) =>
    actor.personUuid === signUp.personUuid || hasRole(actor, signUp.organisationUuid, COORDINATING)) as Rule<ShiftSignUpFacts>,
  /**
   * A service record (hours, points, certificate, export): the person themself, the ADMINs of both party
   * organisations a party member reports to (双报到: work unit and residence), and the platform admin.
   */
  'person.readServiceRecord': ((actor, record) =>
    actor.personUuid === record.personUuid ||
    actor.isPlatformAdmin ||
    record.partyOrganisationUuids.some((uuid) => hasRole(actor, uuid, [MembershipRole.ADMIN]))) as Rule<ServiceRecordFacts>,
  /** An organisation's ADMIN sets its points per hour; the platform admin the platform-wide rate (organisation null). */
  'volunteerPoints.configure': ((actor, organisationUuid) =>
    organisationUuid === null ? actor.isPlatformAdmin : hasRole(actor, organisationUuid, [MembershipRole.ADMIN])) as Rule<string | null>,
  /**
   * ADMINs and COORDINATORs publish their Party organisation's commitments; a party member publishes a
   * personal one in an organisation they belong to or report to (双报到). Kind and verification are domain rules.
   */
  'commitment.create': ((actor, commitment) =>
    commitment.personal
      ? isMember(actor, commitment.organisationUuid) || commitment.partyOrganisationUuids.includes(commitment.organisationUuid)
      : hasRole(actor, commitment.organisationUuid, COORDINATING)) as Rule<CommitmentCreateFacts>,
  /**
   * Public commitments are public. An INTERNAL one is seen by the members of its organisation, by the
   * member who made it, and by members of the party committees whose region contains the organisation's.
   */
  'commitment.read': ((actor, commitment) =>
    !commitment.internal ||
    actor.personUuid === commitment.personUuid ||
    isMember(actor, commitment.organisationUuid) ||
    oversees(commitment.viewer, commitment.regionPath)) as Rule<CommitmentFacts>,
  /** The committing side edits, reports progress and marks fulfilled: the member who made it, or the organisation's ADMINs and COORDINATORs. */
  'commitment.manage': ((actor, commitment) =>
    actor.personUuid === commitment.personUuid || hasRole(actor, commitment.organisationUuid, COORDINATING)) as Rule<CommitmentFacts>,
  /**
   * 评诺: residents living in the organisation's region and members of a village committee (council) in it
   * rate; never the committing side (the member who made it, or any member of the organisation).
   */
  'commitment.evaluate': ((actor, commitment) =>
    actor.personUuid !== commitment.personUuid &&
    !isMember(actor, commitment.organisationUuid) &&
    livesOrSitsIn(commitment.viewer, commitment.regionPath)) as Rule<CommitmentFacts>,
  /** A branch's commitment dashboard: its members, the party committees above it, and region admins over it. */
  'commitment.readDashboard': ((actor, scope) =>
    isMember(actor, scope.organisation.uuid) ||
    oversees(scope.viewer, scope.organisation.regionPath) ||
    administersRegion(actor, scope.organisation.regionPath)) as Rule<CommitmentScopeFacts>,
} satisfies Record<string, Rule<never>>;

/**
 * Whose records a `people.search` may return: everyone for the platform admin, otherwise the people
 * residing in the subtrees the actor administers or works (materialised path prefixes); nobody else.
 */
export function peopleSearchScope(actor: Actor | undefined): 'everyone' | readonly string[] {
  if (!can(actor, 'people.search', null)) {
    return [];
  }
  return actor!.isPlatformAdmin ? 'everyone' : [...actor!.adminRegionPaths, ...actor!.gridPaths];
}

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

/** `demand.read` for everyone, signed in or not: the public transparency view shows tickets, masked. */
export function canReadDemand(actor: Actor | undefined, demand: DemandFacts): boolean {
  return !actor || can(actor, 'demand.read', demand);
}

/** `project.read` for everyone, signed in or not: a public project needs no actor. */
export function canReadProject(actor: Actor | undefined, project: ProjectFacts): boolean {
  return project.status !== ProjectStatus.DRAFT || can(actor, 'project.read', project);
}

/**
 * `project.read` as an SQL condition on a project row (for lists that paginate in the database): the
 * same rule as `canReadProject`, written for `alias`. Parameters are returned separately.
 */
export function readableProjectsCondition(actor: Actor | undefined, alias: string): { sql: string; params: unknown[] } {
  const organisations = actor ? [...actor.memberships.keys()] : [];
  if (!organisations.length) {
    return { sql: `${alias}.status <> 'DRAFT'`, params: [] };
  }
  const list = organisations.map(() => '?').join(', ');
  return {
    sql: `(${alias}.status <> 'DRAFT' or ${alias}.lead_organisation_id in (${list}) or exists (
      select 1 from project_partner readable_partner where readable_partner.project_id = ${alias}.id
        and readable_partner.status in ('INVITED', 'ACCEPTED') and readable_partner.organisation_id in (${list})))`,
    params: [...organisations, ...organisations],
  };
}

/**
 * `commitment.read` as an SQL condition on a commitment row `alias` (for lists paginated in the
 * database): public ones, and INTERNAL ones of the actor's organisations, of the actor, or of Party
 * organisations below a committee the actor sits on. Parameters are returned separately.
 */
export function readableCommitmentsCondition(
  actor: Actor | undefined,
  viewer: ViewerPlaces | undefined,
  alias: string,
): { sql: string; params: unknown[] } {
  if (!actor) {
    return { sql: `${alias}.visibility = 'PUBLIC'`, params: [] };
  }
  const organisations = [...actor.memberships.keys()];
  const parts = [`${alias}.visibility = 'PUBLIC'`, `${alias}.person_id = ?`];
  const params: unknown[] = [actor.personUuid];
  if (organisations.length) {
    parts.push(`${alias}.organisation_id in (${organisations.map(() => '?').join(', ')})`);
    params.push(...organisations);
  }
  const committees = viewer?.committeePaths ?? [];
  if (committees.length) {
    parts.push(`exists (select 1 from organisation readable_org join region readable_region on readable_region.id = readable_org.region_id
      where readable_org.id = ${alias}.organisation_id and (${committees.map(() => 'starts_with(readable_region.path, ?)').join(' or ')}))`);
    params.push(...committees);
  }
  return { sql: `(${parts.join(' or ')})`, params };
}
