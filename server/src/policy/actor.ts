import type { EntityManager } from '@mikro-orm/postgresql';
import { MembershipRole, RegionRoleKind } from '../memberships/membership.enums.js';

/**
 * Everything the policy needs to know about who is asking, loaded once per request — in the statement
 * that authenticates the request (`ACTOR_COLUMNS`), or in one of its own — and then consulted from
 * memory: authorisation costs no SQL per row.
 */
export interface Actor {
  personUuid: string;
  /** Organisation uuid → the role the person holds there. */
  memberships: ReadonlyMap<string, MembershipRole>;
  isPlatformAdmin: boolean;
  /** Materialised paths of the regions the person administers (REGION_ADMIN). */
  adminRegionPaths: readonly string[];
  /** Materialised paths of the grids the person works (GRID_WORKER). */
  gridPaths: readonly string[];
}

type MembershipRow = { organisation_id: string; role: MembershipRole };
type RoleRow = { role: RegionRoleKind; path: string | null };

/**
 * The actor of the person `person` (an SQL expression) as two JSON columns, `actor_memberships` and
 * `actor_roles`, for a select list: `authenticate` reads the caller's actor in the statement that finds
 * their session, so a signed-in request costs one statement before its own work instead of three.
 */
export const ACTOR_COLUMNS = (person: string) => `
  coalesce((select json_agg(json_build_object('organisation_id', m.organisation_id, 'role', m.role))
              from membership m where m.person_id = ${person}), '[]') as actor_memberships,
  coalesce((select json_agg(json_build_object('role', rr.role, 'path', r.path))
              from region_role rr left join region r on r.id = rr.region_id where rr.person_id = ${person}), '[]') as actor_roles`;

export interface ActorColumns {
  actor_memberships: MembershipRow[];
  actor_roles: RoleRow[];
}

/** The actor from a row that selected `ACTOR_COLUMNS`. */
export function actorFromColumns(personUuid: string, row: ActorColumns): Actor {
  return toActor(personUuid, row.actor_memberships, row.actor_roles);
}

export async function loadActor(em: EntityManager, personUuid: string): Promise<Actor> {
  // The person's uuid fills both placeholders of the two sub-selects.
  const [row] = await em.getConnection().execute<ActorColumns[]>(`select ${ACTOR_COLUMNS('?::uuid')}`, [personUuid, personUuid]);
  return actorFromColumns(personUuid, row!);
}

/**
 * The actors of many people in the same two statements as one actor's: the subscribers of a live
 * event are authorised together (see `activity/event-context.ts`). Everyone asked gets an actor, one
 * without memberships or roles when they hold none.
 */
export async function loadActors(em: EntityManager, personUuids: readonly string[]): Promise<Map<string, Actor>> {
  const connection = em.getConnection();
  const people = personUuids.map(() => '?').join(', ');
  const [memberships, roles] = await Promise.all([
    connection.execute<(MembershipRow & { person_id: string })[]>(
      `select person_id, organisation_id, role from membership where person_id in (${people})`,
      [...personUuids],
    ),
    connection.execute<(RoleRow & { person_id: string })[]>(
      `select rr.person_id, rr.role, r.path from region_role rr left join region r on r.id = rr.region_id where rr.person_id in (${people})`,
      [...personUuids],
    ),
  ]);
  const membershipsOf = groupByPerson(memberships);
  const rolesOf = groupByPerson(roles);
  return new Map(
    personUuids.map((personUuid) => [personUuid, toActor(personUuid, membershipsOf.get(personUuid) ?? [], rolesOf.get(personUuid) ?? [])]),
  );
}

function groupByPerson<T extends { person_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.person_id);
    if (group) {
      group.push(row);
    } else {
      groups.set(row.person_id, [row]);
    }
  }
  return groups;
}

function toActor(personUuid: string, memberships: readonly MembershipRow[], roles: readonly RoleRow[]): Actor {
  return {
    personUuid,
    memberships: new Map(memberships.map((row) => [row.organisation_id, row.role])),
    isPlatformAdmin: roles.some((row) => row.role === RegionRoleKind.PLATFORM_ADMIN),
    adminRegionPaths: roles.filter((row) => row.role === RegionRoleKind.REGION_ADMIN && row.path).map((row) => row.path!),
    gridPaths: roles.filter((row) => row.role === RegionRoleKind.GRID_WORKER && row.path).map((row) => row.path!),
  };
}
