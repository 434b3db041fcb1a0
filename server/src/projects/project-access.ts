import { LockMode } from '@mikro-orm/core';
import type { Context } from '../app/context.js';
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

/**
 * Loads a project inside a change and locks its row: `share` for changes that depend on its status
 * (a pledge must not slip into a project being cancelled), `update` for changes of the status itself.
 */
export async function lockProject(tx: Context, uuid: string, mode: 'share' | 'update'): Promise<Project | null> {
  return tx.em.findOne(
    Project,
    { uuid },
    { lockMode: mode === 'share' ? LockMode.PESSIMISTIC_READ : LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
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
 * Inside a change: the project, locked (see `lockProject`), with its facts and the actor; undefined
 * when it does not exist or the caller may not see it (callers answer NOT_FOUND: a draft stays secret).
 */
export async function projectInChange(
  tx: Context,
  uuid: string | undefined,
  mode: 'share' | 'update' = 'share',
): Promise<ProjectInChange | undefined> {
  const project = uuid ? await lockProject(tx, uuid, mode) : null;
  if (!project) {
    return undefined;
  }
  const [facts, actor] = await Promise.all([projectFacts(tx, project), tx.actor()]);
  return canReadProject(actor, facts) ? { project, facts, actor } : undefined;
}
