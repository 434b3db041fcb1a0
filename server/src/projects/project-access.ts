import type { Context } from '../app/context.js';
import { preparedExecute } from '../db/prepared-query.js';
import { MembershipRole } from '../memberships/membership.enums.js';
import type { ProjectPartner } from '../partners/project-partner.entity.js';
import { ProjectPartnerRole, ProjectPartnerStatus } from '../partners/project-partner.enums.js';
import type { Actor } from '../policy/actor.js';
import { canReadProject, type ProjectFacts } from '../policy/policy.js';
import { Project } from './project.entity.js';

/**
 * What the policy needs to know about a project, read through the context's loaders: the partners of
 * a whole page of projects come in one query, so capability fields cost no SQL per row.
 */
export async function projectFacts(ctx: Context, project: Project): Promise<ProjectFacts> {
  return toProjectFacts(project, await ctx.loaders.partners.byProject.load(project.uuid));
}

/** The policy facts of a project from its row and its places. */
export function toProjectFacts(project: Project, partners: readonly ProjectPartner[]): ProjectFacts {
  return {
    uuid: project.uuid,
    status: project.status,
    leadUuid: project.leadOrganisation.uuid,
    partners: partners.map((partner) => ({ organisationUuid: partner.organisation.uuid, role: partner.role, status: partner.status })),
  };
}

/** `project.read` for the caller (signed in or not). */
export async function canRead(ctx: Context, project: Project): Promise<boolean> {
  return canReadProject(await ctx.actor(), await projectFacts(ctx, project));
}

/** The project when it exists and the caller may read it; undefined otherwise (never a hint which). */
export async function readableProject(ctx: Context, uuid: string | undefined): Promise<Project | undefined> {
  const project = uuid ? await ctx.loaders.projects.byUuid.load(uuid) : undefined;
  return project && (await canRead(ctx, project)) ? project : undefined;
}

const COORDINATING: readonly MembershipRole[] = [MembershipRole.ADMIN, MembershipRole.COORDINATOR];

/**
 * The organisation a coordinator acts for, for the activity log: the lead when they coordinate it,
 * otherwise the co-lead they coordinate.
 */
export function coordinatingOrganisation(actor: Actor | undefined, project: ProjectFacts): string | null {
  const coordinates = (uuid: string) => COORDINATING.includes(actor?.memberships.get(uuid) as MembershipRole);
  if (coordinates(project.leadUuid)) {
    return project.leadUuid;
  }
  const coLead = project.partners.find(
    (partner) =>
      partner.role === ProjectPartnerRole.CO_LEAD &&
      partner.status === ProjectPartnerStatus.ACCEPTED &&
      coordinates(partner.organisationUuid),
  );
  return coLead?.organisationUuid ?? null;
}

/** The first of `organisations` the actor is a member of, for the activity log. */
export function memberOrganisation(actor: Actor | undefined, organisations: readonly string[]): string | null {
  return organisations.find((uuid) => actor?.memberships.has(uuid)) ?? null;
}

export interface ProjectInChange {
  project: Project;
  facts: ProjectFacts;
  actor: Actor | undefined;
}

/**
 * The SQL that finds the project of a row a change starts from, given the row's id: a change to a
 * need, pledge, deliverable or shift locks the project through it in the same statement (no peek first).
 */
export type ProjectOfRow = `select ${string} where ${string} = ?`;

const LOCKS = { share: 'for share of p', update: 'for update of p' } as const;

/** The places of the project in the row, as policy facts, in the order the partners loader gives them. */
const PARTNER_FACTS_SQL = `coalesce((select json_agg(json_build_object('organisationUuid', pp.organisation_id, 'role', pp.role, 'status', pp.status)
  order by pp.created_at, pp.id) from project_partner pp where pp.project_id = p.id), '[]'::json)`;

/**
 * Inside a change: the project, its row locked — `share` for changes that depend on its status (a pledge
 * must not slip into a project being cancelled), `update` for changes of the status itself — with its
 * facts and the actor; undefined when it does not exist or the caller may not see it (callers answer
 * NOT_FOUND: a draft stays secret).
 * `of` finds it through another row; without it `uuid` is the project's own. The row, its lock and the
 * places the policy reads come in one statement, so every change spends one round trip on its project.
 */
export async function projectInChange(
  tx: Context,
  uuid: string | undefined,
  mode: 'share' | 'update' = 'share',
  of?: ProjectOfRow,
): Promise<ProjectInChange | undefined> {
  if (!uuid) {
    return undefined;
  }
  const [row] = await preparedExecute<Record<string, unknown> & { partner_facts: ProjectFacts['partners'] }>(
    tx.em,
    `select p.*, ${PARTNER_FACTS_SQL} as partner_facts from project p where p.id = ${of ? `(${of})` : '?'} ${LOCKS[mode]}`,
    [uuid],
  );
  if (!row) {
    return undefined;
  }
  const { partner_facts: partners, ...columns } = row;
  const project = tx.em.map(Project, columns);
  const facts: ProjectFacts = { uuid: project.uuid, status: project.status, leadUuid: project.leadOrganisation.uuid, partners };
  const actor = await tx.actor();
  return canReadProject(actor, facts) ? { project, facts, actor } : undefined;
}
